/**
 * What may follow each mechanism or modifier name (RFC 7208 §5, §6):
 *
 *   all     = "all"
 *   include = "include" ":" domain-spec          exists   = "exists" ":" domain-spec
 *   a       = "a"  [ ":" domain-spec ] [ dual-cidr-length ]
 *   mx      = "mx" [ ":" domain-spec ] [ dual-cidr-length ]
 *   ptr     = "ptr" [ ":" domain-spec ]
 *   ip4     = "ip4" ":" ip4-network [ ip4-cidr-length ]
 *   ip6     = "ip6" ":" ip6-network [ ip6-cidr-length ]
 *   redirect = "redirect" "=" domain-spec        explanation = "exp" "=" domain-spec
 */
import { checkSingleCidr, splitDualCidr } from './cidr';
import { checkDomainSpec } from './domainSpec';
import { describeBadIp4, isIp4Network, isIp6Network } from './ipAddress';
import type { RawTerm } from './term';

const EXAMPLES: Record<string, string> = {
  include: 'include:_spf.example.com',
  exists: 'exists:%{i}.list.example.com',
  redirect: 'redirect=_spf.example.com',
  exp: 'exp=explain.example.com',
  ip4: 'ip4:192.0.2.0/24',
  ip6: 'ip6:2001:db8::/32',
};

/**
 * Checks `argument` (empty, or starting with ':', '=' or '/') of the term named `name`;
 * `at` is the joined index of the argument. Fills the term's value fields and issues.
 */
export function checkMechanismArgument(name: string, argument: string, at: number, term: RawTerm): void {
  const end = at + argument.length;
  switch (name) {
    case 'all':
      if (argument.length > 0) {
        term.issues.push({ code: 'unexpected-argument', message: "'all' takes no argument (RFC 7208 §5.1)", from: at, to: end });
      }
      return;
    case 'include':
    case 'exists':
    case 'redirect':
    case 'exp':
      checkRequiredDomain(name, argument, at, term);
      return;
    case 'ptr':
      if (argument.startsWith('/')) {
        term.issues.push({ code: 'unexpected-argument', message: "'ptr' takes no prefix length (RFC 7208 §5.5)", from: at, to: end });
      } else if (argument.length > 0) {
        checkDomainAfterSeparator(name, argument, at, term, false);
      }
      return;
    case 'a':
    case 'mx':
      checkAddressMechanism(name, argument, at, term);
      return;
    case 'ip4':
    case 'ip6':
      checkIpMechanism(name, argument, at, term);
      return;
  }
}

function checkRequiredDomain(name: string, argument: string, at: number, term: RawTerm): void {
  const separator = name === 'redirect' || name === 'exp' ? '=' : ':';
  const section = { include: '§5.2', exists: '§5.7', redirect: '§6.1', exp: '§6.2' }[name] ?? '§5';
  if (argument.length === 0) {
    term.issues.push({
      code: 'missing-argument',
      message: `'${name}' needs a domain, as in ${EXAMPLES[name]} (RFC 7208 ${section})`,
      from: term.nameFrom,
      to: term.nameTo,
    });
    return;
  }
  if (argument[0] !== separator) {
    term.issues.push({
      code: 'unexpected-argument',
      message: `'${name}' takes no prefix length; it is written ${EXAMPLES[name]} (RFC 7208 ${section})`,
      from: at,
      to: at + argument.length,
    });
    return;
  }
  checkDomainAfterSeparator(name, argument, at, term, false);
}

/** `argument` starts with its ':' or '=' separator; the domain-spec follows it. */
function checkDomainAfterSeparator(name: string, argument: string, at: number, term: RawTerm, cidrAllowed: boolean): void {
  const spec = argument.slice(1);
  if (spec.length === 0) {
    term.issues.push({
      code: 'missing-argument',
      message: `the domain-spec after '${name}${argument[0]}' is empty`,
      from: at,
      to: at + 1,
    });
    return;
  }
  term.domainSpec = spec;
  term.domainSpecFrom = at + 1;
  if (!cidrAllowed && reportStrayCidr(name, spec, at + 1, term)) return;
  const check = checkDomainSpec(spec, at + 1);
  term.macros = check.macros;
  term.issues.push(...check.issues);
}

/** `include:example.com/24` and the like: report the prefix length rather than a bad label. */
function reportStrayCidr(name: string, spec: string, at: number, term: RawTerm): boolean {
  const split = splitTrailingPrefixLength(spec);
  if (!split) return false;
  const head = checkDomainSpec(split.head, at);
  if (head.issues.length > 0) return false;
  term.domainSpec = split.head;
  term.macros = head.macros;
  const from = at + split.head.length;
  term.issues.push({
    code: 'unexpected-argument',
    message: `'${name}' takes no prefix length (RFC 7208 §5)`,
    from,
    to: from + split.suffix.length,
  });
  return true;
}

