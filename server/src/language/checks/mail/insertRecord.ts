/**
 * Quick-fixes that add a whole record line. The line goes in at the start of a line as the lexer
 * reads lines (after LF, CRLF or a lone CR, never inside a comment that runs past a lone CR: see
 * text/lineBreaks.ts), ends with the file's own line ending, is written in the zone's class, and
 * names its owner relative to the `$ORIGIN` in force at that point (absolute when the name is not
 * below it). It is never put where it would change the meaning of the record after it: a
 * following line with a blank owner inherits the previous owner (RFC 1035 §5.1), so then the
 * line goes to the end of the file instead.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, parseName, relativeTo } from '../../rrtypes/names';
import { codeLineEnd, lineBreakToAppend, startsCodeLine } from '../../text/lineBreaks';
import type { TextEdit } from '../rule';
import { parenGroupsOverlapping, unclosedParenBefore } from '../integrity/parenGroups';
import { firstRecordAfter } from '../integrity/recordIndex';


/**
 * The class new records are written with: the zone's, which the parser takes from the first
 * record (the SOA, in a well-formed zone) and holds every class written later against
 * (class-mismatch). IN for a zone with no records yet.
 */
export function zoneClassOf(zone: Zone): string {
  return zone.records[0]?.class ?? 'IN';
}

/**
 * `rest` in the zone's class: callers write the record as `IN <type> <rdata>`, and a zone of
 * another class (CH, HS, ...) gets its own class there instead.
 */
function inZoneClass(zone: Zone, rest: string): string {
  const cls = zoneClassOf(zone);
  return cls !== 'IN' && rest.startsWith('IN ') ? cls + rest.slice(2) : rest;
}

/** The `$ORIGIN` in force at `offset` of the document (file 0). */
export function originAt(zone: Zone, offset: number): string | null {
  let origin = zone.origin;
  for (const d of zone.directives) {
    if (d.file !== 0 || d.name !== '$ORIGIN' || d.start >= offset || d.args.length !== 1) continue;
    const r = parseName(d.args[0].text, origin);
    if (!r.error) origin = r.name;
  }
  return origin;
}

/** `name` as it should be written where `origin` is in force. */
export function nameForOrigin(name: string, origin: string | null): string {
  if (origin && isSubdomain(name, origin)) return relativeTo(name, origin);
  return name;
}

/**
 * Offset just past the line that ends `r`: a record written over several lines in parentheses
 * ends at its `)`, which may follow r.end, and a comment after it runs on to the next LF (past
 * a lone CR). The `(` may also come before the record's first token (a line that opens with
 * it). The end of the text when that line has no line break; null after an unclosed parenthesis.
 */
export function lineAfterRecord(zone: Zone, r: ZoneRecord): number | null {
  let end = r.end;
  // Every group that overlaps the record: opened before its end, not closed before its start.
  for (const [, close] of parenGroupsOverlapping(zone, r.start, r.end)) {
    if (close < 0) return null;
    end = Math.max(end, close + 1);
  }
  const at = codeLineEnd(zone.text, zone.parse, end);
  // After a `(` that is never closed (even one after the record's last token), how the lexer
  // recovers depends on the lines that follow: a line put in there may be read into the group.
  if (unclosedParenBefore(zone, at)) return null;
  return at;
}

/** Where a line inserted after `r` would start, or null when that is not safe (see above). */
export function offsetAfterRecord(zone: Zone, r: ZoneRecord): number | null {
  if (r.file !== 0 || r.generated) return null;
  const at = lineAfterRecord(zone, r);
  if (at === null) return null;
  // $GENERATE records in between do not set the owner a blank-owner line inherits (see the parser).
  const next = firstRecordAfter(zone, r, (x) => !x.generated);
  if (next && next.ownerStart < 0) return null;
  return at;
}

/**
 * An edit that adds `line` (a record without its line ending) to the document: after `after`
 * when given and safe, else at the end of the file. `owner` is written relative to the origin
 * in force there; `rest` is the text after the owner, starting with the class IN (written as
 * the zone's class, see inZoneClass).
 */
export function insertRecordLine(zone: Zone, owner: string, rest: string, after?: ZoneRecord, ownerText: (s: string) => string = (s) => s): TextEdit {
  const text = zone.text;
  const eol = zone.newLine;
  const afterOffset = after ? offsetAfterRecord(zone, after) : null;
  if (afterOffset !== null && afterOffset < text.length) {
    const line = `${ownerText(nameForOrigin(owner, originAt(zone, afterOffset)))} ${inZoneClass(zone, rest)}`;
    return { start: afterOffset, end: afterOffset, newText: line + eol };
  }
  return appendRecordLine(zone, owner, rest, ownerText);
}

/**
 * An edit that adds a record line at the end of the document (after a line break).
 * `ownerText` post-processes the written owner (snippet fixes escape it).
 */
export function appendRecordLine(zone: Zone, owner: string, rest: string, ownerText: (s: string) => string = (s) => s): TextEdit {
  const text = zone.text;
  const eol = zone.newLine;
  const line = `${ownerText(nameForOrigin(owner, originAt(zone, text.length)))} ${inZoneClass(zone, rest)}`;
  // After a last line with no line break, or a comment that a final lone CR does not end.
  const needsBreak = !startsCodeLine(text, zone.parse, text.length);
  return { start: text.length, end: text.length, newText: (needsBreak ? lineBreakToAppend(text) : '') + line + eol };
}
