/**
 * "Sort records": the records of the document grouped by owner, the apex first (its SOA
 * leading), the other owners in canonical order (RFC 4034 §6.1); records of one owner keep their
 * source order. Comment lines directly above a record travel with it, as does a comment at the
 * end of its last line. The edit replaces the record section between the header directives and
 * whatever follows the last record.
 *
 * Moving text must not change what it means, so the action is refused when meaning depends on
 * position: a directive ($ORIGIN, $TTL, $INCLUDE, $GENERATE) after the first record, records
 * from other files or generated ones, a TTL inherited from the record above (no $TTL), an
 * RRset written with different TTLs, syntax errors (the parser may have skipped text), two
 * records on one line, a record inside parentheses opened before it, a group whose first record
 * would start with an inherited (blank) owner, or a first record that would set another class.
 */
import type { TextEdit } from '../checks/rule';
import type { Zone } from '../model/zone';
import { TtlSource, type ZoneRecord } from '../model/types';
import { compareCanonical } from './canonicalOrder';
import { codeLineEnd, codeLineStart, commentOver, lineBreakAt, lineBreakToAppend, type CommentRanges } from '../text/lineBreaks';

interface Chunk {
  record: ZoneRecord;
  /** Source text of the chunk (comment lines above, then the record's lines), without leading blank lines or the final line break. */
  body: string;
  /** The line break that ended the chunk's last line in the source ('' at the end of the file). */
  brk: string;
  index: number;
}

/** The edit that sorts the document's records, or null when refused or already sorted. */
export function sortRecords(zone: Zone): TextEdit | null {
  const text = zone.text;
  const records = zone.records;
  if (records.length < 2 || zone.origin === null) return null;
  if (zone.parseDiagnostics.some((d) => d.severity === 'error')) return null;
  if (records.some((r) => r.file !== 0 || r.generated)) return null;
  // Without $TTL a record without a TTL takes the one written before it: position matters.
  if (records.some((r) => r.ttlSource !== TtlSource.Explicit && r.ttlSource !== TtlSource.Directive)) return null;
  if (rrsetTtlsDiffer(records)) return null;
  const first = records[0];
  if (zone.directives.some((d) => d.file !== 0 || d.end > first.start)) return null;
  if (zone.directives.some((d) => d.name.toUpperCase() === '$INCLUDE' || d.name.toUpperCase() === '$GENERATE')) return null;
  if (groupOpensBeforeRecord(zone)) return null;
  // Lines end at LF, CRLF or a lone CR, and a comment runs on past a lone CR (text/lineBreaks.ts;
  // fixed: lines were found by LF only, so a lone-CR file looked like one line and was refused).
  const comments = zone.parse;

  // A byte-order mark stays first in the file: moved, it would become part of an owner name.
  const bodyStart = Math.max(codeLineStart(text, comments, firstChunkStart(text, comments, first.start, headerEnd(zone))), text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const chunks: Chunk[] = [];
  let cursor = bodyStart;
  let sawBlank = false;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.start < cursor) return null; // two records on one line
    const next = codeLineEnd(text, comments, closingParenEnd(text, r.start, r.end));
    const brk = breakBefore(text, comments, next);
    let from = cursor;
    for (let blank = blankLineEnd(text, from); blank > 0 && blank <= r.start; blank = blankLineEnd(text, from)) {
      from = blank;
      sawBlank = true;
    }
    chunks.push({ record: r, body: text.slice(from, next - brk.length), brk, index: i });
    cursor = next;
  }
  const bodyEnd = cursor;

  const groups = new Map<string, Chunk[]>();
  for (const c of chunks) {
    const g = groups.get(c.record.owner);
    if (g) g.push(c);
    else groups.set(c.record.owner, [c]);
  }
  const apex = zone.origin;
  const owners = [...groups.keys()].sort((a, b) => (a === apex ? -1 : b === apex ? 1 : compareCanonical(a, b)));
  const ordered: Chunk[][] = [];
  for (const owner of owners) {
    const g = groups.get(owner)!;
    // The SOA leads its group; the rest keep their source order (stable sort).
    g.sort((a, b) => Number(b.record.type === 'SOA') - Number(a.record.type === 'SOA') || a.index - b.index);
    if (g[0].record.ownerStart < 0) return null;
    ordered.push(g);
  }
  // The first record sets the zone's class, which records written without one take: the record
  // that comes first after sorting must set the same one.
  const firstAfter = ordered[0][0].record;
  if (firstAfter !== first && (firstAfter.classStart >= 0 ? firstAfter.class : 'IN') !== first.class) return null;
  // Each chunk keeps the line break it had; the last one of the source, moved up, needs one.
  const parts: string[] = [];
  ordered.forEach((g, gi) =>
    g.forEach((c, ci) => {
      const last = gi === ordered.length - 1 && ci === g.length - 1;
      let body = c.body;
      let brk = c.brk;
      if (brk === '' && !last) {
        brk = breakToAdd(text, comments, chunks[c.index - 1].brk);
        // A last CR that a comment ran past and the LF added after it make one CRLF: written as
        // that, the blank line between groups repeats it, and sorting again changes nothing.
        if (brk === '\n' && body.endsWith('\r')) {
          body = body.slice(0, -1);
          brk = '\r\n';
        }
      }
      parts.push(body, brk);
      if (sawBlank && !last && ci === g.length - 1) parts.push(brk);
    }),
  );
  const newText = parts.join('');
  if (newText === text.slice(bodyStart, bodyEnd)) return null;
  return { start: bodyStart, end: bodyEnd, newText };
}

