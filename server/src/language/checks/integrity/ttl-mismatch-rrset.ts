/**
 * ttl-mismatch-rrset: all records of an RRset (same owner, class and type) must have the same TTL
 * (RFC 2181 §5.2). BIND loads the zone with the first record's TTL for all of them ("TTL set to
 * prior TTL"), so the TTL written on the others is a lie. RRSIG sets are exempt: their TTL
 * follows the RRset each signature covers (RFC 4034 §3).
 * The fix writes the first record's TTL on the differing one.
 */
import { TtlSource, type ZoneRecord } from '../../model/types';
import type { Fix, Rule } from '../rule';
import { hasSharedRrset, relatedAt, typePlace } from './common';
import { hasInheritedTtls, recordWithTtlOrTypeAt } from './recordIndex';

interface TtlData {
  ttl: number;
}

function placeOf(r: ZoneRecord) {
  return r.ttlStart >= 0 ? { start: r.ttlStart, end: r.ttlEnd, file: r.file } : typePlace(r);
}

/** Records whose TTL is compared within their set. */
const inSet = (r: ZoneRecord): boolean => r.type !== 'RRSIG' && r.type !== 'SIG' && r.ttlSource !== TtlSource.None;

export const ttlMismatchRrset: Rule = {
  id: 'ttl-mismatch-rrset',
  defaultSeverity: 'warning',
  summary: 'Records of one RRset with different TTLs.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    // Only owners with several records (indexed once), not every name: most names have one.
    const owners = zone.ownersWithSeveralRecords();
    for (let k = 0; k < owners.length; k++) {
      const records = owners[k];
      // Only owners where some set has two records can have a mismatch: skip the keys otherwise.
      if (!hasSharedRrset(records, inSet)) continue;
      const first = new Map<string, ZoneRecord>();
      for (const r of records) {
        if (r.type === 'RRSIG' || r.type === 'SIG' || r.ttlSource === TtlSource.None) continue;
        const key = `${r.class}\u0000${r.type}`;
        const f = first.get(key);
        if (!f) {
          first.set(key, r);
          continue;
        }
        if (f.ttl === r.ttl) continue;
        const data: TtlData = { ttl: f.ttl };
        report({
          ...placeOf(r),
          message: `TTL ${r.ttl} differs from the TTL ${f.ttl} of the first ${r.type} record for ${r.owner}; all records of a set share one TTL (RFC 2181 §5.2), and servers use ${f.ttl} for all of them.`,
          data,
          related: [relatedAt(placeOf(f), 'the first record of the set')],
        });
      }
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const data = diagnostic.data as TtlData | undefined;
    if (!data || typeof data.ttl !== 'number') return [];
    // Records whose TTL comes from the previous line would change with this one.
    if (hasInheritedTtls(zone)) return [];
    const r = recordWithTtlOrTypeAt(zone, diagnostic.file, diagnostic.start);
    if (!r) return [];
    const ttl = String(data.ttl);
    if (r.ttlStart >= 0) {
      return [{ title: `Use TTL ${ttl} like the rest of the set`, edits: [{ start: r.ttlStart, end: r.ttlEnd, newText: ttl, file: r.file }], isPreferred: true }];
    }
    const at = r.classStart >= 0 && r.classStart < r.typeStart ? r.classStart : r.typeStart;
    return [{ title: `Write TTL ${ttl} like the rest of the set`, edits: [{ start: at, end: at, newText: ttl + ' ', file: r.file }], isPreferred: true }];
  },
};
