/**
 * Merging two SPF records of one name into one (the fix of spf-multiple-records). Only done
 * when the result is plainly what both meant: both parse cleanly, neither has modifiers (two
 * `redirect=` or `exp=` cannot be combined) nor mechanisms after `all`. The merged record has the
 * mechanisms of the first, then those of the second not already present, then the stricter of
 * the two `all` mechanisms (`-` over `~` over `?` over `+`). It is written as quoted strings of
 * at most 255 octets, split between terms.
 */
import type { SpfQualifier, SpfTerm } from '../../spf';
import { formatCharString, MAX_CHAR_STRING_OCTETS, utf8Length } from '../../rrtypes/charStrings';
import type { SpfEntry } from './records';

const STRICTNESS: Record<SpfQualifier, number> = { '-': 3, '~': 2, '?': 1, '+': 0 };

/** The merged record text, or undefined when merging is not safe. */
export function mergedSpfText(a: SpfEntry, b: SpfEntry): string | undefined {
  for (const e of [a, b]) {
    if (e.verdict !== 'spf' || e.spf.errors.length > 0) return undefined;
    if (e.spf.terms.some((t) => t.kind !== 'mechanism')) return undefined;
    if (e.spf.hints.termsAfterAll.length > 0) return undefined;
  }
  const terms: string[] = [];
  const seen = new Set<string>();
  const alls: SpfTerm[] = [];
  for (const e of [a, b]) {
    for (const t of e.spf.terms) {
      if (t.name === 'all') {
        alls.push(t);
        continue;
      }
      const key = canonicalTerm(t);
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(t.text);
    }
  }
  if (alls.length > 0) {
    const strictest = alls.reduce((x, y) => (STRICTNESS[y.qualifier] > STRICTNESS[x.qualifier] ? y : x));
    terms.push(strictest.text);
  }
  return ['v=spf1', ...terms].join(' ');
}

/** Two terms that mean the same: same qualifier (written or not), same text otherwise. */
function canonicalTerm(t: SpfTerm): string {
  const body = t.qualifierExplicit ? t.text.slice(1) : t.text;
  return `${t.qualifier}${body.toLowerCase()}`;
}

/** `text` as zone-file character-strings of at most 255 octets, split after a space. */
export function asCharStrings(text: string): string {
  const parts: string[] = [];
  let rest = text;
  while (utf8Length(rest) > MAX_CHAR_STRING_OCTETS) {
    // SPF text is ASCII (the merge only runs on records without errors), so characters are octets.
    let cut = rest.lastIndexOf(' ', MAX_CHAR_STRING_OCTETS - 1) + 1;
    if (cut <= 0) cut = MAX_CHAR_STRING_OCTETS;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.map(formatCharString).join(' ');
}
