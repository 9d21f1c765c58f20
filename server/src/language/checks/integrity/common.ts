/**
 * Small helpers the integrity rules share: where to point a finding on a record, how to read a
 * field, how names resolve inside the zone (wildcards included), and when a record can be
 * deleted by a quick-fix without changing the meaning of the records around it.
 */
import { field, type Zone } from '../../model/zone';
import { TtlSource, type ZoneDiagnostic, type ZoneRecord } from '../../model/types';
import type { RdataField } from '../../rrtypes/spec';
import { isSubdomain, parentName } from '../../rrtypes/names';
import type { TextEdit } from '../rule';
import { codeLineStart, startsCodeLine, type CommentRanges } from '../../text/lineBreaks';
import { zoneCache } from '../../model/derivedData';

export interface Place {
  start: number;
  end: number;
  file: number;
}

export type Related = NonNullable<ZoneDiagnostic['related']>[number];

/** The record's type token: the anchor for findings about the whole record. */
export function typePlace(r: ZoneRecord): Place {
  return { start: r.typeStart, end: r.typeEnd, file: r.file };
}

/** The written owner, or the type token when the owner was inherited from the line above. */
export function ownerPlace(r: ZoneRecord): Place {
  return r.ownerStart >= 0 ? { start: r.ownerStart, end: r.ownerEnd, file: r.file } : typePlace(r);
}

export function fieldPlace(r: ZoneRecord, f: RdataField): Place {
  return { start: f.start, end: f.end, file: r.file };
}

/** A `related` entry pointing at a place. */
export function relatedAt(p: Place, message: string): Related {
  return { file: p.file, start: p.start, end: p.end, message };
}

/** The field of a record by schema name (undefined for records whose rdata did not parse). */
export const fieldNamed: (r: ZoneRecord, name: string) => RdataField | undefined = field;

export function numberOf(r: ZoneRecord, name: string): { f: RdataField; v: number } | undefined {
  const f = fieldNamed(r, name);
  return f && typeof f.value === 'number' ? { f, v: f.value } : undefined;
}

export function nameOf(r: ZoneRecord, name: string): { f: RdataField; v: string } | undefined {
  const f = fieldNamed(r, name);
  return f && typeof f.value === 'string' ? { f, v: f.value } : undefined;
}

/** Source text of a range of one of the zone's files. */
export function sourceOf(zone: Zone, file: number, start: number, end: number): string {
  const text = zone.files[file]?.text ?? '';
  return text.slice(start, end);
}

/**
 * False when the text written at [start, end) of a file surely is no IP address: it has no `:`
 * and a character other than digits, dots and brackets (every address form the rules accept
 * needs one or the other). The NS and MX rules ask this before copying the text out.
 */
export function mayBeAddress(zone: Zone, file: number, start: number, end: number): boolean {
  const text = zone.files[file]?.text ?? '';
  let plain = true;
  for (let i = Math.max(0, start); i < end && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return true;
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5b || c === 0x5d)) plain = false;
  }
  return plain;
}

/** Whether `name` is authoritative data of this zone: inside it and not at or below a delegation. */
export function isAuthoritative(zone: Zone, name: string): boolean {
  return zone.inZone(name) && zone.delegationOf(name) === null;
}

export interface Resolution {
  /** Records at the name, or those of the wildcard that synthesises it. */
  records: ZoneRecord[];
  /** The wildcard owner used (RFC 4592 §3.3.1), when the name itself does not exist. */
  wildcard?: string;
  /** The name exists in the zone as a node (with records or as an empty non-terminal). */
  exists: boolean;
  /** A DNAME above the name redirects it elsewhere (RFC 6672 §2.3); nothing here applies. */
  dname?: ZoneRecord;
}

// DNAME owners per zone, so that zones without DNAME (nearly all) answer dnameAbove at once.
const dnameOwners = zoneCache<Set<string>>();

function dnamesOf(zone: Zone): Set<string> {
  let set = dnameOwners.get(zone);
  if (!set) {
    set = new Set(zone.recordsOfType('DNAME').map((r) => r.owner));
    dnameOwners.set(zone, set);
  }
  return set;
}

/** The DNAME strictly above `name` (up to the apex), if any. */
export function dnameAbove(zone: Zone, name: string): ZoneRecord | undefined {
  const owners = dnamesOf(zone);
  if (owners.size === 0 || !zone.origin || !zone.inZone(name) || name === zone.origin) return undefined;
  for (let p = parentName(name); p !== null && isSubdomain(p, zone.origin); p = p === zone.origin ? null : parentName(p)) {
    if (owners.has(p)) return zone.at(p, 'DNAME')[0];
  }
  return undefined;
}

