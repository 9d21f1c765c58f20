/**
 * Small helpers the integrity rules share: where to point a finding on a record, how to read a
 * field, how names resolve inside the zone (wildcards included). Deleting a record in a fix is
 * deleteRecord.ts; finding records by position is recordIndex.ts.
 */
import { field, type Zone } from '../../model/zone';
import type { ZoneDiagnostic, ZoneRecord } from '../../model/types';
import type { RdataField } from '../../rrtypes/spec';
import { isSubdomain, parentName } from '../../rrtypes/names';
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
