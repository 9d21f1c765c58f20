/**
 * A character-string as it appears in rdata (RFC 1035 §5.1): the decoded value plus the
 * document offsets it came from, so that a finding inside it (an SPF term, a DKIM tag)
 * can point at the exact source characters even across escapes and split strings.
 */
export interface CharString {
  /** Decoded content: quotes removed, `\X` and `\DDD` escapes resolved. */
  value: string;
  /** Document offset of the first content character (after the opening quote, if quoted). */
  start: number;
  /** Document offset just past the last content character (before the closing quote). */
  end: number;
  /**
   * Present only when the source differs from the value (escapes were used): `map[i]` is the
   * document offset of decoded character `i`, and `map[value.length] === end`.
   * When absent, decoded character `i` sits at `start + i`.
   */
  map?: Int32Array;
  /** Whether the source was a quoted string. */
  quoted: boolean;
}

/** Document offset of decoded character `index` of `s` (`index === s.value.length` gives `s.end`). */
export function charStringOffset(s: CharString, index: number): number {
  if (s.map) return s.map[Math.max(0, Math.min(index, s.value.length))];
  return s.start + Math.max(0, Math.min(index, s.value.length));
}

/**
 * Several character-strings of one TXT record joined with no separator (RFC 7208 §3.3,
 * RFC 6376 §3.6.2.2), with a way back from a joined index to a document offset.
 */
export class JoinedText {
  readonly value: string;
  private readonly parts: readonly CharString[];
  private readonly partStarts: number[];

  constructor(parts: readonly CharString[]) {
    this.parts = parts;
    if (parts.length === 1) {
      // Most records are one string: nothing to join.
      this.partStarts = [0];
      this.value = parts[0].value;
      return;
    }
    this.partStarts = [];
    let pos = 0;
    const values: string[] = [];
    for (const p of parts) {
      this.partStarts.push(pos);
      values.push(p.value);
      pos += p.value.length;
    }
    this.value = values.join('');
  }

  /** Document offset of joined character `index`; `index === value.length` maps to the end of the last string. */
  offsetAt(index: number): number {
    if (this.parts.length === 0) return 0;
    const part = this.partIndex(index);
    return charStringOffset(this.parts[part], index - this.partStarts[part]);
  }

  /** Index of the string that holds joined character `index` (the last string for the end). */
  private partIndex(index: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.partStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Document range for the joined range [from, to): the end maps to just past character `to - 1`. */
  rangeOf(from: number, to: number): { start: number; end: number } {
    const start = this.offsetAt(from);
    if (to <= from || this.parts.length === 0) return { start, end: start };
    // End just past the last character, inside the string that holds it (covers a whole `\DDD`).
    const last = this.partIndex(to - 1);
    return { start, end: charStringOffset(this.parts[last], to - this.partStarts[last]) };
  }
}
