/**
 * cname-at-apex: the apex must hold SOA and NS records, and a CNAME excludes all other data
 * (RFC 1034 §3.6.2, RFC 1912 §2.4), so a CNAME at the apex breaks the zone. Providers' ALIAS or
 * ANAME pseudo-records, or plain A/AAAA records, do what was meant.
 */
import type { Rule } from '../rule';
import { typePlace } from './common';

export const cnameAtApex: Rule = {
  id: 'cname-at-apex',
  defaultSeverity: 'error',
  summary: 'A CNAME at the zone apex.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    if (!zone.origin) return;
    for (const r of zone.at(zone.origin, 'CNAME')) {
      report({
        ...typePlace(r),
        message: `A CNAME at the zone apex ${zone.origin} is not allowed: the apex must also hold the SOA and NS records, and nothing may sit beside a CNAME (RFC 1034 §3.6.2, RFC 1912 §2.4). Publish A/AAAA records here instead (or your provider's ALIAS/ANAME feature).`,
      });
    }
  },
};
