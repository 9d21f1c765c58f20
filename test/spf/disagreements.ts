/**
 * Known classes of disagreement between our parser and mailauth v4 on SPF syntax. Each class
 * names the RFC text that decides it. `mailauth-wrong` classes are mailauth deviating from the
 * RFC 7208 grammar; `not-syntax` classes are cases where mailauth rejects a record at evaluation
 * time for a reason that is not record syntax (the name a valid domain-spec expands to), which
 * a zone linter cannot and should not call a syntax error. Anything not listed here fails the test.
 */
import { parseSpf } from '../../server/src/language/spf/parse';
import { SPF_BEYOND_RFC_CODES, type SpfErrorCode, type SpfTerm } from '../../server/src/language/spf/types';
import type { CharString } from '../../server/src/language/text/charString';

export type Direction = 'we-reject' | 'we-accept';

export interface DisagreementContext {
  direction: Direction;
  record: string;
  /** The first term whose verdicts differ when evaluated alone; undefined for record-level. */
  term?: string;
  parsed?: SpfTerm;
  /** Our RFC error codes on that term (or on the record, when record-level). */
  codes: ReadonlySet<SpfErrorCode>;
  mailauthDetail: string;
}

export interface DisagreementClass {
  id: string;
  verdict: 'mailauth-wrong' | 'not-syntax';
  direction: Direction;
  why: string;
  matches(c: DisagreementContext): boolean;
}

const has = (c: DisagreementContext, ...codes: SpfErrorCode[]): boolean => codes.some((x) => c.codes.has(x));
const spec = (c: DisagreementContext): string => c.parsed?.domainSpec ?? '';
/** The last label of a literal domain-spec, without a final dot. */
const toplabel = (s: string): string => s.replace(/\.$/, '').split('.').pop() ?? '';

