/**
 * The one notion of a line break for code that finds or inserts lines: LF, CRLF or a lone CR
 * ends a line, as in LSP, LineIndex and the lexer (parser/lexer.ts). One exception, also the
 * lexer's (and BIND's): a comment runs to the next LF, past a lone CR, so the "lines" after a
 * lone CR that a comment reaches are part of that comment. Text inserted there would be read
 * as comment, so line-inserting code asks for a *code line* start, which never lies there.
 */

/** Comment ranges as the lexer records them: [start, end) pairs, in document order. */
export interface CommentRanges {
  comments: ArrayLike<number>;
  commentCount: number;
}

/** Length of the line break starting at `i`: 2 for CRLF, 1 for LF or a lone CR, 0 for none. */
export function lineBreakAt(text: string, i: number): 0 | 1 | 2 {
  const c = text.charCodeAt(i);
  if (c === 0x0a) return 1;
  if (c !== 0x0d) return 0;
  return text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
}

/** Offset just past the first line break at or after `from`, or -1 when there is none. */
export function nextLineStart(text: string, from: number): number {
  for (let i = Math.max(0, from); i < text.length; i++) {
    const n = lineBreakAt(text, i);
    if (n > 0) return i + n;
  }
  return -1;
}

/** Start of the physical line holding `offset`: just past the last line break before it. */
export function lineStartOf(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    // A CR followed by LF is the first half of a CRLF (an offset between the two belongs to
    // the line the CRLF ends).
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) return i + 1;
  }
  return 0;
}

/** Whether [from, to) holds any line break character. */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

/**
 * Start offset of the comment that runs over `offset` (from after its `;` up to and including
 * the LF that ends it, or the end of the text), or -1. Text inserted at such an offset would be
 * part of the comment.
 */
export function commentOver(text: string, c: CommentRanges, offset: number): number {
  // The last comment starting before `offset` (binary search over the sorted starts).
  let lo = 0;
  let hi = c.commentCount - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c.comments[2 * mid] < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const start = c.comments[2 * found];
  const lf = text.indexOf('\n', start);
  const reach = lf < 0 ? text.length : lf;
  return offset <= reach ? start : -1;
}

/**
 * Start of the line holding `offset` as the lexer reads lines: a physical line that starts after
 * a lone CR inside a comment belongs to the line the comment is on.
 */
export function codeLineStart(text: string, c: CommentRanges, offset: number): number {
  let start = lineStartOf(text, offset);
  for (let comment = commentOver(text, c, start); start > 0 && comment >= 0; comment = commentOver(text, c, start)) start = lineStartOf(text, comment);
  return start;
}

/**
 * Offset just past the line break that ends the line holding `from`, as the lexer reads lines
 * (a comment on it runs on to the next LF); the end of the text when no such break follows.
 */
export function codeLineEnd(text: string, c: CommentRanges, from: number): number {
  const next = nextLineStart(text, from);
  if (next < 0) return text.length;
  const comment = commentOver(text, c, next);
  if (comment < 0) return next;
  const lf = text.indexOf('\n', comment);
  return lf < 0 ? text.length : lf + 1;
}

/** Whether a line inserted at `offset` would be a line of its own (not the tail of another line or comment). */
export function startsCodeLine(text: string, c: CommentRanges, offset: number): boolean {
  if (offset === 0) return true;
  const prev = text.charCodeAt(offset - 1);
  if (prev !== 0x0a && !(prev === 0x0d && text.charCodeAt(offset) !== 0x0a)) return false;
  return commentOver(text, c, offset) < 0;
}

/**
 * The first line start in [from, to) for which `pred` holds, or -1. Lines are read as the lexer
 * reads them when `comments` are known (the document: a comment runs on past a lone CR), else by
 * their line breaks alone (an included file). `from` counts when a line starts there.
 */
export function findLineStart(text: string, comments: CommentRanges | null, from: number, to: number, pred: (lineStart: number) => boolean): number {
  for (let i = from; i < to; i++) {
    const starts = comments ? startsCodeLine(text, comments, i) : i === 0 || text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n');
    if (starts && pred(i)) return i;
  }
  return -1;
}

/**
 * The line ending for new lines: CRLF when the text uses it, else LF. Never a lone CR, even in a
 * file that uses them: written after a comment (a suppression comment, say) a lone CR would not
 * end the comment, and LF ends a line everywhere.
 */
export function newLineFor(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * The line break that ends the last line of `text` when a line is appended after it: the file's
 * own (newLineFor), except LF after a backslash that escapes nothing yet, which would escape the
 * CR of a CRLF (the lexer, like BIND, reads backslash-CR as an escaped character).
 */
export function lineBreakToAppend(text: string): string {
  let backslashes = 0;
  for (let i = text.length - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1 ? '\n' : newLineFor(text);
}
