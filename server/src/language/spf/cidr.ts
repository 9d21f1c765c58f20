/**
 * Prefix lengths (RFC 7208 §5.6, §5.3):
 *
 *   ip4-cidr-length  = "/" ( "0" / %x31-39 0*1DIGIT )   ; 0-32
 *   ip6-cidr-length  = "/" ( "0" / %x31-39 0*2DIGIT )   ; 0-128
 *   dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
 *
 * ip4 and ip6 take a single `/n`; a and mx take `/n`, `//m` or `/n//m`.
 */
import type { SpfIssue } from './issue';

export interface CidrResult {
  cidr4?: number;
  cidr6?: number;
  issues: SpfIssue[];
}

/**
 * Splits the trailing dual-cidr-length off an a/mx argument. `head` is what precedes it
 * (the `:domain-spec` part, possibly empty); the suffix is validated into the result.
 */
export function splitDualCidr(text: string, base: number): CidrResult & { head: string; suffixStart: number } {
  const match = /(\/[0-9]*)?(\/\/[0-9]*)?$/.exec(text);
  const suffixStart = match ? match.index : text.length;
  const result: CidrResult = { issues: [] };
  const v4 = match?.[1];
  const v6 = match?.[2];
  if (v4 !== undefined) {
    const from = base + suffixStart;
    result.cidr4 = checkLength(v4.slice(1), 32, from, from + v4.length, result.issues);
  }
  if (v6 !== undefined) {
    const from = base + suffixStart + (v4?.length ?? 0);
    result.cidr6 = checkLength(v6.slice(2), 128, from, from + v6.length, result.issues);
  }
  return { ...result, head: text.slice(0, suffixStart), suffixStart };
}

/**
 * Validates the single prefix length of ip4 (`max` 32) or ip6 (`max` 128); `suffix` starts
 * with '/' and sits at joined index `from`.
 */
export function checkSingleCidr(suffix: string, max: 32 | 128, from: number, mechanism: string): CidrResult {
  const issues: SpfIssue[] = [];
  const to = from + suffix.length;
  if (/^\/[0-9]*$/.test(suffix)) {
    const value = checkLength(suffix.slice(1), max, from, to, issues);
    return max === 32 ? { cidr4: value, issues } : { cidr6: value, issues };
  }
  const dual = /^(?:\/[0-9]*)?\/\/[0-9]*$/.test(suffix);
  issues.push({
    code: 'bad-cidr',
    message: dual
      ? `${mechanism} takes a single prefix length '/n' (0-${max}); the '//' form is only for a and mx (RFC 7208 §5.6)`
      : `'${suffix}' is not a prefix length: write '/n' with n from 0 to ${max} (RFC 7208 §5.6)`,
    from,
    to,
  });
  return { issues };
}

/** Checks the digits of one prefix length; returns its value when usable. */
function checkLength(digits: string, max: number, from: number, to: number, issues: SpfIssue[]): number | undefined {
  if (digits.length === 0) {
    issues.push({ code: 'bad-cidr', message: `the prefix length after '/' is missing (0-${max})`, from, to });
    return undefined;
  }
  const value = Number(digits);
  if (digits.length > 1 && digits.startsWith('0')) {
    issues.push({
      code: 'bad-cidr',
      message: `leading zeros are not allowed in the prefix length '${digits}' (RFC 7208 §5.6)`,
      from,
      to,
    });
    return value <= max ? value : undefined;
  }
  if (value > max) {
    issues.push({
      code: 'bad-cidr',
      message: `prefix length ${digits} is out of range: ${max === 32 ? 'IPv4' : 'IPv6'} allows 0-${max}`,
      from,
      to,
    });
    return undefined;
  }
  return value;
}
