import type { CharString } from '../text/charString';

/**
 * How a TXT record relates to SPF (RFC 7208 §4.5):
 * - `spf`: the joined text starts with `v=spf1` (any case) followed by a space or the end;
 * - `spf-joined-badly`: the author clearly meant an SPF record, but the strings were split right
 *   after `v=spf1` and are joined with no separator (§3.3), so the version reads e.g. `v=spf1mx`
 *   and every evaluator ignores the record;
 * - `not-spf`: anything else.
 */
export type SpfVersionVerdict = 'spf' | 'not-spf' | 'spf-joined-badly';

const VERSION = 'v=spf1';

/** Length of the version tag `v=spf1`. */
export const SPF_VERSION_LENGTH = VERSION.length;

/** Classifies one TXT record, given its character-strings in order. */
export function spfVersionCheck(strings: readonly CharString[]): SpfVersionVerdict {
  // The common case, read in place: a first string that holds the version and the character
  // after it (ASCII there; anything else goes the general way below).
  const first = strings.length > 0 ? strings[0].value : '';
  if (first.length > VERSION.length && isAsciiPrefix(first, VERSION.length + 1)) {
    for (let i = 0; i < VERSION.length; i++) {
      let c = first.charCodeAt(i);
      if (c >= 0x41 && c <= 0x5a) c += 32;
      if (c !== VERSION.charCodeAt(i)) return 'not-spf';
    }
    // A longer first string cannot end right after the version: not joined badly.
    return first.charCodeAt(VERSION.length) === 0x20 ? 'spf' : 'not-spf';
  }
  const joined = strings.map((s) => s.value).join('');
  if (joined.slice(0, VERSION.length).toLowerCase() !== VERSION) return 'not-spf';
  if (joined.length === VERSION.length || joined[VERSION.length] === ' ') return 'spf';
  return versionEndsAtStringBoundary(strings) ? 'spf-joined-badly' : 'not-spf';
}

function isAsciiPrefix(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** True when some character-string ends exactly after `v=spf1` (so the next one was glued on). */
export function versionEndsAtStringBoundary(strings: readonly CharString[]): boolean {
  let length = 0;
  for (const s of strings) {
    length += s.value.length;
    if (length === VERSION.length) return true;
    if (length > VERSION.length) return false;
  }
  return false;
}