/**
 * What the zone answers for `name`: its own records, or, when the name does not exist, those of
 * the wildcard at its closest encloser (RFC 4592 §4). No wildcard applies at or below a cut.
 */
export function resolve(zone: Zone, name: string): Resolution {
  const dname = dnameAbove(zone, name);
  if (dname) return { records: [], exists: false, dname };
  if (zone.exists(name)) return { records: zone.at(name), exists: true };
  if (!zone.origin || !zone.inZone(name)) return { records: [], exists: false };
  let encloser: string | null = parentName(name);
  while (encloser !== null && !zone.exists(encloser) && encloser !== zone.origin) encloser = parentName(encloser);
  if (encloser === null || !isSubdomain(encloser, zone.origin) || zone.delegationOf(encloser) !== null) return { records: [], exists: false };
  const wildcard = '*.' + encloser;
  const records = zone.at(wildcard);
  return records.length > 0 ? { records, wildcard, exists: false } : { records: [], exists: false };
}

/**
 * Whether two of `records` (one owner's) that pass `include` have the same class and type: the
 * RRset rules have nothing to compare at an owner where every set holds one record, and most
 * owners are like that, so they ask this before building keys for each record.
 */
export function hasSharedRrset(records: readonly ZoneRecord[], include: (r: ZoneRecord) => boolean): boolean {
  if (records.length > 16) {
    const seen = new Set<string>();
    for (const r of records) {
      if (!include(r)) continue;
      const key = `${r.class}\u0000${r.type}`;
      if (seen.has(key)) return true;
      seen.add(key);
    }
    return false;
  }
  for (let i = 0; i < records.length; i++) {
    const a = records[i];
    if (!include(a)) continue;
    for (let j = i + 1; j < records.length; j++) {
      const b = records[j];
      if (a.type === b.type && a.class === b.class && include(b)) return true;
    }
  }
  return false;
}

/** Types that belong to the parent side of a delegation point (RFC 4035 §2.4, RFC 3845). */
const PARENT_SIDE = new Set(['NS', 'DS', 'NSEC', 'RRSIG']);

/**
 * Whether the record is never served as data of this zone: it lies below a DNAME (RFC 6672
 * §2.3) or at or below a delegation (glue and occluded data, RFC 1034 §4.2.1), apart from the
 * delegation's own NS/DS/NSEC/RRSIG.
 */
export function isOccluded(zone: Zone, r: ZoneRecord): boolean {
  if (dnameAbove(zone, r.owner)) return true;
  const cut = zone.delegationOf(r.owner);
  return cut !== null && !(cut === r.owner && PARENT_SIDE.has(r.type));
}

/** Whether the name has an A or AAAA record, directly or through a wildcard. */
export function hasAddress(zone: Zone, name: string): boolean {
  return resolve(zone, name).records.some((r) => (r.type === 'A' || r.type === 'AAAA') && r.valid);
}

/**
 * A hint for a relative name field that was probably meant absolute (its text has dots, like a
 * full domain name, but no trailing dot): '' otherwise.
 */
export function relativeHint(zone: Zone, r: ZoneRecord, f: RdataField): string {
  if (f.relative !== true) return '';
  const text = sourceOf(zone, r.file, f.start, f.end);
  return text.includes('.') ? ` "${text}" has no trailing dot, so the origin was appended; write "${text}." if the name is complete.` : '';
}

/** Offset of the start of the line holding `offset`. Lines end at LF, CRLF or a lone CR, as for the lexer. */
function lineStartOf(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if (isLineBreak(text.charCodeAt(i))) return i + 1;
  return 0;
}

/** Offset of the line break that ends the line holding `offset`, or text.length on the last line. */
function lineBreakAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (isLineBreak(text.charCodeAt(i))) return i;
  return text.length;
}

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** Occurrences of `c` in text[0, end). */
function count(text: string, c: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0 && i < end; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/**
 * Whether text[from, to) is the rest of one line: blanks, closing parentheses, a comment (which
 * runs on past a lone CR to the next LF, as the lexer reads it), one line break.
 */
function restOfLine(text: string, from: number, to: number): boolean {
  return /^(\r\n|\r|\n)$/.test(text.slice(from, to).replace(/;[^\n;]*/g, '').replace(/[ \t)]/g, ''));
}

