/**
 * cname-and-other-data: a name with a CNAME may hold nothing else (RFC 1034 §3.6.2,
 * RFC 2181 §10.1), except the DNSSEC records that sign and deny it: RRSIG and NSEC
 * (RFC 4035 §2.5), NSEC3 for completeness. KEY is no longer an exception (RFC 3007 §4).
 * BIND and Knot refuse the zone. Reported on each other record, with the CNAME as related.
 */
import type { Rule } from '../rule';
import { relatedAt, typePlace } from './common';

const ALLOWED_BESIDE_CNAME = new Set(['CNAME', 'RRSIG', 'NSEC', 'NSEC3']);

export const cnameAndOtherData: Rule = {
  id: 'cname-and-other-data',
  defaultSeverity: 'error',
  summary: 'A name that has a CNAME and other records too.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    if (zone.recordsOfType('CNAME').length === 0) return;
    // A name with one record has nothing beside it: only owners with several (indexed once).
    const owners = zone.ownersWithSeveralRecords();
    for (let k = 0; k < owners.length; k++) {
      const records = owners[k];
      const owner = records[0].owner;
      const cname = records.find((r) => r.type === 'CNAME');
      if (!cname) continue;
      for (const r of records) {
        if (ALLOWED_BESIDE_CNAME.has(r.type)) continue;
        report({
          ...typePlace(r),
          message: `${owner} is an alias (CNAME), so it cannot have a ${r.type} record too (RFC 1034 §3.6.2, RFC 2181 §10.1); resolvers follow the CNAME and never see this record, and BIND refuses the zone. Remove one of them${r.type === 'MX' || r.type === 'TXT' ? ' (for mail, publish the record at the CNAME target instead)' : ''}.`,
          related: [relatedAt(typePlace(cname), 'the CNAME record')],
        });
      }
    }
  },
};
