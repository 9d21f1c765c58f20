/**
 * The zone-file lexer (RFC 1035 §5.1, BIND dialect): one pass over the text with charCodeAt,
 * tokens kept as offsets in typed arrays, grouped into entries (logical lines, with
 * parentheses joining physical lines). It never throws and never allocates per character.
 *
 * Recovery: an unterminated quoted string ends at the end of its physical line (as BIND does);
 * a `(` still open at the end of the file is reported, its group is taken to end before the
 * next line that starts with a token at column 0 (a new record), and the text from there is lexed
 * again with parenthesised groups limited the same way, so neither the indented continuation
 * lines of the broken record nor the records after a forgotten `)` are lost, and the work stays
 * linear.
 */

export const enum TokenKind {
  Word = 0,
  Quoted = 1,
}

export interface LexError {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

/** How many physical lines a parenthesised group may span while recovering from a missing `)`. */
const RECOVERY_GROUP_LINES = 200;
/** Cap on errors of one kind, so hostile input cannot flood the editor with diagnostics. */
const MAX_ERRORS_PER_KIND = 100;

export class LexResult {
  tokCount = 0;
  tokStart = new Int32Array(1024);
  tokEnd = new Int32Array(1024);
  tokKind = new Uint8Array(1024);

  entryCount = 0;
  /** First token of each entry, and one past its last. */
  entryFirst = new Int32Array(256);
  entryLast = new Int32Array(256);
  /** 1 when the entry's first physical line starts with a token (an owner field), 0 when with blank space. */
  entryHasOwner = new Uint8Array(256);

  /** Comment ranges, as pairs [start, end) (the `;` included, the line break excluded). */
  commentCount = 0;
  comments = new Int32Array(128);

  /** Offsets of the parentheses, for folding and formatting: pairs [open, close] (close -1 if unclosed). */
  parens: number[] = [];

  errors: LexError[] = [];

  constructor(readonly text: string) {}

  tokenText(i: number): string {
    return this.text.slice(this.tokStart[i], this.tokEnd[i]);
  }

  /** A quoted token's content without its quotes (an unterminated one has no closing quote to drop). */
  tokenContent(i: number): string {
    const s = this.tokStart[i];
    const e = this.tokEnd[i];
    if (this.tokKind[i] !== TokenKind.Quoted) return this.text.slice(s, e);
    const closed = e - s >= 2 && this.text.charCodeAt(e - 1) === 0x22 && !isEscaped(this.text, e - 1, s + 1);
    return this.text.slice(s + 1, closed ? e - 1 : e);
  }
}

function isEscaped(text: string, at: number, from: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= from && text.charCodeAt(i) === 0x5c; i--) n++;
  return n % 2 === 1;
}

