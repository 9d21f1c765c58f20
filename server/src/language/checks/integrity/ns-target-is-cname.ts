/**
 * ns-target-is-cname: an NS target must be the canonical name of the server, never an alias
 * (RFC 2181 §10.3, RFC 1912 §2.4). BIND refuses the zone ("is a CNAME (illegal)"). Only targets
 * whose data this zone holds authoritatively can be checked.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, relatedAt, resolve, typePlace } from './common';

export const nsTargetIsCname: Rule = {
  id: 'ns-target-is-cname',
  defaultSeverity: 'error',
  summary: 'An NS record whose target is an alias (CNAME) in this zone.',
  stage: 'semantic',
  check({ zone, report }) {
    for (const r of zone.records) {
      if (r.type !== 'NS' || !r.valid) continue;
      const f = fieldNamed(r, 'nsdname');
      if (!f || typeof f.value !== 'string' || !isAuthoritative(zone, f.value)) continue;
      const cname = resolve(zone, f.value).records.find((x) => x.type === 'CNAME');
      if (!cname) continue;
      report({
        ...fieldPlace(r, f),
        message: `NS target ${f.value} is an alias (CNAME); name servers must be named by their canonical name (RFC 2181 §10.3), and BIND refuses the zone. Point the NS at the CNAME's target instead.`,
        related: [relatedAt(typePlace(cname), 'the CNAME record')],
      });
    }
  },
};
