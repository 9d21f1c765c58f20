/**
 * The edit that adds an SPF record right after the last MX record of a name (the fix of
 * spf-missing). The new line copies the MX line's layout: its owner column (the relative owner
 * written there, or left blank when the MX line inherits its owner, which then inherits the same
 * name), TTL and class as written, and the column where the rdata starts. It ends with the
 * file's own line ending.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, parseName, relativeTo } from '../../rrtypes/names';
import type { TextEdit } from '../rule';
import { formatCharString } from '../../rrtypes/charStrings';
import { lineAfterRecord } from '../mail/insertRecord';

/** The `$ORIGIN` in force at `offset` of the document (file 0). */
function originAt(zone: Zone, offset: number): string | null {
  let origin = zone.origin;
  for (const d of zone.directives) {
    if (d.file !== 0 || d.name !== '$ORIGIN' || d.start >= offset || d.args.length !== 1) continue;
    const r = parseName(d.args[0].text, origin);
    if (!r.error) origin = r.name;
  }
  return origin;
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
  const lineStart = text.lastIndexOf('\n', mx.start - 1) + 1;
  if (at === null || text.slice(lineStart, mx.typeStart).includes('\n')) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let head: string;
  if (mx.ownerStart >= 0) {
    if (mx.ownerStart !== lineStart) return null;
    const origin = originAt(zone, at);
    const owner = origin && isSubdomain(mx.owner, origin) ? relativeTo(mx.owner, origin) : mx.owner;
    const afterOwner = text.slice(mx.ownerEnd, mx.typeStart);
    const gap = /^[ \t]*/.exec(afterOwner)![0];
    head = owner + realign(gap, mx.ownerEnd - mx.ownerStart, owner.length) + afterOwner.slice(gap.length);
  } else {
    // A blank owner inherits the MX record's owner: the name the record is for.
    head = text.slice(lineStart, mx.typeStart);
  }
  const typeText = text.slice(mx.typeStart, mx.typeEnd);
  const type = typeText === typeText.toLowerCase() ? 'txt' : 'TXT';
  // Between the type and the rdata there may be a `(`: the new record needs none.
  const written = text.slice(mx.typeEnd, mx.rdataStart);
  const gap = /^[ \t]+$/.test(written) ? realign(written, typeText.length, type.length) : ' ';
  const line = `${head}${type}${gap}${formatCharString(value)}`;
  return { start: at, end: at, newText: at === text.length && !text.endsWith('\n') ? eol + line : line + eol };
}
