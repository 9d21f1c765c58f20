/**
 * Data model of a parsed SPF record (RFC 7208). Every range is a half-open document range
 * (UTF-16 offsets) obtained through `JoinedText`, so it stays exact when a term spans two
 * quoted character-strings or contains `\DDD` escapes.
 */
import type { OffsetRange } from '../text/finding';

export type SpfQualifier = '+' | '-' | '~' | '?';

export type SpfMechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';
export type SpfModifierName = 'redirect' | 'exp';

export const SPF_MECHANISMS: readonly SpfMechanismName[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
export const SPF_MODIFIERS: readonly SpfModifierName[] = ['redirect', 'exp'];

/**
 * - `mechanism`: one of the eight mechanisms of RFC 7208 §5 (possibly with errors in its argument);
 * - `modifier`: `redirect=` or `exp=` (§6);
 * - `unknown-modifier`: any other `name=value` (§6, ignored by evaluators);
 * - `invalid`: a term that is neither (unknown mechanism, bad modifier name, ...).
 */
export type SpfTermKind = 'mechanism' | 'modifier' | 'unknown-modifier' | 'invalid';

/** One `%{...}`, `%%`, `%_` or `%-` inside a macro-string (RFC 7208 §7.1). */
export interface SpfMacro {
  /** The source text, e.g. `%{ir}` or `%%`. */
  text: string;
  /** Lower-cased macro letter for `%{...}`; undefined for `%%`, `%_`, `%-` or a malformed expand. */
  letter?: string;
  /** True when the letter is upper case (the expansion is URL-escaped, §7.3). */
  urlEscape: boolean;
  /** The digit transformer, when present. */
  digits?: number;
  /** Whether the `r` (reverse) transformer is present. */
  reverse: boolean;
  /** Delimiter characters, as written. */
  delimiters: string;
  range: OffsetRange;
  /** Range of the macro letter only. */
  letterRange?: OffsetRange;
}

export interface SpfTerm {
  kind: SpfTermKind;
  /**
   * Lower-cased mechanism or modifier name (`all`, `include`, ..., `redirect`, `exp`, or the
   * unknown modifier's name). For an `invalid` term, the word that stood where a name belongs.
   */
  name: string;
  /** The effective qualifier: the written one, or `+` when none was written (§4.6.2). */
  qualifier: SpfQualifier;
  /** Whether the qualifier was written explicitly. */
  qualifierExplicit: boolean;
  /** The term exactly as written (joined text). */
  text: string;
  range: OffsetRange;
  qualifierRange?: OffsetRange;
  nameRange: OffsetRange;
  /** Everything after the `:` or `=` separator (or the CIDR suffix for `a/24`), as written. */
  value?: string;
  valueRange?: OffsetRange;
  /** The domain-spec of include, a, mx, ptr, exists, redirect, exp (without any CIDR suffix). */
  domainSpec?: string;
  domainSpecRange?: OffsetRange;
  /** The address of ip4/ip6, as written. */
  ip?: string;
  ipRange?: OffsetRange;
  /** IPv4 prefix length (ip4, a, mx). */
  cidr4?: number;
  /** IPv6 prefix length (ip6, or the `//n` part of a and mx). */
  cidr6?: number;
  cidrRange?: OffsetRange;
  /** Macros found in the domain-spec or modifier value. */
  macros: SpfMacro[];
  /** True when the term's characters come from more than one character-string. */
  crossesStringBoundary: boolean;
  /** True when no syntax error was reported inside this term. */
  valid: boolean;
  /** Position of the term in the joined text (for callers that work on the joined string). */
  joinedStart: number;
  joinedEnd: number;
}

/**
 * Stable identifiers of the syntax errors. Codes listed in `SPF_BEYOND_RFC_CODES` are
 * grammatical per RFC 7208 but almost certainly mistakes; all others break the ABNF of
 * RFC 7208 §4.6.1, §5, §6, §7.1 and give `permerror` at evaluation.
 */
export type SpfErrorCode =
  | 'not-spf'
  | 'version-joined'
  | 'bad-character'
  | 'bad-qualifier'
  | 'unknown-mechanism'
  | 'modifier-as-mechanism'
  | 'mechanism-as-modifier'
  | 'qualified-modifier'
  | 'bad-modifier-name'
  | 'unexpected-argument'
  | 'missing-argument'
  | 'bad-domain-spec'
  | 'bad-macro'
  | 'exp-only-macro'
  | 'bad-cidr'
  | 'bad-ip4'
  | 'bad-ip6'
  | 'duplicate-modifier'
  | 'repeated-version';

/** Errors we report although the text is grammatical under RFC 7208 (see each message). */
export const SPF_BEYOND_RFC_CODES: ReadonlySet<SpfErrorCode> = new Set<SpfErrorCode>([
  // `include=x` parses as an unknown modifier (§6) that evaluators silently ignore.
  'mechanism-as-modifier',
  // A second `v=spf1` parses as an unknown modifier named `v`; it means two records were glued.
  'repeated-version',
]);

export interface SpfSyntaxError extends OffsetRange {
  code: SpfErrorCode;
  message: string;
  /** Index into `SpfRecord.terms` of the term the error belongs to, if any. */
  termIndex?: number;
}

/** Facts about the record that later (semantic) rules need; computed from the terms. */
export interface SpfHints {
  /** The first `all` mechanism, if any. */
  all?: SpfTerm;
  /** Mechanisms written after the first `all`: they are never evaluated (§5.1). */
  termsAfterAll: SpfTerm[];
  /** The first `redirect=` modifier, if any. */
  redirect?: SpfTerm;
  /** The first `exp=` modifier, if any. */
  exp?: SpfTerm;
  /** True when both `all` and `redirect=` are present: the redirect is then ignored (§6.1). */
  redirectWithAll: boolean;
  /** `ptr` mechanisms (their use is discouraged, §5.5). */
  ptrTerms: SpfTerm[];
  /** Terms using the `%{p}` macro (discouraged, §7.2). */
  pMacroTerms: SpfTerm[];
  /** The `all` mechanism when it is `+all` or `?all` (a policy that protects nothing). */
  permissiveAll?: SpfTerm;
}

export interface SpfRecord {
  /** The joined text of the record's character-strings. */
  text: string;
  /** Range of the `v=spf1` version tag. */
  versionRange: OffsetRange;
  terms: SpfTerm[];
  errors: SpfSyntaxError[];
  hints: SpfHints;
}
