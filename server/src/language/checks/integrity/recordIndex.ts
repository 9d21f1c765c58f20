/**
 * The zone's records by position, found once per zone: the fixes look up the record a finding
 * points at and its neighbours, and `zonelint --fix` asks for all of them (thousands on a large
 * zone), so a scan of every record per question would make fixing quadratic.
 */
import type { Zone } from '../../model/zone';
import { TtlSource, type ZoneRecord } from '../../model/types';
import { zoneCache } from '../../model/derivedData';

export interface RecordOrder {
  /** Each file's records, in source order. */
  byFile: Map<number, ZoneRecord[]>;
  /** A record's index in its file's list. */
  position: Map<ZoneRecord, number>;
  /** How many records take the TTL written before them (RFC 1035, no $TTL), and the SOA minimum. */
  previousTtls: number;
  soaMinimumTtls: number;
}

const recordOrders = zoneCache<RecordOrder>();

/**
 * The zone's records by file and position, found once: record deletion asks for every finding it
 * fixes, and `zonelint --fix` asks for all of them (thousands on a large zone), so a scan of
 * every record per question would make fixing quadratic.
 */
export function recordOrder(zone: Zone): RecordOrder {
  let order = recordOrders.get(zone);
  if (!order) {
    order = { byFile: new Map(), position: new Map(), previousTtls: 0, soaMinimumTtls: 0 };
    for (const r of zone.records) {
      let list = order.byFile.get(r.file);
      if (!list) order.byFile.set(r.file, (list = []));
      order.position.set(r, list.length);
      list.push(r);
      if (r.ttlSource === TtlSource.Previous) order.previousTtls++;
      else if (r.ttlSource === TtlSource.SoaMinimum) order.soaMinimumTtls++;
    }
    recordOrders.set(zone, order);
  }
  return order;
}

/** The first record of r's file after r that satisfies `pred` (one index per zone, no scan). */
export function firstRecordAfter(zone: Zone, r: ZoneRecord, pred: (x: ZoneRecord) => boolean): ZoneRecord | undefined {
  const order = recordOrder(zone);
  const i = order.position.get(r);
  return i === undefined ? undefined : firstAfter(order.byFile.get(r.file) ?? [], i, pred);
}

/** The first record after index `i` of `list` that satisfies `pred`. */
export function firstAfter(list: readonly ZoneRecord[], i: number, pred: (r: ZoneRecord) => boolean): ZoneRecord | undefined {
  for (let k = i + 1; k < list.length; k++) if (pred(list[k])) return list[k];
  return undefined;
}

const typeAt = zoneCache<Map<string, ZoneRecord>>();
const ttlOrTypeAt = zoneCache<Map<string, ZoneRecord>>();

/**
 * The record (not generated) whose type is written at `start` of file `file`: where findings
 * about a whole record point, so that its fix finds it without a scan of every record.
 */
export function recordWithTypeAt(zone: Zone, file: number, start: number): ZoneRecord | undefined {
  return positionIndex(zone, typeAt, (r) => r.typeStart).get(`${file}:${start}`);
}

/** The same for findings about a record's TTL: at its written TTL, else at its type. */
export function recordWithTtlOrTypeAt(zone: Zone, file: number, start: number): ZoneRecord | undefined {
  return positionIndex(zone, ttlOrTypeAt, (r) => (r.ttlStart >= 0 ? r.ttlStart : r.typeStart)).get(`${file}:${start}`);
}

function positionIndex(zone: Zone, cache: WeakMap<Zone, Map<string, ZoneRecord>>, at: (r: ZoneRecord) => number): Map<string, ZoneRecord> {
  let m = cache.get(zone);
  if (!m) {
    m = new Map();
    for (const r of zone.records) {
      const key = `${r.file}:${at(r)}`;
      if (!r.generated && !m.has(key)) m.set(key, r);
    }
    cache.set(zone, m);
  }
  return m;
}

/** Whether some record takes the TTL written before it (RFC 1035 style, no $TTL): then one TTL edit can change others. */
export function hasInheritedTtls(zone: Zone): boolean {
  return recordOrder(zone).previousTtls > 0;
}