/**
 * The line break that ends the code line ending at `next` (just past it): '' when there is none
 * (the end of the text, or a lone CR there that a comment runs past).
 */
function breakBefore(text: string, comments: CommentRanges, next: number): string {
  const c = text.charCodeAt(next - 1);
  if (c === 0x0a) return text.charCodeAt(next - 2) === 0x0d ? '\r\n' : '\n';
  if (c === 0x0d && commentOver(text, comments, next - 1) < 0) return '\r';
  return '';
}

/** End of the blank line (blanks, then a line break) starting at `from`, or -1 when it is not one. */
function blankLineEnd(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  const n = lineBreakAt(text, i);
  return n > 0 ? i + n : -1;
}

/**
 * A line break for the chunk that ended the source without one (its body reaches the end of the
 * text), now followed by others: the break that ended the chunk before it, except a lone CR
 * where a comment would run on past it (then LF), and CRLF after a backslash that would escape
 * its CR (lineBreakToAppend).
 */
function breakToAdd(text: string, comments: CommentRanges, before: string): string {
  if (before === '\r') return commentOver(text, comments, text.length) >= 0 ? '\n' : '\r';
  return before === '\r\n' ? lineBreakToAppend(text) : '\n';
}

/**
 * Whether a record starts inside parentheses opened before it (a line that is only "(", say):
 * its lines are then not its own to move.
 */
function groupOpensBeforeRecord(zone: Zone): boolean {
  // Both lists are in source order (sortRecords refused records of other files already): one pass.
  const parens = zone.parse.parens;
  const records = zone.records;
  let k = 0;
  for (let i = 0; i < parens.length; i += 2) {
    const open = parens[i];
    const close = parens[i + 1] < 0 ? Infinity : parens[i + 1];
    while (k < records.length && records[k].start <= open) k++;
    if (k < records.length && records[k].start <= close) return true;
  }
  return false;
}

/**
 * Whether an RRset is written with different TTLs: loaders give the set one TTL, and which one
 * BIND picks depends on where the records stand (the first of a run of one owner wins, a later
 * run replaces it), so reordering could change the TTL served.
 */
function rrsetTtlsDiffer(records: readonly ZoneRecord[]): boolean {
  const ttls = new Map<string, number>();
  for (const r of records) {
    const key = `${r.owner} ${r.class} ${r.type}`;
    const seen = ttls.get(key);
    if (seen === undefined) ttls.set(key, r.ttl);
    else if (seen !== r.ttl) return true;
  }
  return false;
}

/** The offset after the last header directive's line (0 when there is none). */
function headerEnd(zone: Zone): number {
  let end = 0;
  for (const d of zone.directives) end = Math.max(end, d.end);
  return end === 0 ? 0 : codeLineEnd(zone.text, zone.parse, end);
}

/**
 * Where the first record's chunk starts: the run of comment lines directly above it (no blank
 * line between) belongs to it; anything above a blank line stays in the header.
 */
function firstChunkStart(text: string, comments: CommentRanges, recordStart: number, header: number): number {
  let start = codeLineStart(text, comments, recordStart);
  while (start > header) {
    const prev = codeLineStart(text, comments, start - 1);
    if (!text.slice(prev, start).trim().startsWith(';')) break;
    start = prev;
  }
  return start;
}

/**
 * Where a record really ends: its last rdata token, or the `)` closing its parentheses when that
 * comes later (on a line of its own, after comments). Quoted strings and comments (which run to
 * the next LF, past a lone CR) are skipped.
 */
function closingParenEnd(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (i >= end && depth === 0) return i;
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '\\') i++;
    else if (c === ';') {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return text.length;
}
