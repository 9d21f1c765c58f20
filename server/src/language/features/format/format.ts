/**
 * Document and range formatting: owner, TTL, class, type and rdata aligned in columns; every
 * comment, blank line and line break kept; continuation lines of parenthesised records indented
 * to the rdata column with their trailing comments aligned. Works on the lexer's items only
 * (blocks.ts), re-joining them with whitespace, so the records cannot change; the layout is a
 * function of the items alone, so formatting again changes nothing.
 */
import type { Zone } from '../../model/zone';
import { TtlSource, type ZoneRecord } from '../../model/types';
import { LineIndex } from '../../text/lineIndex';
import type { OffsetRange, TextEdit } from '../types';
import { documentRecords, lexOf } from '../locate';
import { buildBlocks, type Block, type Item, type PhysicalLine } from './blocks';
import { blockShape, type BlockShape } from './header';

export interface FormatOptions {
  /** `auto` (default): widths from the document's own tokens; or fixed widths per column. */
  columns?: 'auto' | { owner?: number; ttl?: number; class?: number; type?: number };
  /** Widest owner that still sets the owner column in `auto` mode (longer ones get one space). */
  maxOwnerWidth?: number;
  /**
   * `keep` (default) writes TTLs as written; `explicit` writes each record's TTL in seconds,
   * except where that would change another record's TTL (see defaultSettingSoa).
   */
  ttl?: 'keep' | 'explicit';
  /** `keep` (default), or `explicit` to write the class on every record. */
  class?: 'keep' | 'explicit';
  /** Pad columns with tabs to tab stops instead of spaces. */
  useTabs?: boolean;
  tabSize?: number;
}

interface Layout {
  /** Start columns of TTL, class, type and rdata (a zero-width column is skipped). */
  ttlCol: number;
  classCol: number;
  typeCol: number;
  rdataCol: number;
  useTabs: boolean;
  tabSize: number;
}

interface Planned {
  block: Block;
  shape: BlockShape;
  /** Texts to write for TTL and class when the options make them explicit. */
  ttlText?: string;
  classText?: string;
}

/**
 * Edits that format the document, or only the blocks touching `range`. Empty when nothing
 * changes, and when the text cannot be formatted safely (unbalanced parentheses).
 */
export function formatDocument(zone: Zone, options: FormatOptions = {}, range?: OffsetRange): TextEdit[] {
  const text = zone.text;
  const lines = new LineIndex(text);
  const blocks = buildBlocks(text, lexOf(zone), lines);
  if (!blocks) return [];
  const byStart = new Map<number, ZoneRecord>();
  for (const r of documentRecords(zone)) byStart.set(r.start, r);
  const keepTtlLess = defaultSettingSoa(zone);
  const planned = blocks.map((block) => plan(text, block, byStart, options, keepTtlLess));
  const layout = columnLayout(text, planned, options);
  const edits: TextEdit[] = [];
  for (const p of planned) {
    const first = p.block.lines[0];
    const last = p.block.lines[p.block.lines.length - 1];
    if (range && (last.end < range.start || first.start > range.end)) continue;
    const rendered = render(text, p, layout);
    p.block.lines.forEach((pl, i) => {
      if (text.slice(pl.start, pl.end) !== rendered[i]) edits.push({ start: pl.start, end: pl.end, newText: rendered[i] });
    });
  }
  return edits;
}

/**
 * Writing a record's TTL (option `ttl: 'explicit'`) must not change the TTL of any other record,
 * and in one case it would. A record without a TTL has one of: the `$TTL` in force (Directive),
 * the SOA minimum that a TTL-less SOA made the default (SoaMinimum), or the last TTL written
 * (Previous, RFC 1035 §5.1). Writing the first two sets the "last TTL written", but the default
 * in force hides it from every later record, and a default is never unset. Writing the third
 * writes the value that was already the last one. The exception is the TTL-less SOA that made
 * its minimum the default when no `$TTL` and no TTL came before it: written explicitly, it no
 * longer sets that default, and every later record that inherits, among them those the
 * formatter does not write (`$GENERATE`, `$INCLUDE`d files, lines it cannot lay out), would take
 * the last TTL written instead. So that one SOA keeps its TTL unwritten.
 */
