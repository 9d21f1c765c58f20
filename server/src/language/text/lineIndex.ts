/**
 * Offsets <-> line/character. JavaScript strings are UTF-16, so an offset is already the LSP
 * character unit; this only finds lines, by binary search over line starts computed once.
 * Lines end at LF, CRLF or a lone CR, as LSP defines them and as the lexer reads them.
 */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(
    readonly text: string,
    starts?: Int32Array,
  ) {
    this.starts = starts ?? (text.indexOf('\r') < 0 ? lfStarts(text) : mixedStarts(text));
  }

  /**
   * The index of `text`, made from the index of the text before one change (`start` is where the
   * two first differ, `oldEnd`/`newEnd` where the common rest begins in each): line starts before
   * the change are kept, those after it moved, and only the changed stretch is scanned. A line
   * start depends on the character before it and the one at it (CRLF is one break), so the scan
   * covers the starts whose two characters are not both in the unchanged parts.
   */
  static afterChange(old: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const before = old.starts;
    const out: number[] = [];
    let i = 0;
    for (; i < before.length && before[i] <= start - 1; i++);
    const head = before.subarray(0, Math.max(i, 1)); // 0 is always a line start
    for (let s = Math.max(1, start); s <= newEnd && s <= text.length; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(s) !== 0x0a)) out.push(s);
    }
    for (; i < before.length && before[i] < oldEnd + 1; i++);
    const tail = before.subarray(i);
    const starts = new Int32Array(head.length + out.length + tail.length);
    starts.set(head, 0);
    starts.set(out, head.length);
    for (let k = 0; k < tail.length; k++) starts[head.length + out.length + k] = tail[k] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of the line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[line + 1] - 1;
    if (this.text.charCodeAt(next) === 0x0d) return next; // a lone CR
    return next > 0 && this.text.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    if (line < 0) return 0;
    return Math.min(this.starts[line] + Math.max(0, character), this.lineEnd(line));
  }
}

/** Line starts of a text with LF line breaks only (the common case: indexOf is fast). */
function lfStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** Line starts when CR occurs: CRLF is one break, a lone CR is a break of its own. */
function mixedStarts(text: string): Int32Array {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
  }
  return Int32Array.from(starts);
}
