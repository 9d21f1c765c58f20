/**
 * cname-multiple: an alias points at exactly one name (RFC 1034 §3.6.2, RFC 2181 §10.1);
 * a second, different CNAME at the same owner makes BIND and Knot refuse the zone.
 * Identical copies are left to duplicate-record.
 */
import type { ZoneRecord } from '../../model/types';
import type { Rule } from '../rule';
import { relatedAt, typePlace } from './common';
import { rdataKey } from './rdataKey';

/** How many valid CNAME records `records` holds (counted before a list is made: nearly always none). */
function validCnames(records: readonly ZoneRecord[]): number {
  let n = 0;
  for (let i = 0; i < records.length; i++) if (records[i].type === 'CNAME' && records[i].valid) n++;
  return n;
}

export const cnameMultiple: Rule = {
  id: 'cname-multiple',
  defaultSeverity: 'error',
  summary: 'More than one CNAME record at the same name.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    if (zone.ofType('CNAME').length < 2) return;
    // Only owners with several records (indexed once), not every name: most names have one.
    const owners = zone.ownersWithSeveralRecords();
    for (let k = 0; k < owners.length; k++) {
      const records = owners[k];
      const owner = records[0].owner;
      if (validCnames(records) < 2) continue;
      const cnames = records.filter((r) => r.type === 'CNAME' && r.valid);
      if (cnames.length < 2) continue;
      const seen = new Set([rdataKey(cnames[0])]);
      for (const r of cnames.slice(1)) {
        const key = rdataKey(r);
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          ...typePlace(r),
          message: `${owner} already has a CNAME to ${cnames[0].rdata[0]?.value as string}; an alias can point at only one name (RFC 1034 §3.6.2), and servers refuse the zone. Keep one CNAME.`,
          related: [relatedAt(typePlace(cnames[0]), 'the first CNAME record')],
        });
      }
    }
  },
};