function defaultSettingSoa(zone: Zone): ZoneRecord | undefined {
  // SoaMinimum is first given to the SOA that sets the default (parser.ts resolveTtlAndClass).
  return zone.records.find((r) => r.ttlSource === TtlSource.SoaMinimum);
}

function plan(text: string, block: Block, byStart: Map<number, ZoneRecord>, options: FormatOptions, keepTtlLess: ZoneRecord | undefined): Planned {
  const shape = blockShape(text, block);
  const p: Planned = { block, shape };
  if (shape.kind !== 'record') return p;
  const record = byStart.get((shape.owner ?? shape.ttl ?? shape.cls ?? shape.type).start);
  if (!record) return p;
  const inherited = record.ttlSource === TtlSource.Directive || record.ttlSource === TtlSource.Previous || record.ttlSource === TtlSource.SoaMinimum;
  if (options.ttl === 'explicit' && !shape.ttl && inherited && record !== keepTtlLess) p.ttlText = String(record.ttl);
  if (options.class === 'explicit' && !shape.cls) p.classText = record.class;
  return p;
}

const width = (it: Item | undefined): number => (it ? it.end - it.start : 0);

function columnLayout(text: string, planned: Planned[], options: FormatOptions): Layout {
  const useTabs = options.useTabs === true;
  const tabSize = Math.max(1, options.tabSize ?? 8);
  const maxOwner = options.maxOwnerWidth ?? 40;
  let owner = 0;
  let ttl = 0;
  let cls = 0;
  let type = 0;
  for (const p of planned) {
    if (p.shape.kind !== 'record') continue;
    const s = p.shape;
    if (width(s.owner) <= maxOwner) owner = Math.max(owner, width(s.owner));
    ttl = Math.max(ttl, p.ttlText?.length ?? width(s.ttl));
    cls = Math.max(cls, p.classText?.length ?? width(s.cls));
    type = Math.max(type, Math.min(width(s.type), 12));
  }
  const fixed = typeof options.columns === 'object' ? options.columns : undefined;
  if (fixed) {
    owner = fixed.owner ?? owner;
    ttl = fixed.ttl ?? ttl;
    cls = fixed.class ?? cls;
    type = fixed.type ?? type;
  }
  // Each column starts one separator after the widest entry of the previous one (at a tab stop with tabs).
  const next = (col: number, w: number): number => (w === 0 ? col : stop(col + w + 1, useTabs, tabSize));
  const ttlCol = stop(owner + 1, useTabs, tabSize);
  const classCol = next(ttlCol, ttl);
  const typeCol = next(classCol, cls);
  const rdataCol = next(typeCol, type);
  return { ttlCol, classCol, typeCol, rdataCol, useTabs, tabSize };
}

function stop(col: number, useTabs: boolean, tabSize: number): number {
  return useTabs ? Math.ceil(col / tabSize) * tabSize : col;
}

/** Whitespace from column `col` to `target`; one space when the text already reaches it. */
function padTo(col: number, target: number, layout: Layout): string {
  if (col >= target) return col === 0 ? '' : ' ';
  if (!layout.useTabs) return ' '.repeat(target - col);
  let out = '';
  while (col < target) {
    out += '\t';
    col = (Math.floor(col / layout.tabSize) + 1) * layout.tabSize;
  }
  return out;
}

/**
 * Text of a list of items joined by single spaces, except where they touched in the source:
 * SVCB reads `key="value"` (two tokens with nothing between them) as one parameter.
 */
function joined(text: string, items: readonly Item[]): string {
  let out = '';
  items.forEach((it, i) => {
    if (i > 0) out += items[i - 1].end === it.start ? '' : ' ';
    out += it.kind === 'comment' ? commentText(text, it) : text.slice(it.start, it.end);
  });
  return out;
}

