/**
 * srv-target-is-cname: RFC 2782 says the SRV target "must not be an alias" (as for MX and NS,
 * RFC 2181 §10.3); clients may not follow it. BIND refuses the zone ("is a CNAME (illegal)").
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, isOccluded, relatedAt, resolve, typePlace } from './common';

export const srvTargetIsCname: Rule = {
  id: 'srv-target-is-cname',
  defaultSeverity: 'warning',
  summary: 'An SRV target that is an alias (CNAME) in this zone.',
  stage: 'semantic',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('SRV')) {
      if (isOccluded(zone, r)) continue;
      const f = fieldNamed(r, 'target');
      if (!f || typeof f.value !== 'string' || f.value === '.' || !isAuthoritative(zone, f.value)) continue;
      const cname = resolve(zone, f.value).records.find((x) => x.type === 'CNAME');
      if (!cname) continue;
      report({
        ...fieldPlace(r, f),
        message: `SRV target ${f.value} is an alias (CNAME); RFC 2782 requires the host's canonical name, and clients may not follow the alias. Use the CNAME's target (${cname.rdata[0]?.value as string ?? 'its canonical name'}) instead.`,
        related: [relatedAt(typePlace(cname), 'the CNAME record')],
      });
    }
  },
};
