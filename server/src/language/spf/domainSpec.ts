/**
 * Validation of domain-specs (RFC 7208 §7.1):
 *
 *   domain-spec = macro-string domain-end
 *   domain-end  = ( "." toplabel [ "." ] ) / macro-expand
 *   toplabel    = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 *
 * So a literal domain-spec needs at least one dot followed by a top-level label that is not
 * all digits and does not start or end with a dash: `a:museum` and `a:1.2.3.4` are errors.
 * Empty labels (`a..b.example`) and long labels are grammatical; they are a DNS matter.
 */
import type { SpfIssue } from './issue';
import { scanMacroString, type RawMacro } from './macro';

export interface DomainSpecCheck {
  macros: RawMacro[];
  issues: SpfIssue[];
}

// `[0-9]*[A-Za-z]` rather than `[A-Za-z0-9]*[A-Za-z]`: the same labels, but the first letter can be
// found only one way, so a long label that fails does not backtrack quadratically.
const TOPLABEL = /^(?:[0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9]+-[A-Za-z0-9-]*[A-Za-z0-9])$/;

/** Checks a non-empty domain-spec `text` starting at joined index `base`. */
export function checkDomainSpec(text: string, base: number): DomainSpecCheck {
  const scan = scanMacroString(text, base, 'domain-spec');
  // A malformed macro already explains the problem; a domain-end complaint would be noise.
  if (scan.issues.length > 0) return { macros: scan.macros, issues: scan.issues };
  const issue = checkDomainEnd(text, base, scan.literalTailStart);
  return { macros: scan.macros, issues: issue ? [issue] : [] };
}

/** Checks the domain-end of `text`, whose final literal run starts at `tailStart`. */
function checkDomainEnd(text: string, base: number, tailStart: number): SpfIssue | undefined {
  if (tailStart >= text.length) return undefined; // ends with a macro-expand
  const withoutFinalDot = text.endsWith('.') ? text.slice(0, -1) : text;
  const lastDot = withoutFinalDot.lastIndexOf('.');
  if (lastDot < tailStart && tailStart > 0) {
    return {
      code: 'bad-domain-spec',
      message:
        `'${text}' is not a valid domain-spec: after its last macro it must end, or continue with ` +
        `a dot and a top-level label (RFC 7208 §7.1)`,
      from: base + tailStart,
      to: base + text.length,
    };
  }
  if (lastDot < tailStart) {
    return {
      code: 'bad-domain-spec',
      message:
        `'${text}' is not a valid domain-spec: it must end with a dot and a top-level label ` +
        `(e.g. '${text.replace(/\.$/, '')}.example') or with a macro (RFC 7208 §7.1)`,
      from: base,
      to: base + text.length,
    };
  }
  const label = withoutFinalDot.slice(lastDot + 1);
  if (TOPLABEL.test(label)) return undefined;
  if (tailStart === 0 && /^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$/.test(withoutFinalDot)) {
    return {
      code: 'bad-domain-spec',
      message: `'${text}' is an IP address, not a domain-spec; match an address with ip4:${withoutFinalDot} (RFC 7208 §7.1)`,
      from: base,
      to: base + text.length,
    };
  }
  const from = base + lastDot + 1;
  const to = from + Math.max(label.length, 0);
  return {
    code: 'bad-domain-spec',
    message: `'${text}' is not a valid domain-spec: ${describeBadToplabel(label)} (RFC 7208 §7.1)`,
    from: label.length > 0 ? from : base,
    to: label.length > 0 ? to : base + text.length,
  };
}

function describeBadToplabel(label: string): string {
  if (label.length === 0) return 'the top-level label is empty';
  const odd = /[^A-Za-z0-9-]/.exec(label);
  if (odd) return `'${odd[0]}' is not allowed in the top-level label '${label}'`;
  if (/^[0-9]+$/.test(label)) return `the top-level label '${label}' is all digits (an IP address is not a domain-spec)`;
  if (label.startsWith('-') || label.endsWith('-')) return `the top-level label '${label}' starts or ends with a dash`;
  return `'${label}' is not a valid top-level label`;
}
