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
 * records on one line, or a group whose first record would start with an inherited (blank) owner.
 */
import type { TextEdit } from '../checks/rule';
import type { Zone } from '../model/zone';
import { TtlSource, type ZoneRecord } from '../model/types';
import { compareCanonical } from './canonicalOrder';

interface Chunk {
  record: ZoneRecord;
  /** Source lines of the chunk (comments above, then the record's lines), without line ends. */
  lines: string[];
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
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  const bodyStart = lineStartOf(text, firstChunkStart(text, first.start, headerEnd(zone)));
  const chunks: Chunk[] = [];
  let cursor = bodyStart;
  let sawBlank = false;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.start < cursor) return null; // two records on one line
    const end = lineEndOf(text, closingParenEnd(text, r.start, r.end));
    const lines = text.slice(cursor, end).split(/\r?\n/);
    while (lines.length > 1 && lines[0].trim() === '') {
      lines.shift();
      sawBlank = true;
    }
    chunks.push({ record: r, lines, index: i });
    cursor = Math.min(text.length, end + (text.startsWith('\r\n', end) ? 2 : text[end] === '\n' ? 1 : 0));
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
  const body = ordered.map((g) => g.map((c) => c.lines.join(eol)).join(eol)).join(sawBlank ? eol + eol : eol);
  const trailing = text.slice(0, bodyEnd).endsWith('\n') ? eol : '';
  const newText = body + trailing;
  if (newText === text.slice(bodyStart, bodyEnd)) return null;
  return { start: bodyStart, end: bodyEnd, newText };
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
  return end === 0 ? 0 : nextLineStart(zone.text, end);
}

/**
 * Where the first record's chunk starts: the run of comment lines directly above it (no blank
 * line between) belongs to it; anything above a blank line stays in the header.
 */
function firstChunkStart(text: string, recordStart: number, header: number): number {
  let start = lineStartOf(text, recordStart);
  while (start > header) {
    const prev = lineStartOf(text, start - 1);
    if (!text.slice(prev, start).trim().startsWith(';')) break;
    start = prev;
  }
  return start;
}

/**
 * Where a record really ends: its last rdata token, or the `)` closing its parentheses when that
 * comes later (on a line of its own, after comments). Quoted strings and comments are skipped.
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

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