function grow32(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

function grow8(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint8Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

class Lexer {
  private readonly r: LexResult;
  private readonly text: string;
  private readonly n: number;
  private errorCounts = new Map<string, number>();

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
    this.r = new LexResult(text);
  }

  run(): LexResult {
    const start = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    // A `(` never closed: its group was cut (see groupEnd); lex again from the cut in recovery mode.
    let resumeAt = this.scan(start, false);
    while (resumeAt >= 0) resumeAt = resumeAt < this.n ? this.scan(resumeAt, true) : -1;
    return this.r;
  }

  /**
   * Scan from `from` to the end. Returns -1, or, when a `(` is left open at the end of the file,
   * the offset where its group was cut (see groupEnd), from which the caller lexes again. In
   * recovery mode, a group is cut as soon as it reaches a line starting with a token at column 0
   * (or spans more than RECOVERY_GROUP_LINES lines, then at the end of its first line).
   */
  private scan(from: number, recovering: boolean): number {
    const text = this.text;
    const n = this.n;
    const r = this.r;
    let i = from;
    let lineStart = from;
    let depth = 0;
    let openAt = -1;
    let openLines = 0;
    let entryFirstTok = r.tokCount;
    let entryHasOwner = 0;
    let entryOpen = false;

    const closeEntry = (): void => {
      if (entryOpen && r.tokCount > entryFirstTok) this.pushEntry(entryFirstTok, r.tokCount, entryHasOwner);
      entryOpen = false;
    };

    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && this.loneCr(i))) {
        if (depth > 0) {
          openLines++;
          const nextCol0 = i + 1 < n ? text.charCodeAt(i + 1) : 0x0a;
          const startsWithToken = nextCol0 !== 0x20 && nextCol0 !== 0x09 && nextCol0 !== 0x0a && nextCol0 !== 0x0d && nextCol0 !== 0x3b && nextCol0 !== 0x29;
          if (recovering && (startsWithToken || openLines > RECOVERY_GROUP_LINES)) {
            // Give up on this group: it ends before the new record (changed: it used to end with
            // its first line, which split a record whose `)` alone was forgotten into many errors).
            const cut = startsWithToken ? i + 1 : this.nextBreak(openAt) + 1;
            this.abandonGroup(openAt, "'(' is never closed before the next record", cut);
            depth = 0;
            closeEntry();
            i = cut;
            lineStart = i;
            continue;
          }
        } else {
          closeEntry();
        }
        i++;
        lineStart = i;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++;
        continue;
      }
      if (c === 0x3b) {
        const end = this.lineEnd(i);
        this.pushComment(i, end > i && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
        i = end;
        continue;
      }
      if (c === 0x28) {
        if (depth > 0) {
          this.error('nested-paren', i, i + 1, "nested '(' inside parentheses: BIND accepts it, but it is almost always a mistake", 'warning');
        } else {
          openAt = i;
          openLines = 0;
          if (!entryOpen) {
            entryOpen = true;
            entryFirstTok = r.tokCount;
            // Fixed: a line that starts with `(` (not with blank space) still has an owner, the
            // first token inside: BIND reads `( www ) IN A ...` as owner www.
            entryHasOwner = i === lineStart ? 1 : 0;
          }
        }
        depth++;
        i++;
        continue;
      }
      if (c === 0x29) {
        if (depth === 0) {
          this.error('unopened-paren', i, i + 1, "')' without a matching '('");
        } else {
          depth--;
          if (depth === 0) r.parens.push(openAt, i);
        }
        i++;
        continue;
      }
      if (!entryOpen) {
        entryOpen = true;
        entryFirstTok = r.tokCount;
        entryHasOwner = i === lineStart ? 1 : 0;
      }
      i = c === 0x22 ? this.quoted(i) : this.word(i);
    }
    if (depth > 0) {
      const cut = this.groupEnd(openAt);
      this.abandonGroup(openAt, "'(' is never closed: BIND would read the rest of the file as part of this record", cut);
      closeEntry();
      return cut;
    }
    closeEntry();
    return -1;
  }

  /**
   * Where the group of an unclosed `(` is taken to end: at the start of the first later line
   * that begins with a token at column 0 (a new record), or at the end of the file; if that is
   * more than RECOVERY_GROUP_LINES lines away, just after the line that opened it.
   */
  private groupEnd(openAt: number): number {
    const text = this.text;
    let line = this.codeLineBreak(openAt);
    for (let lines = 0; line < this.n; lines++) {
      if (lines > RECOVERY_GROUP_LINES) return this.codeLineBreak(openAt) + 1;
      const c = line + 1 < this.n ? text.charCodeAt(line + 1) : 0x0a;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x3b && c !== 0x29) return line + 1;
      line = this.codeLineBreak(line + 1);
    }
    return this.n;
  }

  /**
   * The line break that ends the line of code through `from`: as nextBreak, except that a comment
   * runs on past a lone CR to the next LF (so a line after that CR is still the comment's, as when
   * lexing), and a `;` inside a quoted string starts no comment.
   */
  private codeLineBreak(from: number): number {
    const text = this.text;
    for (let i = from; i < this.n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3b) return this.lineEnd(i);
      if (c === 0x22) {
        for (i++; i < this.n && text.charCodeAt(i) !== 0x22 && !this.isBreak(i); i++) if (text.charCodeAt(i) === 0x5c) i++;
        if (i < this.n && this.isBreak(i)) return i;
      } else if (this.isBreak(i)) return i;
    }
    return this.n;
  }

  /**
   * End an unclosed group at `cut`: drop the tokens, comments and errors from there on (they are
   * lexed again) and report the `(`.
   */
  private abandonGroup(openAt: number, message: string, cut: number): void {
    const r = this.r;
    while (r.tokCount > 0 && r.tokStart[r.tokCount - 1] >= cut) r.tokCount--;
    while (r.commentCount > 0 && r.comments[2 * (r.commentCount - 1)] >= cut) r.commentCount--;
    while (r.errors.length > 0 && r.errors[r.errors.length - 1].start >= cut) r.errors.pop();
    r.parens.push(openAt, -1);
    this.error('unclosed-paren', openAt, openAt + 1, message);
  }

  private quoted(start: number): number {
    const text = this.text;
    const n = this.n;
    let i = start + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        if (i + 1 < n && this.isBreak(i + 1)) break;
        i += 2;
        continue;
      }
      if (c === 0x22) {
        this.pushToken(start, i + 1, TokenKind.Quoted);
        return i + 1;
      }
      if (this.isBreak(i)) break;
      i++;
    }
    const end = Math.min(i, n);
    const trimmed = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    this.error('unterminated-quote', start, trimmed, 'unterminated quoted string: the closing " is missing on this line');
    this.pushToken(start, trimmed, TokenKind.Quoted);
    return end;
  }

  private word(start: number): number {
    const text = this.text;
    const n = this.n;
    let i = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) {
        // An escape takes the next character, whatever it is, except a line break.
        if (i + 1 < n && !this.isBreak(i + 1)) {
          i += 2;
          continue;
        }
        i++;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3b || c === 0x28 || c === 0x29 || c === 0x22) break;
      i++;
    }
    this.pushToken(start, Math.min(i, n), TokenKind.Word);
    return i;
  }

  /** End of a comment: the next LF (BIND lets a comment run past a lone CR). */
  private lineEnd(from: number): number {
    const k = this.text.indexOf('\n', from);
    return k < 0 ? this.n : k;
  }

  /**
   * A lone CR (not followed by LF) ends a line, as in BIND's lexer and in LSP (classic Mac line
   * endings). Added after the differential test showed BIND reading `A 192.0.2.1\rnext A ...` as
   * two records where we read one.
   */
  private loneCr(i: number): boolean {
    return i + 1 >= this.n || this.text.charCodeAt(i + 1) !== 0x0a;
  }

  private isBreak(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c === 0x0a || (c === 0x0d && this.loneCr(i));
  }

  /** Offset of the next line break (LF, or a lone CR) at or after `from`, or the end of the text. */
  private nextBreak(from: number): number {
    for (let i = from; i < this.n; i++) if (this.isBreak(i)) return i;
    return this.n;
  }

  private pushToken(start: number, end: number, kind: TokenKind): void {
    const r = this.r;
    const k = r.tokCount;
    if (k >= r.tokStart.length) {
      r.tokStart = grow32(r.tokStart, k + 1);
      r.tokEnd = grow32(r.tokEnd, k + 1);
      r.tokKind = grow8(r.tokKind, k + 1);
    }
    r.tokStart[k] = start;
    r.tokEnd[k] = end;
    r.tokKind[k] = kind;
    r.tokCount = k + 1;
  }

  private pushEntry(first: number, last: number, hasOwner: number): void {
    const r = this.r;
    const k = r.entryCount;
    if (k >= r.entryFirst.length) {
      r.entryFirst = grow32(r.entryFirst, k + 1);
      r.entryLast = grow32(r.entryLast, k + 1);
      r.entryHasOwner = grow8(r.entryHasOwner, k + 1);
    }
    r.entryFirst[k] = first;
    r.entryLast[k] = last;
    r.entryHasOwner[k] = hasOwner;
    r.entryCount = k + 1;
  }

  private pushComment(start: number, end: number): void {
    const r = this.r;
    const k = 2 * r.commentCount;
    r.comments = grow32(r.comments, k + 2);
    r.comments[k] = start;
    r.comments[k + 1] = end;
    r.commentCount++;
  }

  private error(kind: string, start: number, end: number, message: string, severity: 'error' | 'warning' = 'error'): void {
    const count = (this.errorCounts.get(kind) ?? 0) + 1;
    this.errorCounts.set(kind, count);
    if (count <= MAX_ERRORS_PER_KIND) this.r.errors.push({ start, end, message, severity });
    else if (count === MAX_ERRORS_PER_KIND + 1) this.r.errors.push({ start, end, message: `${message} (further errors of this kind are not shown)`, severity });
  }
}

/** Lex a whole zone file. */
export function lex(text: string): LexResult {
  return new Lexer(text).run();
}