/**
 * Whether the line before the one starting at `lineStart` is (or may be) a directive (`$ORIGIN`,
 * `$TTL`, ...). That line is read as the lexer reads it (fixed: a comment on it that runs past a
 * lone CR made the rest of the comment look like the line). `comments` are known for the document
 * only: in an included file, a line after a lone CR may be such a rest, so the answer is yes.
 */
function directiveBefore(text: string, lineStart: number, comments: CommentRanges | null): boolean {
  let prevEnd = lineStart - 1;
  if (prevEnd > 0 && text.charCodeAt(prevEnd) === 0x0a && text.charCodeAt(prevEnd - 1) === 0x0d) prevEnd--;
  let start = lineStartOf(text, prevEnd);
  if (start > 0 && text.charCodeAt(start - 1) === 0x0d) {
    if (!comments) return true;
    start = codeLineStart(text, comments, prevEnd);
  }
  return text.slice(start, prevEnd).trimStart().startsWith('$');
}

/**
 * Whether deleting `r` would change the zone's class: the first record sets it (BIND: the class
 * of the SOA); the records written without a class take it and those written with another are
 * refused (class-mismatch). Without `r`, the next record would set it.
 */
function setsZoneClass(zone: Zone, r: ZoneRecord): boolean {
  if (zone.records[0] !== r || zone.records.length < 2) return false;
  const next = zone.records[1];
  return (next.classStart >= 0 ? next.class : 'IN') !== r.class;
}

/**
 * An edit that deletes the record's lines, or null when that is not safe: the record is
 * generated, shares a line with something else, or its removal would change another record
 * (a following line that inherits this owner, TTLs inherited RFC 1035 style, or the class).
 */
export function deleteRecordEdit(zone: Zone, r: ZoneRecord): TextEdit | null {
  if (r.generated) return null;
  if (setsZoneClass(zone, r)) return null;
  const text = zone.files[r.file]?.text;
  if (text === undefined) return null;
  const from = lineStartOf(text, r.start);
  if (text.slice(from, r.start).trim() !== '') return null;
  // After a `(` that is never closed, the lexer's recovery depends on the lines that follow:
  // deleting one can pull the next record into the broken group (found by the fix fuzzer).
  if (r.file === 0 ? unclosedParenBefore(zone, r.start) : count(text, '(', r.start) !== count(text, ')', r.start)) return null;
  // A record written over several lines in parentheses ends at its `)`, which may follow r.end.
  let last = r.end;
  if (r.file === 0) {
    for (const [open, close] of parenGroupsOverlapping(zone, r.start, r.end)) {
      // A group opened on an earlier line (a line that is only "("): those lines are not the record's alone.
      if (open < r.start) return null;
      if (close < 0) return null;
      last = Math.max(last, close + 1);
    }
  } else if (text.slice(r.start, r.end).includes('(')) {
    return null; // parenthesis pairs are known for the document only
  }
  let to = lineBreakAt(text, last);
  const comment = text.slice(last, to).indexOf(';');
  // A comment runs to the next LF, past a lone CR, as in BIND (see the lexer): delete all of it.
  if (comment >= 0 && to < text.length && text.charCodeAt(to) === 0x0d && !text.startsWith('\r\n', to)) {
    const lf = text.indexOf('\n', to);
    to = lf < 0 ? text.length : lf;
  }
  const beforeComment = comment >= 0 ? text.slice(last, last + comment) : text.slice(last, to);
  if (beforeComment.replace(/[\s)]/g, '') !== '') return null;
  const order = recordOrder(zone);
  if (r.ttlSource === TtlSource.Explicit && order.previousTtls > 0) return null;
  // Without a $TTL, the SOA's minimum is the default TTL of the records after it (as in BIND).
  if (r.type === 'SOA' && order.soaMinimumTtls - (r.ttlSource === TtlSource.SoaMinimum ? 1 : 0) > 0) return null;
  const sameFile = order.byFile.get(r.file) ?? [];
  const i = order.position.get(r) ?? -1;
  if (i < 0) return null;
  // $GENERATE records in between do not set the owner a blank-owner line inherits.
  const next = firstAfter(sameFile, i, (x) => !x.generated);
  const prev = i > 0 ? sameFile[i - 1] : undefined;
  // Once this line is gone, a following blank-owner line inherits from the line before: safe only
  // when that is a record of the same owner on the line right before (a line that did not parse,
  // and so is not in zone.records, still sets the owner). Right before, so that deleting that
  // record too, in the same round of fixes, touches this edit and waits for the next round.
  const end = to === text.length ? to : text.startsWith('\r\n', to) ? to + 2 : to + 1;
  // Lines that did not parse are not in zone.records but take the owner all the same, also past
  // a line whose own owner did not parse (it sets none): any blank-owner line before the next
  // record that writes its owner counts.
  const nextOwned = firstAfter(sameFile, i, (x) => !x.generated && x.ownerStart >= 0);
  const inheritsNext = (next !== undefined && next.ownerStart < 0) || blankOwnerLineBetween(text, r.file === 0 ? zone.parse : null, end, nextOwned ? nextOwned.start : text.length);
  if (r.ownerStart >= 0 && inheritsNext && !(prev && !prev.generated && prev.owner === r.owner && restOfLine(text, prev.end, from))) return null;
  // On the last line without a line break, take the break before it instead, unless the line
  // before is a directive (BIND refuses a directive on a last line without a line break) or that
  // break cannot go without changing the line before (breakBefore).
  const before = to === text.length && !directiveBefore(text, from, r.file === 0 ? zone.parse : null) ? breakBefore(text, from) : -1;
  return { start: before >= 0 ? before : from, end, newText: '', file: r.file };
}

