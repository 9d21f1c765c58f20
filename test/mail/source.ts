import type { CharString } from '../../server/src/language/text/charString';
import type { MailFinding } from '../../server/src/language/mail/types';

/**
 * Test helpers: build the character-strings of a TXT record from source text such as
 * `"v=DKIM1; k=rsa; " "p=MIIB..."` (each quoted string decoded as a zone file would, with
 * `\X` and `\DDD` escapes), and locate expected ranges in that same source.
 */

/** Decode every quoted string of `source` into a CharString with document offsets into `source`. */
export function charStrings(source: string): CharString[] {
  const out: CharString[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] !== '"') {
      i++;
      continue;
    }
    const start = i + 1;
    let value = '';
    const offsets: number[] = [];
    let escaped = false;
    let j = start;
    while (j < source.length && source[j] !== '"') {
      offsets.push(j);
      if (source[j] === '\\' && /^\d{3}/.test(source.slice(j + 1, j + 4))) {
        value += String.fromCharCode(Number(source.slice(j + 1, j + 4)));
        j += 4;
        escaped = true;
      } else if (source[j] === '\\') {
        value += source[j + 1];
        j += 2;
        escaped = true;
      } else {
        value += source[j];
        j++;
      }
    }
    if (j >= source.length) throw new Error(`unterminated string at ${i}`);
    offsets.push(j);
    const s: CharString = { value, start, end: j, quoted: true };
    if (escaped) s.map = Int32Array.from(offsets);
    out.push(s);
    i = j + 1;
  }
  return out;
}

/** Range of the `nth` (0-based) occurrence of `needle` in `source`; throws when absent. */
export function span(source: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) not found in ${source}`);
  }
  return { start: at, end: at + needle.length };
}

/** Range of `inner` inside the first occurrence of `outer` (to pick `rsa` in `k=rsa`). */
export function within(source: string, outer: string, inner: string): { start: number; end: number } {
  const o = span(source, outer);
  const at = source.indexOf(inner, o.start);
  if (at < 0 || at + inner.length > o.end) throw new Error(`"${inner}" not inside "${outer}"`);
  return { start: at, end: at + inner.length };
}

/** Compact form of findings for deepEqual: `[code, severity, start, end]`. */
export function brief(findings: readonly MailFinding[]): [string, string, number, number][] {
  return findings.map((f) => [f.code, f.severity, f.start, f.end]);
}

/** Expected compact finding. */
export function expected(code: string, severity: string, range: { start: number; end: number }): [string, string, number, number] {
  return [code, severity, range.start, range.end];
}

/** Findings with rule id `code`. */
export function only(findings: readonly MailFinding[], code: string): MailFinding[] {
  return findings.filter((f) => f.code === code);
}

/** Whole content range of a one- or several-string source: from after the first quote to before the last. */
export function wholeContent(source: string): { start: number; end: number } {
  return { start: source.indexOf('"') + 1, end: source.lastIndexOf('"') };
}
