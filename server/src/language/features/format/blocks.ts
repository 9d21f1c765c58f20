/**
 * The formatter's view of a document: physical lines holding items (tokens, parentheses,
 * comments) taken from the lexer, grouped into blocks the way the lexer groups entries (lines
 * joined while a parenthesis is open). Whitespace is the only thing between items, so a
 * formatter that re-joins items with whitespace and keeps line breaks cannot change a record.
 */
import { TokenKind, type LexResult } from '../../parser/lexer';
import type { LineIndex } from '../../text/lineIndex';

export type ItemKind = 'word' | 'quoted' | 'open' | 'close' | 'comment';

export interface Item {
  kind: ItemKind;
  start: number;
  end: number;
}

export interface PhysicalLine {
  line: number;
  /**
   * Where the content starts (after a BOM on line 0) and ends (before the line break, or after
   * the CR of a CRLF that a backslash escapes).
   */
  start: number;
  end: number;
  items: Item[];
}

/** One or more physical lines: a record or directive with its parentheses, or lines with no tokens. */
export interface Block {
  lines: PhysicalLine[];
  hasTokens: boolean;
}

/**
 * Blocks of the whole text, or null when the text cannot be formatted safely: unbalanced
 * parentheses (the lexer's recovery then depends on the layout), a lone CR line break, or a
 * character between tokens that the lexer did not account for.
 */
export function buildBlocks(text: string, lx: LexResult, lines: LineIndex): Block[] | null {
  // The lexer ends a line at a lone CR too (but lets a comment run past it); lines here are LF
  // lines, so such text is left alone rather than laid out against the wrong lines.
  if (/\r(?!\n)/.test(text)) return null;
  const items = collectItems(text, lx);
  if (!items) return null;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const physical: PhysicalLine[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    physical.push({ line, start: line === 0 ? bom : lines.lineStart(line), end: lines.lineEnd(line), items: [] });
  }
  for (const it of items) {
    const pl = physical[lines.lineOf(it.start)];
    pl.items.push(it);
    // A word ending in a backslash before a CRLF holds the escaped CR (the lexer reads `\` CR as
    // an escaped character, as BIND does): the line's content then ends after that CR, or the
    // formatter would write the CR with the token and again with the line break.
    pl.end = Math.max(pl.end, it.end);
  }

  const blocks: Block[] = [];
  let depth = 0;
  let current: Block | null = null;
  for (const pl of physical) {
    if (!current) current = { lines: [], hasTokens: false };
    current.lines.push(pl);
    for (const it of pl.items) {
      if (it.kind === 'open') depth++;
      else if (it.kind === 'close') {
        depth--;
        if (depth < 0) return null;
      } else if (it.kind === 'word' || it.kind === 'quoted') current.hasTokens = true;
    }
    if (depth === 0) {
      blocks.push(current);
      current = null;
    }
  }
  if (depth !== 0 || current) return null;
  return blocks;
}

/** Tokens, comments and the parentheses found between them, in document order. */
function collectItems(text: string, lx: LexResult): Item[] | null {
  const out: Item[] = [];
  let t = 0;
  let c = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const pushGap = (to: number): boolean => {
    for (let i = pos; i < to; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 0x28) out.push({ kind: 'open', start: i, end: i + 1 });
      else if (ch === 0x29) out.push({ kind: 'close', start: i, end: i + 1 });
      else if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) return false;
    }
    return true;
  };
  while (t < lx.tokCount || c < lx.commentCount) {
    const tokStart = t < lx.tokCount ? lx.tokStart[t] : Infinity;
    const comStart = c < lx.commentCount ? lx.comments[2 * c] : Infinity;
    let item: Item;
    if (tokStart < comStart) {
      item = { kind: lx.tokKind[t] === TokenKind.Quoted ? 'quoted' : 'word', start: tokStart, end: lx.tokEnd[t] };
      t++;
    } else {
      item = { kind: 'comment', start: comStart, end: lx.comments[2 * c + 1] };
      c++;
    }
    if (item.start < pos || !pushGap(item.start)) return null;
    out.push(item);
    pos = item.end;
  }
  return pushGap(text.length) ? out : null;
}
