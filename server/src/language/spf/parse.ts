/**
 * `parseSpf`: one TXT record (its character-strings, joined with no separator as RFC 7208 §3.3
 * requires) to terms with exact document ranges and every syntax error of RFC 7208 §4.6.1,
 * §5, §6 and §7.1. Never throws.
 */
import { JoinedText, type CharString } from '../text/charString';
import type { OffsetRange } from '../text/finding';
import { computeHints } from './hints';
import type { SpfIssue } from './issue';
import type { RawMacro } from './macro';
import { parseTerm, type RawTerm } from './term';
import type { SpfMacro, SpfRecord, SpfSyntaxError, SpfTerm } from './types';
import { SPF_VERSION_LENGTH, spfVersionCheck } from './version';

export function parseSpf(strings: readonly CharString[]): SpfRecord {
  const joined = new JoinedText(strings);
  const text = joined.value;
  const boundaries = stringBoundaries(strings);
  const errors: SpfSyntaxError[] = [];
  const range = (from: number, to: number): OffsetRange => joined.rangeOf(from, to);
  const addError = (issue: SpfIssue, termIndex?: number): void => {
    // An error always covers at least one character when the record has one to point at.
    const to = Math.max(issue.to, Math.min(issue.from + 1, text.length));
    const error: SpfSyntaxError = { code: issue.code, message: issue.message, ...range(issue.from, to) };
    if (termIndex !== undefined) error.termIndex = termIndex;
    errors.push(error);
  };

  const termsFrom = readVersion(strings, text, addError);
  const badChars = findBadCharacters(text);
  const unclaimedBadChars = new Set(badChars);

  const terms: SpfTerm[] = [];
  const seenModifiers = new Set<string>();
  for (const token of splitTerms(text, termsFrom)) {
    const raw = parseTerm(token.text, token.from);
    const termIndex = terms.length;
    const termBadChars = badChars.filter((b) => b.from < token.to && b.to > token.from);
    const hasBadChar = termBadChars.length > 0;
    // A control or non-ASCII character says it all; the rest of the term would only echo it.
    const issues = hasBadChar ? termBadChars : raw.issues;
    for (const b of termBadChars) unclaimedBadChars.delete(b);
    if (raw.kind === 'modifier' && raw.issues.length === 0 && !hasBadChar) {
      if (seenModifiers.has(raw.name)) {
        issues.push({
          code: 'duplicate-modifier',
          message: `'${raw.name}=' appears more than once; a record may have at most one (RFC 7208 §6)`,
          from: token.from,
          to: token.to,
        });
      }
      seenModifiers.add(raw.name);
    }
    const crosses = boundaries.some((b) => b > token.from && b < token.to);
    const noteJoin = crosses && !hasBadChar;
    issues.forEach((issue, i) => addError(i === 0 && noteJoin ? withJoinNote(issue, token, boundaries) : issue, termIndex));
    terms.push(toTerm(raw, token, range, crosses, issues.length === 0 && !hasBadChar));
  }

  // Characters in the version tag belong to no term.
  for (const issue of unclaimedBadChars) addError(issue);
  errors.sort((x, y) => x.start - y.start || x.end - y.end);
  return {
    text,
    versionRange: range(0, Math.min(SPF_VERSION_LENGTH, text.length)),
    terms,
    errors,
    hints: computeHints(terms),
  };
}

/** Checks the version tag; returns the joined index where the terms begin. */
function readVersion(strings: readonly CharString[], text: string, addError: (issue: SpfIssue) => void): number {
  const verdict = spfVersionCheck(strings);
  if (verdict === 'spf') return SPF_VERSION_LENGTH;
  const firstSpace = text.indexOf(' ');
  const firstWordEnd = firstSpace < 0 ? text.length : firstSpace;
  if (verdict === 'spf-joined-badly') {
    addError({
      code: 'version-joined',
      message:
        `the character-strings are joined with no space (RFC 7208 §3.3), so this reads ` +
        `'${text.slice(0, firstWordEnd)}' and is not an SPF record at all; start the next string with a space`,
      from: 0,
      to: firstWordEnd,
    });
    // Parse what follows as the author meant it, so the terms still get checked.
    return SPF_VERSION_LENGTH;
  }
  addError({ code: 'not-spf', message: "an SPF record must start with 'v=spf1' followed by a space (RFC 7208 §4.5)", from: 0, to: firstWordEnd });
  return firstWordEnd;
}

