/**
 * Our records in the shape BIND's raw dump has: owner and rdata as wire bytes, class and type as
 * codes. Rdata goes through the record type's own `toWire`; for types we only know by number
 * (RFC 3597 `\# len hex`), the model keeps no bytes, so they are decoded here from the source.
 */
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneRecord } from '../../server/src/language/model/types';
import { rrTypeByName } from '../../server/src/language/rrtypes/registry';
import { nameToWire } from '../../server/src/language/rrtypes/nameWire';

export interface WireRecord {
  owner: Uint8Array;
  class: number;
  type: number;
  /** RRSIG/SIG: type covered (BIND keeps one RRset per covered type). */
  covers: number;
  ttl: number;
  rdata: Uint8Array;
  /** The rdata holds domain names (compare those case-insensitively, RFC 4343). */
  hasNames: boolean;
  record: ZoneRecord;
}

const CLASS_CODES: Record<string, number> = { IN: 1, CS: 2, CH: 3, HS: 4, NONE: 254, ANY: 255 };

export function classCode(cls: string): number {
  const m = /^CLASS([0-9]+)$/i.exec(cls);
  return m ? Number(m[1]) : (CLASS_CODES[cls.toUpperCase()] ?? -1);
}

/** RFC 3597 `\# len hex` written in the record's source, decoded; null when it is not in that form. */
export function genericBytes(zone: Zone, r: ZoneRecord): Uint8Array | null {
  const src = zone.files[r.file]?.text.slice(r.rdataStart, r.rdataEnd) ?? '';
  const words = src.replace(/;[^\n]*/g, ' ').replace(/[()]/g, ' ').trim().split(/\s+/);
  if (words[0] !== '\\#' || words.length < 2) return null;
  const len = Number(words[1]);
  const hex = words.slice(2).join('');
  if (!Number.isInteger(len) || hex.length !== 2 * len || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/**
 * Wire form of one of our records, or a string saying why there is none (an invalid record, an
 * encoder that threw).
 */
export function toWireRecord(zone: Zone, r: ZoneRecord): WireRecord | string {
  if (!r.valid) return 'record is marked invalid';
  const spec = rrTypeByName(r.type);
  let rdata: Uint8Array | null;
  if (spec) {
    try {
      rdata = spec.toWire(r.rdata);
    } catch (err) {
      return `toWire threw: ${(err as Error).message}`;
    }
  } else {
    rdata = genericBytes(zone, r);
    if (!rdata) return `no rdata bytes for ${r.type}`;
  }
  const covers = (r.typeCode === 46 || r.typeCode === 24) && rdata.length >= 2 ? (rdata[0] << 8) | rdata[1] : 0;
  return {
    owner: nameToWire(r.owner),
    class: classCode(r.class),
    type: r.typeCode,
    covers,
    ttl: r.ttl,
    rdata,
    hasNames: spec ? spec.fields.some((f) => f.kind === 'name') : false,
    record: r,
  };
}
