/**
 * Canonical DNS name order (RFC 4034 §6.1): names compare label by label from the right, each
 * label as a string of octets with upper-case ASCII folded to lower case; a name that runs out
 * of labels first sorts first (so the apex precedes everything below it).
 */
import { nameToLabels } from '../rrtypes/names';

/** The octets of one label as written in a canonical name (escapes `\.` and `\DDD` decoded), lower-cased. */
export function labelOctets(label: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < label.length; i++) {
    let c = label.charCodeAt(i);
    if (c === 0x5c && i + 1 < label.length) {
      const d = label.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        c = Number(label.slice(i + 1, i + 4));
        i += 3;
      } else {
        c = d;
        i += 1;
      }
    }
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out.push(c);
  }
  return out;
}

function compareOctets(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in canonical order. */
export function compareCanonical(a: string, b: string): number {
  if (a === b) return 0;
  const la = nameToLabels(a).map(labelOctets);
  const lb = nameToLabels(b).map(labelOctets);
  for (let i = la.length - 1, j = lb.length - 1; i >= 0 && j >= 0; i--, j--) {
    const c = compareOctets(la[i], lb[j]);
    if (c !== 0) return c;
  }
  return la.length - lb.length;
}
