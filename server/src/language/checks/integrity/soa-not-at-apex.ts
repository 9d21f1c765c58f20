/**
 * soa-not-at-apex: an SOA marks the top of a zone, so one below the origin either belongs in a
 * zone of its own or has a mistyped owner (BIND: "SOA record not at top of zone").
 */
import type { Rule } from '../rule';
import { ownerPlace } from './common';

export const soaNotAtApex: Rule = {
  id: 'soa-not-at-apex',
  defaultSeverity: 'error',
  summary: 'An SOA record whose owner is not the zone origin.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    if (!zone.origin) return;
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.recordsOfType('SOA')) {
      if (r.owner === zone.origin) continue;
      report({
        ...ownerPlace(r),
        message: `SOA record at ${r.owner}, but the zone origin is ${zone.origin}; an SOA may only appear at the apex (RFC 1035 §5.2). A subzone needs its own zone file and a delegation (NS) here.`,
      });
    }
  },
};