/**
 * The document's parenthesis groups (`zone.parse.parens`: pairs of `(` and `)` offsets, -1 for a
 * `)` never written, in document order, not nested) that overlap [start, end): opened before
 * `end` and not closed before `start`. They are found by binary search, not by a walk over every
 * group: a signed zone has one per RRSIG, and fixes ask for every record they touch.
 */
export function parenGroupsOverlapping(zone: Zone, start: number, end: number): [number, number][] {
  const parens = zone.parse.parens;
  const pairs = parens.length / 2;
  // The first pair whose `(` is at or after start.
  let lo = 0;
  let hi = pairs;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parens[2 * mid] < start) lo = mid + 1;
    else hi = mid;
  }
  const out: [number, number][] = [];
  if (lo > 0) {
    const close = parens[2 * lo - 1];
    if (close < 0 || close >= start) out.push([parens[2 * lo - 2], close]);
  }
  for (let k = lo; k < pairs && parens[2 * k] < end; k++) out.push([parens[2 * k], parens[2 * k + 1]]);
  return out;
}

const firstUnclosed = zoneCache<number>();

/** Whether a `(` that is never closed comes before `offset` in the document. */
export function unclosedParenBefore(zone: Zone, offset: number): boolean {
  let first = firstUnclosed.get(zone);
  if (first === undefined) {
    const parens = zone.parse.parens;
    first = Infinity;
    for (let i = 0; i < parens.length; i += 2) {
      if (parens[i + 1] < 0) {
        first = parens[i];
        break;
      }
    }
    firstUnclosed.set(zone, first);
  }
  return first < offset;
}

interface RecordOrder {
  /** Each file's records, in source order. */
  byFile: Map<number, ZoneRecord[]>;
  /** A record's index in its file's list. */
  position: Map<ZoneRecord, number>;
  /** How many records take the TTL written before them (RFC 1035, no $TTL), and the SOA minimum. */
  previousTtls: number;
  soaMinimumTtls: number;
}

const recordOrders = zoneCache<RecordOrder>();

/**
 * The zone's records by file and position, found once: record deletion asks for every finding it
 * fixes, and `zonelint --fix` asks for all of them (thousands on a large zone), so a scan of
 * every record per question would make fixing quadratic.
 */
function recordOrder(zone: Zone): RecordOrder {
  let order = recordOrders.get(zone);
  if (!order) {
    order = { byFile: new Map(), position: new Map(), previousTtls: 0, soaMinimumTtls: 0 };
    for (const r of zone.records) {
      let list = order.byFile.get(r.file);
      if (!list) order.byFile.set(r.file, (list = []));
      order.position.set(r, list.length);
      list.push(r);
      if (r.ttlSource === TtlSource.Previous) order.previousTtls++;
      else if (r.ttlSource === TtlSource.SoaMinimum) order.soaMinimumTtls++;
    }
    recordOrders.set(zone, order);
  }
  return order;
}

