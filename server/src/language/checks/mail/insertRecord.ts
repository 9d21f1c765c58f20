/**
 * Quick-fixes that add a whole record line. The line goes in at a line start, ends with the
 * file's own line ending, and names its owner relative to the `$ORIGIN` in force at that point
 * (absolute when the name is not below it). It is never put where it would change the meaning of
 * the record after it: a following line with a blank owner inherits the previous owner (RFC 1035
 * §5.1), so then the line goes to the end of the file instead.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, parseName, relativeTo } from '../../rrtypes/names';
import type { TextEdit } from '../rule';

/** CRLF when the text uses it, else LF. */
export function lineEndingOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
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
 * ends at its `)`, which may follow r.end. The end of the text when that line has no line break;
 * null for an unclosed parenthesis.
 */
export function lineAfterRecord(zone: Zone, r: ZoneRecord): number | null {
  let end = r.end;
  const parens = zone.parse.parens;
  for (let i = 0; i < parens.length; i += 2) {
    if (parens[i] >= r.start && parens[i] < r.end) {
      if (parens[i + 1] < 0) return null;
      end = Math.max(end, parens[i + 1] + 1);
    }
  }
  const lineBreak = zone.text.indexOf('\n', end);
  return lineBreak < 0 ? zone.text.length : lineBreak + 1;
}

/** Where a line inserted after `r` would start, or null when that is not safe (see above). */
export function offsetAfterRecord(zone: Zone, r: ZoneRecord): number | null {
  if (r.file !== 0 || r.generated) return null;
  const at = lineAfterRecord(zone, r);
  if (at === null) return null;
  const index = zone.records.indexOf(r);
  const next = zone.records.slice(index + 1).find((x) => x.file === 0);
  if (next && !next.generated && next.ownerStart < 0) return null;
  return at;
}

/**
 * An edit that adds `line` (a record without its line ending) to the document: after `after`
 * when given and safe, else at the end of the file. `owner` is written relative to the origin
 * in force there; `rest` is the text after the owner.
 */
export function insertRecordLine(zone: Zone, owner: string, rest: string, after?: ZoneRecord, ownerText: (s: string) => string = (s) => s): TextEdit {
  const text = zone.text;
  const eol = lineEndingOf(text);
  const afterOffset = after ? offsetAfterRecord(zone, after) : null;
  if (afterOffset !== null && afterOffset < text.length) {
    const line = `${ownerText(nameForOrigin(owner, originAt(zone, afterOffset)))} ${rest}`;
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
  const eol = lineEndingOf(text);
  const line = `${ownerText(nameForOrigin(owner, originAt(zone, text.length)))} ${rest}`;
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { start: text.length, end: text.length, newText: (needsBreak ? eol : '') + line + eol };
}
