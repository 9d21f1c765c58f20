/**
 * The edit that adds an SPF record right after the last MX record of a name (the fix of
 * spf-missing). The new line copies the MX line's layout: its owner column (the relative owner
 * written there, or left blank when the MX line inherits its owner, which then inherits the same
 * name), TTL and class as written (unless the parser refused them: see validHead), and the column
 * where the rdata starts. Lines are found as the lexer reads them (text/lineBreaks.ts: LF, CRLF
 * or a lone CR). It ends with the file's own line ending.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, relativeTo } from '../../rrtypes/names';
import type { TextEdit } from '../rule';
import { formatCharString } from '../../rrtypes/charStrings';
import { lineAfterRecord, originAt, zoneClassOf } from '../mail/insertRecord';
import { codeLineStart, hasLineBreak, lineBreakToAppend, startsCodeLine } from '../../text/lineBreaks';

/**
 * The MX line's text from `from` to its type, with a TTL or class the parser refused (a TTL above
 * 2^31-1, reported as ttl-range; a class other than the zone's, class-mismatch) blanked out, so
 * the new record does not repeat the finding: it then takes the zone's class, and the TTL in force.
 * Null when that text holds more than blank space, TTL and class (a parenthesis or a comment).
 */
function validHead(zone: Zone, mx: ZoneRecord, from: number): string | null {
  const text = zone.text;
  const bad: [number, number][] = [];
  if (mx.classStart >= 0 && mx.class !== zoneClassOf(zone)) bad.push([mx.classStart, mx.classEnd]);
  if (mx.ttlStart >= 0 && zone.parseDiagnostics.some((d) => d.code === 'ttl-range' && d.file === 0 && d.start === mx.ttlStart)) bad.push([mx.ttlStart, mx.ttlEnd]);
  let out = '';
  for (let i = from; i < mx.typeStart; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x29 || c === 0x3b || c === 0x22) return null;
    out += bad.some(([s, e]) => i >= s && i < e) ? ' ' : text[i];
  }
  return out;
}

/**
 * Whitespace of `gap` resized so the text after it starts at the same column, when the line
 * lines its columns up with runs of spaces; a single space or tabs are kept as they are.
 */
function realign(gap: string, oldWidth: number, newWidth: number): string {
  if (!/^ {2,}$/.test(gap)) return gap;
  return ' '.repeat(Math.max(1, gap.length + oldWidth - newWidth));
}

/** An edit inserting a TXT record with `value` after `mx`, or null when that cannot be done safely. */
export function insertTxtAfter(zone: Zone, mx: ZoneRecord, value: string): TextEdit | null {
  if (mx.file !== 0 || mx.generated) return null;
  const text = zone.text;
  const at = lineAfterRecord(zone, mx);
  const lineStart = codeLineStart(text, zone.parse, mx.start);
  if (at === null || hasLineBreak(text, lineStart, mx.typeStart)) return null;
  const eol = zone.newLine;
  let head: string;
  if (mx.ownerStart >= 0) {
    if (mx.ownerStart !== lineStart) return null;
    const origin = originAt(zone, at);
    const owner = origin && isSubdomain(mx.owner, origin) ? relativeTo(mx.owner, origin) : mx.owner;
    const afterOwner = validHead(zone, mx, mx.ownerEnd);
    if (afterOwner === null) return null;
    const gap = /^[ \t]*/.exec(afterOwner)![0];
    head = owner + realign(gap, mx.ownerEnd - mx.ownerStart, owner.length) + afterOwner.slice(gap.length);
  } else {
    // A blank owner inherits the MX record's owner: the name the record is for.
    const blank = validHead(zone, mx, lineStart);
    if (blank === null) return null;
    head = blank;
  }
  const typeText = text.slice(mx.typeStart, mx.typeEnd);
  const type = typeText === typeText.toLowerCase() ? 'txt' : 'TXT';
  // Between the type and the rdata there may be a `(`: the new record needs none.
  const written = text.slice(mx.typeEnd, mx.rdataStart);
  const gap = /^[ \t]+$/.test(written) ? realign(written, typeText.length, type.length) : ' ';
  const line = `${head}${type}${gap}${formatCharString(value)}`;
  // At the end of a text whose last line has no line break (or ends in a comment a lone CR does not end).
  const needsBreak = at === text.length && !startsCodeLine(text, zone.parse, at);
  return { start: at, end: at, newText: needsBreak ? lineBreakToAppend(text) + line : line + eol };
}