/** The first record of r's file after r that satisfies `pred` (one index per zone, no scan). */
export function firstRecordAfter(zone: Zone, r: ZoneRecord, pred: (x: ZoneRecord) => boolean): ZoneRecord | undefined {
  const order = recordOrder(zone);
  const i = order.position.get(r);
  return i === undefined ? undefined : firstAfter(order.byFile.get(r.file) ?? [], i, pred);
}

/** The first record after index `i` of `list` that satisfies `pred`. */
function firstAfter(list: readonly ZoneRecord[], i: number, pred: (r: ZoneRecord) => boolean): ZoneRecord | undefined {
  for (let k = i + 1; k < list.length; k++) if (pred(list[k])) return list[k];
  return undefined;
}

const typeAt = zoneCache<Map<string, ZoneRecord>>();
const ttlOrTypeAt = zoneCache<Map<string, ZoneRecord>>();

/**
 * The record (not generated) whose type is written at `start` of file `file`: where findings
 * about a whole record point, so that its fix finds it without a scan of every record.
 */
export function recordWithTypeAt(zone: Zone, file: number, start: number): ZoneRecord | undefined {
  return positionIndex(zone, typeAt, (r) => r.typeStart).get(`${file}:${start}`);
}

/** The same for findings about a record's TTL: at its written TTL, else at its type. */
export function recordWithTtlOrTypeAt(zone: Zone, file: number, start: number): ZoneRecord | undefined {
  return positionIndex(zone, ttlOrTypeAt, (r) => (r.ttlStart >= 0 ? r.ttlStart : r.typeStart)).get(`${file}:${start}`);
}

function positionIndex(zone: Zone, cache: WeakMap<Zone, Map<string, ZoneRecord>>, at: (r: ZoneRecord) => number): Map<string, ZoneRecord> {
  let m = cache.get(zone);
  if (!m) {
    m = new Map();
    for (const r of zone.records) {
      const key = `${r.file}:${at(r)}`;
      if (!r.generated && !m.has(key)) m.set(key, r);
    }
    cache.set(zone, m);
  }
  return m;
}

/** Whether some record takes the TTL written before it (RFC 1035 style, no $TTL): then one TTL edit can change others. */
export function hasInheritedTtls(zone: Zone): boolean {
  return recordOrder(zone).previousTtls > 0;
}

/** Whether a line starting in [from, to) is an entry with a blank owner (lines as the lexer reads them). */
function blankOwnerLineBetween(text: string, comments: CommentRanges | null, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const lineStart = i === from || (comments ? startsCodeLine(text, comments, i) : text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n'));
    if (lineStart && startsBlankOwnerLine(text, i)) return true;
  }
  return false;
}

/** Whether the line at `lineStart` is an entry with a blank owner: blank space, then something other than a comment. */
function startsBlankOwnerLine(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i === lineStart || i >= text.length) return false;
  const c = text[i];
  return c !== ';' && c !== '\n' && c !== '\r';
}

/**
 * Start of the line break that ends just before `lineStart` (a CRLF whole: fixed, only its LF
 * was taken, leaving the CR), or -1 when there is none or deleting it would change the line it
 * ends: after an odd run of backslashes, the CR of a CRLF is an escaped character of the last
 * word (lexer.ts, as in BIND), and would become a lone CR, a line break, once the LF is gone;
 * with the CRLF gone, the backslash would escape nothing.
 */
function breakBefore(text: string, lineStart: number): number {
  if (lineStart === 0) return -1;
  let start = lineStart - 1;
  if (text.charCodeAt(start) === 0x0a && start > 0 && text.charCodeAt(start - 1) === 0x0d) start--;
  let backslashes = 0;
  for (let i = start - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1 ? -1 : start;
}

/** Splits written name text into labels with their offsets (escapes kept, `\.` not a separator). */
function writtenLabels(text: string, start: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) {
      i += /[0-9]/.test(text.charAt(i + 1)) ? 3 : 1;
    } else if (c === 0x2e) {
      out.push({ text: text.slice(from, i), start: start + from, end: start + i });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ text: text.slice(from), start: start + from, end: start + text.length });
  return out;
}

/**
 * The range of label `index` (0 = leftmost) of a name written at [start, end), or the whole
 * name when the label is not written there (it came from the origin, or the name is `@`).
 */
export function labelPlace(zone: Zone, file: number, start: number, end: number, index: number): Place {
  const text = sourceOf(zone, file, start, end);
  if (text === '@') return { start, end, file };
  const labels = writtenLabels(text, start);
  const l = labels[index];
  return l ? { start: l.start, end: l.end, file } : { start, end, file };
}