export const DISAGREEMENT_CLASSES: readonly DisagreementClass[] = [
  // ---- mailauth accepts what the RFC 7208 grammar rejects ----
  {
    id: 'duplicate-exp',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §6: 'exp' MUST NOT appear more than once (suite test exp-twice); mailauth only checks 'redirect'",
    matches: (c) => c.term === undefined && has(c, 'duplicate-modifier') && (c.record.match(/(^| )exp=/gi)?.length ?? 0) > 1,
  },
  {
    id: 'modifier-name-characters',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §6: name = ALPHA *( ALPHA / DIGIT / '-' / '_' / '.' ); mailauth's name regex checks only the first character",
    matches: (c) => has(c, 'bad-modifier-name') && /^[A-Za-z][^:/=]*=/.test(c.term ?? ''),
  },
  {
    id: 'macro-transformers',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §7.1: transformers = *DIGIT [ 'r' ] then delimiters, §7.3: the digit must be non-zero; mailauth skips characters it does not understand inside %{...} (including '%')",
    matches: (c) => has(c, 'bad-macro') && malformedMacroBodies(c.term ?? '').length > 0,
  },
  {
    id: 'exp-only-macro-letters',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: 'RFC 7208 §7.2: the macro letters c, r and t are allowed only in explanation text (suite test exp-only-macro-char); mailauth expands them anywhere',
    matches: (c) => has(c, 'exp-only-macro'),
  },
  {
    id: 'exp-domain-spec-unchecked',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §6.2: exp = 'exp' '=' domain-spec (suite test exp-syntax-error); mailauth only requires a non-empty value",
    matches: (c) => /^exp=/i.test(c.term ?? '') && has(c, 'bad-domain-spec', 'unexpected-argument', 'bad-cidr'),
  },
  {
    id: 'ptr-domain-spec-unchecked',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §5.5: ptr = 'ptr' [ ':' domain-spec ]; mailauth never validates the ptr domain-spec (it is only compared, never queried)",
    matches: (c) => /^[+\-~?]?ptr:/i.test(c.term ?? '') && has(c, 'bad-domain-spec', 'unexpected-argument', 'bad-macro'),
  },
  {
    id: 'text-after-final-macro',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §7.1: domain-end = ( '.' toplabel [ '.' ] ) / macro-expand, so literal text after the last macro needs a dot and a toplabel; mailauth only checks the expanded name",
    matches: (c) => has(c, 'bad-domain-spec') && /(%\{[^}]*\}|%[%_-])[^.%]*\.?$/.test(spec(c)),
  },
  {
    id: 'cidr-all-zeros',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §5.6: ip4-cidr-length = '/' ( '0' / %x31-39 0*1DIGIT ), so '/00' is invalid; mailauth's leading-zero check only catches '/0' followed by a non-zero digit",
    matches: (c) => has(c, 'bad-cidr') && /\/0{2,}(?=\/|$)/.test(c.term ?? ''),
  },
  {
    id: 'address-of-other-family',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: 'RFC 7208 §5.6: ip4 takes an ip4-network and ip6 an RFC 4291 address; mailauth silently skips an address of the other family, after reducing anything shaped like ::ffff:d.d.d.d to its IPv4 part',
    matches: (c) => has(c, 'bad-ip4', 'bad-ip6') && /^[+\-~?]?ip[46]:/i.test(c.term ?? ''),
  },
  {
    id: 'argument-shape',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why:
      "RFC 7208 §5: the argument follows ':' (and a/mx may end in a dual-cidr-length); mailauth takes the text before the first ':' " +
      "as the name and silently skips unknown ones ('mx/32~a:x', 'ip4/:192.0.2.1'), reads text after '/' as the domain " +
      "('include/example.com', 'mx/example.org'), and uses the current domain for an empty domain-spec ('mx:/32')",
    matches: (c) =>
      /^[+\-~?]?(all|a|mx|ptr|include|exists|ip4|ip6)(\/|:\/)/i.test(c.term ?? '') &&
      has(c, 'bad-cidr', 'missing-argument', 'unexpected-argument', 'bad-domain-spec'),
  },
  {
    id: 'ip6-dual-cidr',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §5.6: ip6 = 'ip6' ':' ip6-network [ ip6-cidr-length ] takes a single '/n' (suite test cidr6-bad); mailauth parses a dual-cidr-length there and rejects '//' only for IPv4-mapped addresses",
    matches: (c) => /^[+\-~?]?ip6:[^/]*(\/[0-9]*)?\/\/[0-9]*$/i.test(c.term ?? '') && has(c, 'bad-cidr'),
  },
  {
    id: 'toplabel-trailing-dash',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "RFC 7208 §7.1: toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum '-' *( alphanum / '-' ) alphanum ) cannot end with '-'; mailauth's name regex allows it",
    matches: (c) => has(c, 'bad-domain-spec') && /-$/.test(toplabel(spec(c))),
  },
  {
    id: 'delimiter-regexp-bug',
    verdict: 'mailauth-wrong',
    direction: 'we-reject',
    why: "mailauth builds a RegExp character class from macro delimiters without escaping '-', so a valid macro such as %{i.-+} throws; inside include the exception is swallowed and the term is skipped unchecked",
    matches: (c) => /%\{[a-z][0-9]*r?[.+,/_=]*-[.+,/_=][^}]*\}/i.test(c.term ?? ''),
  },
  // ---- mailauth rejects what the RFC 7208 grammar allows ----
  {
    id: 'trailing-dot',
    verdict: 'mailauth-wrong',
    direction: 'we-accept',
    why: "RFC 7208 §7.1: domain-end = '.' toplabel [ '.' ] allows a final dot (suite test trailing-dot-domain); mailauth strips it for include and redirect only",
    matches: (c) => /\.$/.test(spec(c)) && ['a', 'mx', 'exists'].includes(c.parsed?.name ?? ''),
  },
  {
    id: 'toplabel-leading-digit',
    verdict: 'mailauth-wrong',
    direction: 'we-accept',
    why: "RFC 7208 §7.1: toplabel = *alphanum ALPHA *alphanum allows a leading digit ('example.1a'); mailauth's name regex requires a leading letter",
    matches: (c) => /^[0-9][A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*$/.test(toplabel(spec(c))),
  },
  {
    id: 'redirect-upper-case',
    verdict: 'mailauth-wrong',
    direction: 'we-accept',
    why: "domain names are case-insensitive (RFC 4343) and the ABNF's ALPHA includes upper case; mailauth's redirect regex is case-sensitive",
    matches: (c) => c.parsed?.name === 'redirect' && /[A-Z]/.test(spec(c)),
  },
  {
    id: 'ip6-mapped-with-prefix',
    verdict: 'mailauth-wrong',
    direction: 'we-accept',
    why: "RFC 7208 §5.6 with RFC 4291 §2.2 allows '::ffff:192.0.2.1/96'; mailauth converts IPv4-mapped addresses to IPv4 and then rejects any prefix length",
    matches: (c) => c.parsed?.name === 'ip6' && /^[:A-F0-9]*:(\d+\.){3}\d+$/i.test(c.parsed.ip ?? '') && c.parsed.cidrRange !== undefined,
  },
  {
    id: 'empty-unknown-modifier',
    verdict: 'mailauth-wrong',
    direction: 'we-accept',
    why: "RFC 7208 §6: unknown-modifier = name '=' macro-string and macro-string may be empty; mailauth rejects an empty (or '.') value",
    matches: (c) => c.parsed?.kind === 'unknown-modifier' && /^\.?$/.test(c.parsed.value ?? ''),
  },
  {
    id: 'empty-label',
    verdict: 'not-syntax',
    direction: 'we-accept',
    why: "a domain-spec may contain an empty label (a leading dot, '..') by the §7.1 ABNF; the resulting name is invalid DNS, which the suite lets evaluators treat as fail or permerror (invalid-domain-empty-label): a DNS-name matter, not record syntax",
    matches: (c) => /(^|\.)\./.test(spec(c)),
  },
  {
    id: 'macro-expansion-invalid',
    verdict: 'not-syntax',
    direction: 'we-accept',
    why: "the domain-spec is valid by the §7.1 ABNF, but the name it expands to is not (a trailing %{i} makes the last label numeric, %_ inserts a space); that is known only at evaluation time",
    matches: (c) => /%\{[^}]*\}|%[%_-]/.test(spec(c)) && /Invalid (domain|redirect target)/.test(c.mailauthDetail),
  },
];

