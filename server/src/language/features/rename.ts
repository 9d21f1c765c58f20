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
