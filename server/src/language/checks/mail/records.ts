/**
 * Small accessors the mail rules share: where a finding goes on a record, and typed reads of the
 * fields they need (MX exchange, TXT strings, addresses). Field names come from the record-type
 * schemas in rrtypes/types/.
 */
import type { Zone } from '../../model/zone';
import type { ZoneDiagnostic, ZoneRecord } from '../../model/types';
import type { RdataField } from '../../rrtypes/spec';
import type { CharString } from '../../text/charString';
import { zoneCache } from '../../model/derivedData';

export interface Place {
  start: number;
  end: number;
  file: number;
}

export type Related = NonNullable<ZoneDiagnostic['related']>[number];

export function typePlace(r: ZoneRecord): Place {
  return { start: r.typeStart, end: r.typeEnd, file: r.file };
}

export function fieldPlace(r: ZoneRecord, f: RdataField): Place {
  return { start: f.start, end: f.end, file: r.file };
}

export function relatedAt(p: Place, message: string): Related {
  return { file: p.file, start: p.start, end: p.end, message };
}

export function fieldOf(r: ZoneRecord, name: string): RdataField | undefined {
  // Indexed: a for-of makes an iterator per call until the caller is optimised.
  const rdata = r.rdata;
  for (let i = 0; i < rdata.length; i++) if (rdata[i].name === name) return rdata[i];
  return undefined;
}

/** A valid MX record's parts. */
export interface MxRecord {
  record: ZoneRecord;
  preference: number;
  preferenceField: RdataField;
  /** Canonical absolute target; `.` for a Null MX. */
  exchange: string;
  exchangeField: RdataField;
}

/** The valid MX records of the zone, in source order. */
// Five mail rules ask for the MX records of the same zone: built once (the list is shared, callers
// must not modify it).
const mxCache = zoneCache<MxRecord[]>();

export function mxRecords(zone: Zone): MxRecord[] {
  let out = mxCache.get(zone);
  if (!out) mxCache.set(zone, (out = collectMxRecords(zone)));
  return out;
}

function collectMxRecords(zone: Zone): MxRecord[] {
  const out: MxRecord[] = [];
  for (const record of zone.ofType('MX')) {
    const preferenceField = fieldOf(record, 'preference');
    const exchangeField = fieldOf(record, 'exchange');
    if (!preferenceField || !exchangeField) continue;
    if (typeof preferenceField.value !== 'number' || typeof exchangeField.value !== 'string') continue;
    out.push({ record, preference: preferenceField.value, preferenceField, exchange: exchangeField.value, exchangeField });
  }
  return out;
}

/** The character-strings of a TXT record (empty for records whose rdata did not parse). */
export function txtStrings(r: ZoneRecord): CharString[] {
  const f = fieldOf(r, 'strings');
  return f && Array.isArray(f.value) ? (f.value as CharString[]) : [];
}

/** The decoded text of a TXT record's strings joined with no separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
export function joinedTxt(r: ZoneRecord): string {
  return txtStrings(r).map((s) => s.value).join('');
}

/** The address of a valid A or AAAA record, in canonical text form. */
export function addressOf(r: ZoneRecord): string | undefined {
  const f = fieldOf(r, 'address');
  return f && typeof f.value === 'string' ? f.value : undefined;
}

/** The source text of a range in one of the zone's files. */
export function sourceOf(zone: Zone, file: number, start: number, end: number): string {
  return (zone.files[file]?.text ?? '').slice(start, end);
}

/** `name` without its trailing dot, for messages and mail addresses (`example.com`). */
export function bare(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}
