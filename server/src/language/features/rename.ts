/**
 * Rename a name the zone defines: every owner written with it and every rdata field and SPF
 * domain naming it, in this zone and the other open zones. Each occurrence keeps its style: a
 * relative name stays relative to the origin it was written under, `@` stays `@` where the new
 * name is that origin, an absolute name stays absolute.
 */
import type { Zone } from '../model/zone';
import type { Workspace } from '../workspace/workspace';
import { isSubdomain, nameToLabels, parseName } from '../rrtypes/names';
import { nameAt } from './nameAt';
import { referencesTo } from './navigation';
import type { OffsetRange, TextEdit } from './types';
import { findLineStart, type CommentRanges } from '../text/lineBreaks';

export interface RenameTarget {
  range: OffsetRange;
  /** The name as written at the cursor. */
  placeholder: string;
}

/** Whether the text ends with a dot that is not escaped. */
function isAbsoluteText(t: string): boolean {
  if (!t.endsWith('.')) return false;
  let n = 0;
  for (let i = t.length - 2; i >= 0 && t[i] === '\\'; i--) n++;
  return n % 2 === 0;
}

function labelCount(written: string): number {
  return nameToLabels(isAbsoluteText(written) ? written : written + '.').length;
}

function dropLabels(name: string, n: number): string {
  const rest = nameToLabels(name).slice(n);
  return rest.length ? rest.join('.') + '.' : '.';
}

/** The origin a name was written against: itself for `@`, the name minus the written labels when relative. */
function originOf(written: string, name: string, fallback: string | null): string {
  if (written === '@') return name;
  if (isAbsoluteText(written)) return fallback ?? '.';
  return dropLabels(name, labelCount(written));
}

/** The new name written the way `written` was: relative to its origin, `@`, or absolute. */
function writeLike(written: string, oldName: string, newAbsolute: string, newName: string): string {
  if (written !== '@' && isAbsoluteText(written)) return newAbsolute;
  const origin = originOf(written, oldName, null);
  if (newName === origin) return '@';
  if (origin !== '.' && isSubdomain(newName, origin)) {
    const keep = nameToLabels(newName).length - nameToLabels(origin).length;
    return nameToLabels(newAbsolute).slice(0, keep).join('.');
  }
  return newAbsolute;
}

/**
 * Where a record of `name` written with a blank owner takes its owner from a line that is not a
 * record (it did not parse, but still sets the owner, RFC 1035 §5.1): the start of that line,
 * else undefined. Rename edits the names of records only, so it would leave that one behind.
 */
function ownerFromUnparsedLine(zone: Zone, name: string): number | undefined {
  const records = zone.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.owner !== name || r.ownerStart >= 0 || r.generated) continue;
    // The record it follows in its file ($GENERATE records set no owner), and the lines between.
    let j = i - 1;
    while (j >= 0 && (records[j].generated || records[j].file !== r.file)) j--;
    const text = zone.files[r.file].text;
    const from = j >= 0 ? records[j].end : 0;
    const line = ownerLineBetween(text, r.file === 0 ? zone.parse : null, from, r.start);
    if (line !== undefined) return line;
    if (j < 0) return from;
  }
  return undefined;
}

/** The start of a line in [from, to) that begins with an owner (not blank, a comment or a directive). */
function ownerLineBetween(text: string, comments: CommentRanges | null, from: number, to: number): number | undefined {
  const at = findLineStart(text, comments, from, to, (i) => {
    const c = text[i];
    return c !== ' ' && c !== '\t' && c !== ';' && c !== '$' && c !== '\n' && c !== '\r';
  });
  return at < 0 ? undefined : at;
}

export function prepareRenameAt(zone: Zone, offset: number): RenameTarget | undefined {
  const at = nameAt(zone, offset);
  if (!at || at.role === 'spf' || !zone.has(at.name) || at.name === zone.origin) return undefined;
  return { range: at.range, placeholder: zone.files[at.record.file].text.slice(at.range.start, at.range.end) };
}

export function renameAt(zone: Zone, offset: number, newText: string, workspace?: Workspace, selfUri?: string): { edits: TextEdit[] } | { error: string } {
  const at = nameAt(zone, offset);
  if (!at || at.role === 'spf' || !zone.has(at.name)) return { error: 'Only names that have records in this zone can be renamed.' };
  const oldName = at.name;
  if (oldName === zone.origin) return { error: 'The zone apex is renamed by changing $ORIGIN (or the file name), not here.' };
  const typed = newText.trim();
  if (!typed || /[\s;()"]/.test(typed)) return { error: `"${newText}" is not a single domain name.` };
  const cursorOrigin = originOf(zone.files[at.record.file].text.slice(at.range.start, at.range.end), oldName, zone.origin);
  const parsed = parseName(typed, cursorOrigin);
  if (parsed.error) return { error: `"${typed}": ${parsed.error.message}` };
  const newName = parsed.name;
  if (newName === oldName) return { edits: [] };
  if (zone.has(newName)) return { error: `${newName} already has records in this zone; renaming would merge them.` };
  const broken = ownerFromUnparsedLine(zone, oldName);
  if (broken !== undefined) return { error: `Records below the line at offset ${broken} take their owner from it, but that line does not parse, so renaming cannot change it: correct that line first.` };
  const newAbsolute = typed === '@' ? cursorOrigin : parsed.absolute ? typed : cursorOrigin === '.' ? `${typed}.` : `${typed}.${cursorOrigin}`;

  const edits: TextEdit[] = [];
  for (const loc of referencesTo(oldName, zone, workspace, selfUri, true)) {
    const source = loc.uri ? workspace?.get(loc.uri) : zone;
    if (!source) continue;
    const written = source.files[loc.file].text.slice(loc.start, loc.end);
    let replacement: string;
    if (loc.role === 'spf') {
      // SPF domains are absolute and written without the final dot; escapes or split strings are left alone.
      if (written.length === oldName.length) replacement = newAbsolute;
      else if (written.length === oldName.length - 1) replacement = newAbsolute.replace(/\.$/, '');
      else continue;
    } else {
      replacement = writeLike(written, oldName, newAbsolute, newName);
    }
    const edit: TextEdit = { start: loc.start, end: loc.end, newText: replacement };
    if (loc.uri) edit.uri = loc.uri;
    if (loc.file !== 0) edit.file = loc.file;
    edits.push(edit);
  }
  return { edits };
}