/**
 * Exceptions mailauth throws (reported as temperror) on records, with the reason. Such records
 * get no mailauth verdict and are left out of the comparison.
 */
export const KNOWN_CRASHES: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  {
    pattern: /Invalid regular expression/,
    why: "macro delimiters such as '-+' become an unescaped RegExp range [\\.-\\+]; valid macros like %{i.-+} throw",
  },
  {
    pattern: /ipaddr: the address has neither IPv6 nor IPv4 CIDR format/,
    why: "ip4:::ffff:1.2.3.4/33: mailauth reduces the IPv4-mapped address to IPv4, skips the /0-32 check because the text was IPv6, and ipaddr throws",
  },
];

/** Bodies of %{...} macros with a valid letter whose transformers or delimiters are malformed. */
function malformedMacroBodies(term: string): string[] {
  const bodies = [...term.matchAll(/%\{([slodiphcrtv][^}]*)\}/gi)].map((m) => m[1]);
  return bodies.filter((b) => !/^[a-z](?:[1-9][0-9]*)?r?[.\-+,/_=]*$/i.test(b));
}

const asCharStrings = (strings: readonly string[]): CharString[] => {
  let pos = 0;
  return strings.map((value) => {
    const s: CharString = { value, start: pos, end: pos + value.length, quoted: true };
    pos += value.length;
    return s;
  });
};

/** Our verdict, ignoring the deliberate beyond-RFC checks: the RFC error codes found. */
export function ourRfcErrors(strings: readonly string[]): SpfErrorCode[] {
  return parseSpf(asCharStrings(strings))
    .errors.filter((e) => !SPF_BEYOND_RFC_CODES.has(e.code))
    .map((e) => e.code);
}

/** Context for a single term evaluated alone (`v=spf1 <term>`). */
export function termContext(direction: Direction, record: string, term: string, mailauthDetail: string): DisagreementContext {
  const parsed = parseSpf(asCharStrings([`v=spf1 ${term}`])).terms[0];
  return { direction, record, term, parsed, codes: new Set(ourRfcErrors([`v=spf1 ${term}`])), mailauthDetail };
}

/** The first known class that explains the disagreement, if any. */
export function classify(c: DisagreementContext): DisagreementClass | undefined {
  return DISAGREEMENT_CLASSES.find((k) => k.direction === c.direction && k.matches(c));
}