/** A comment without the blank space that ends its line. */
function commentText(text: string, it: Item): string {
  let end = it.end;
  while (end > it.start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return text.slice(it.start, end);
}

/** New contents of each of the block's physical lines. */
function render(text: string, p: Planned, layout: Layout): string[] {
  const { block, shape } = p;
  if (shape.kind === 'blank') {
    // Comment and blank lines outside records: kept as written, minus trailing blanks.
    // `(?<![ \t])`: a long run of blanks inside a line is scanned once, not once per blank.
    return block.lines.map((pl) => text.slice(pl.start, pl.end).replace(/(?<![ \t])[ \t]+$/, ''));
  }
  let firstLine: string;
  let indent: number;
  if (shape.kind === 'record') {
    firstLine = recordLine(text, p, shape, layout);
    indent = layout.rdataCol;
  } else {
    const items = block.lines[0].items;
    const lead = shape.hasOwner ? '' : padTo(0, layout.ttlCol, layout);
    firstLine = lead + joined(text, items);
    const second = items[1];
    indent = second ? visualWidth(lead, layout) + width(items[0]) + 1 : visualWidth(lead, layout) + 4;
  }
  return [firstLine, ...continuation(text, block.lines.slice(1), indent, layout)];
}

function recordLine(text: string, p: Planned, s: Extract<BlockShape, { kind: 'record' }>, layout: Layout): string {
  let out = s.owner ? text.slice(s.owner.start, s.owner.end) : '';
  let col = out.length;
  // A value wider than its column pushes the later columns right by as much, keeping their widths.
  let shift = 0;
  const put = (target: number, value: string | undefined): void => {
    if (value === undefined) return;
    if (col > 0 && col >= target + shift) shift = stop(col + 1, layout.useTabs, layout.tabSize) - target;
    out += padTo(col, target + shift, layout) + value;
    col = visualWidth(out, layout);
  };
  const slice = (it: Item | undefined): string | undefined => (it ? text.slice(it.start, it.end) : undefined);
  put(layout.ttlCol, p.ttlText ?? slice(s.ttl));
  put(layout.classCol, p.classText ?? slice(s.cls));
  // An owner-less record must start with blank space, whatever the column widths.
  if (col === 0) {
    out = padTo(0, Math.max(1, layout.ttlCol), layout);
    col = visualWidth(out, layout);
  }
  put(layout.typeCol, slice(s.type));
  if (s.rest.length > 0) put(layout.rdataCol, joined(text, s.rest));
  return out;
}

/** Continuation lines: items at `indent`, trailing comments aligned with each other. */
function continuation(text: string, lines: readonly PhysicalLine[], indent: number, layout: Layout): string[] {
  const lead = padTo(0, indent, layout);
  const bodies = lines.map((pl) => {
    const comment = pl.items.length > 0 && pl.items[pl.items.length - 1].kind === 'comment' ? pl.items[pl.items.length - 1] : undefined;
    const content = comment ? pl.items.slice(0, -1) : pl.items;
    return { content: joined(text, content), comment: comment ? commentText(text, comment) : undefined };
  });
  let commentCol = 0;
  for (const b of bodies) if (b.content && b.comment) commentCol = Math.max(commentCol, indent + b.content.length + 1);
  return bodies.map((b) => {
    if (!b.content && !b.comment) return '';
    if (!b.content) return lead + b.comment;
    const line = lead + b.content;
    if (!b.comment) return line;
    return line + ' '.repeat(Math.max(1, commentCol - (indent + b.content.length))) + b.comment;
  });
}

/** Display width of a line prefix (tabs advance to the next stop). */
function visualWidth(s: string, layout: Layout): number {
  let col = 0;
  for (let i = 0; i < s.length; i++) col = s.charCodeAt(i) === 0x09 ? (Math.floor(col / layout.tabSize) + 1) * layout.tabSize : col + 1;
  return col;
}

/** Apply non-overlapping offset edits to a text (for callers that want the formatted text itself). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