interface Token {
  text: string;
  from: number;
  to: number;
}

/** Terms are separated by one or more spaces, and only spaces (RFC 7208 §4.6.1). */
function splitTerms(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  const re = /[^ ]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ text: m[0], from: m.index, to: m.index + m[0].length });
  }
  return tokens;
}

/** Runs of characters other than printable ASCII and space. */
function findBadCharacters(text: string): SpfIssue[] {
  const issues: SpfIssue[] = [];
  const re = /[^\x20-\x7e]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const first = m[0].codePointAt(0) ?? 0;
    const code = `U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
    const message =
      first < 0x20 || first === 0x7f
        ? `control character ${code}: terms are separated by spaces only, and records hold printable ASCII (RFC 7208 §4.6.1)`
        : `non-ASCII character '${String.fromCodePoint(first)}' (${code}): SPF records are limited to printable ASCII (RFC 7208 §4.6.1)`;
    issues.push({ code: 'bad-character', message, from: m.index, to: m.index + m[0].length });
  }
  return issues;
}

/** Joined indices where one character-string ends and the next begins. */
function stringBoundaries(strings: readonly CharString[]): number[] {
  const result: number[] = [];
  let pos = 0;
  for (const s of strings.slice(0, -1)) {
    pos += s.value.length;
    result.push(pos);
  }
  return result;
}

function withJoinNote(issue: SpfIssue, token: Token, boundaries: readonly number[]): SpfIssue {
  const at = boundaries.find((b) => b > token.from && b < token.to) ?? token.from;
  const left = token.text.slice(0, at - token.from);
  const right = token.text.slice(at - token.from);
  return {
    ...issue,
    message: `${issue.message}. Note: '${left}' and '${right}' come from two strings joined with no space (RFC 7208 §3.3)`,
  };
}

function toTerm(
  raw: RawTerm,
  token: Token,
  range: (from: number, to: number) => OffsetRange,
  crossesStringBoundary: boolean,
  valid: boolean,
): SpfTerm {
  const term: SpfTerm = {
    kind: raw.kind,
    name: raw.name,
    qualifier: raw.qualifier,
    qualifierExplicit: raw.qualifierExplicit,
    text: token.text,
    range: range(token.from, token.to),
    nameRange: range(raw.nameFrom, raw.nameTo),
    macros: raw.macros.map((m) => toMacro(m, range)),
    crossesStringBoundary,
    valid,
    joinedStart: token.from,
    joinedEnd: token.to,
  };
  if (raw.qualifierAt !== undefined) term.qualifierRange = range(raw.qualifierAt, raw.qualifierAt + 1);
  if (raw.value !== undefined && raw.valueFrom !== undefined) {
    term.value = raw.value;
    term.valueRange = range(raw.valueFrom, raw.valueFrom + raw.value.length);
  }
  if (raw.domainSpec !== undefined && raw.domainSpecFrom !== undefined) {
    term.domainSpec = raw.domainSpec;
    term.domainSpecRange = range(raw.domainSpecFrom, raw.domainSpecFrom + raw.domainSpec.length);
  }
  if (raw.ip !== undefined && raw.ipFrom !== undefined) {
    term.ip = raw.ip;
    term.ipRange = range(raw.ipFrom, raw.ipFrom + raw.ip.length);
  }
  if (raw.cidr4 !== undefined) term.cidr4 = raw.cidr4;
  if (raw.cidr6 !== undefined) term.cidr6 = raw.cidr6;
  if (raw.cidrFrom !== undefined && raw.cidrTo !== undefined) term.cidrRange = range(raw.cidrFrom, raw.cidrTo);
  return term;
}

function toMacro(m: RawMacro, range: (from: number, to: number) => OffsetRange): SpfMacro {
  const macro: SpfMacro = {
    text: m.text,
    urlEscape: m.urlEscape,
    reverse: m.reverse,
    delimiters: m.delimiters,
    range: range(m.from, m.to),
  };
  if (m.letter !== undefined) macro.letter = m.letter;
  if (m.digits !== undefined) macro.digits = m.digits;
  if (m.letterFrom !== undefined) macro.letterRange = range(m.letterFrom, m.letterFrom + 1);
  return macro;
}
