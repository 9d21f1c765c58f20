/**
 * "Bump SOA serial": the next serial for the zone's SOA. A serial that looks like a date
 * (YYYYMMDDnn, the convention of RFC 1912 §2.2) moves to today's date with nn = 00, or to
 * serial + 1 when that would not be larger (several changes in one day, or a date in the
 * future); any other serial becomes serial + 1. The serial never goes backwards, and a bump past
 * 4294967295 is refused rather than wrapped (RFC 1982 wrap-around needs a deliberate plan).
 */
import type { TextEdit } from '../checks/rule';
import type { Zone } from '../model/zone';
import type { ZoneRecord } from '../model/types';

const MAX_SERIAL = 0xffffffff;

export interface SerialBump {
  /** Replaces the serial as written in the document. */
  edit: TextEdit;
  oldSerial: number;
  newSerial: number;
}

/** The SOA record whose serial a bump edits: at the apex, written in the document itself. */
export function editableSoa(zone: Zone): ZoneRecord | undefined {
  const soa = zone.apexSoa.find((r) => r.file === 0 && !r.generated && r.valid) ?? zone.records.find((r) => r.type === 'SOA' && r.file === 0 && !r.generated && r.valid);
  return soa;
}

/** The serial of the zone's SOA, or undefined when it has none (or it did not parse). */
export function soaSerial(zone: Zone): number | undefined {
  const field = editableSoa(zone)?.rdata.find((f) => f.name === 'serial');
  return typeof field?.value === 'number' ? field.value : undefined;
}

/** Whether a serial reads as YYYYMMDDnn with a plausible calendar date. */
export function isDateSerial(serial: number): boolean {
  if (!Number.isInteger(serial) || serial < 1970010100 || serial > 2099123199) return false;
  const day = Math.floor(serial / 100) % 100;
  const month = Math.floor(serial / 10000) % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Today's date as a YYYYMMDD00 serial, in the local time zone (the date the editor's user sees). */
export function dateSerial(today: Date): number {
  return (today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate()) * 100;
}

/** The serial after `serial`, or undefined when it would pass 2^32-1. */
export function nextSerial(serial: number, today: Date): number | undefined {
  let next = serial + 1;
  if (isDateSerial(serial)) next = Math.max(next, dateSerial(today));
  return next > MAX_SERIAL ? undefined : next;
}

/** The edit that bumps the zone's serial, or null (no editable SOA, or no larger serial exists). */
export function bumpSerial(zone: Zone, today: Date): SerialBump | null {
  const soa = editableSoa(zone);
  const field = soa?.rdata.find((f) => f.name === 'serial');
  if (!field || typeof field.value !== 'number') return null;
  const newSerial = nextSerial(field.value, today);
  if (newSerial === undefined) return null;
  return { edit: { start: field.start, end: field.end, newText: String(newSerial) }, oldSerial: field.value, newSerial };
}