/**
 * `example.com/24//64` -> head `example.com`, suffix `/24//64`: the suffix is the longest tail made
 * of '/' and digits that starts with '/', after a head of at least one character (what
 * `/^(.+?)(\/[\/0-9]*)$/` matches). A scan from the end, because that regex backtracks
 * quadratically, and its earlier form `((?:\/\/?[0-9]*)+)` exponentially, on a long run of '/'.
 */
export function splitTrailingPrefixLength(spec: string): { head: string; suffix: string } | undefined {
  let runStart = spec.length;
  while (runStart > 0 && isSlashOrDigit(spec.charCodeAt(runStart - 1))) runStart--;
  const slash = spec.indexOf('/', Math.max(runStart, 1));
  if (slash < 0) return undefined;
  const head = spec.slice(0, slash);
  // The regex's `.` stops at line terminators; keep that, rare as they are in a TXT string.
  if (/[\n\r\u2028\u2029]/.test(head)) return undefined;
  return { head, suffix: spec.slice(slash) };
}

function isSlashOrDigit(c: number): boolean {
  return c === 0x2f || (c >= 0x30 && c <= 0x39);
}

function checkAddressMechanism(name: string, argument: string, at: number, term: RawTerm): void {
  if (argument.length === 0) return;
  const hasDomain = argument.startsWith(':');
  const bodyAt = hasDomain ? at + 1 : at;
  const split = splitDualCidr(hasDomain ? argument.slice(1) : argument, bodyAt);
  const section = name === 'a' ? '§5.3' : '§5.4';
  if (!hasDomain && split.head.length > 0) {
    term.issues.push({
      code: 'bad-cidr',
      message: `'${argument}' is not a valid prefix length: write /n (IPv4), //m (IPv6) or /n//m (RFC 7208 ${section})`,
      from: at,
      to: at + argument.length,
    });
    return;
  }
  if (split.suffixStart < (hasDomain ? argument.length - 1 : argument.length)) {
    term.cidr4 = split.cidr4;
    term.cidr6 = split.cidr6;
    term.cidrFrom = bodyAt + split.suffixStart;
    term.cidrTo = at + argument.length;
  }
  term.issues.push(...split.issues);
  if (hasDomain) checkDomainAfterSeparator(name, ':' + split.head, at, term, true);
}

function checkIpMechanism(name: 'ip4' | 'ip6' | string, argument: string, at: number, term: RawTerm): void {
  const v4 = name === 'ip4';
  if (!argument.startsWith(':')) {
    term.issues.push({
      code: 'missing-argument',
      message: `'${name}' needs an address, as in ${EXAMPLES[name]} (RFC 7208 §5.6)`,
      from: argument.length > 0 ? at : term.nameFrom,
      to: argument.length > 0 ? at + argument.length : term.nameTo,
    });
    return;
  }
  const body = argument.slice(1);
  const slash = body.indexOf('/');
  const address = slash < 0 ? body : body.slice(0, slash);
  const addressAt = at + 1;
  if (address.length === 0) {
    term.issues.push({ code: 'missing-argument', message: `the address after '${name}:' is missing (RFC 7208 §5.6)`, from: at, to: at + 1 });
    return;
  }
  term.ip = address;
  term.ipFrom = addressAt;
  const valid = v4 ? isIp4Network(address) : isIp6Network(address);
  if (!valid) {
    let message: string;
    if (v4) message = isIp6Network(address) ? `'${address}' is an IPv6 address: use ip6:${address}` : describeBadIp4(address);
    else if (isIp4Network(address)) message = `'${address}' is an IPv4 address: use ip4:${address}`;
    else message = `'${address}' is not a valid IPv6 address (RFC 4291 §2.2)`;
    term.issues.push({ code: v4 ? 'bad-ip4' : 'bad-ip6', message, from: addressAt, to: addressAt + address.length });
  }
  if (slash >= 0) {
    const from = addressAt + slash;
    const cidr = checkSingleCidr(body.slice(slash), v4 ? 32 : 128, from, name);
    term.cidr4 = cidr.cidr4;
    term.cidr6 = cidr.cidr6;
    term.cidrFrom = from;
    term.cidrTo = at + argument.length;
    term.issues.push(...cidr.issues);
  }
}
