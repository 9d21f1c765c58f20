/**
 * ns-target-is-cname: an NS target must be the canonical name of the server, never an alias
 * (RFC 2181 §10.3, RFC 1912 §2.4). BIND refuses the zone ("is a CNAME (illegal)"). A name below
 * a DNAME is an alias as well (RFC 6672 §2.2 synthesises a CNAME for it); BIND reports that one
 * as "is below a DNAME". Only targets whose data this zone holds authoritatively can be checked.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, isOccluded, relatedAt, relativeHint, resolve, typePlace } from './common';

export const nsTargetIsCname: Rule = {
  id: 'ns-target-is-cname',
  defaultSeverity: 'error',
  summary: 'An NS record whose target is an alias in this zone (a CNAME, or a name below a DNAME).',
  stage: 'semantic',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('NS')) {
      if (isOccluded(zone, r)) continue;
      const f = fieldNamed(r, 'nsdname');
      if (!f || typeof f.value !== 'string' || !isAuthoritative(zone, f.value)) continue;
      const res = resolve(zone, f.value);
      if (res.dname) {
        report({
          ...fieldPlace(r, f),
          message: `NS target ${f.value} lies below the DNAME at ${res.dname.owner}, so it is an alias (RFC 6672 §2.2) and cannot name a server (RFC 2181 §10.3); BIND reports it as illegal.${relativeHint(zone, r, f)}`,
          related: [relatedAt(typePlace(res.dname), 'the DNAME record')],
        });
        continue;
      }
      const cname = res.records.find((x) => x.type === 'CNAME');
      if (!cname) continue;
      report({
        ...fieldPlace(r, f),
        message: `NS target ${f.value} is an alias (CNAME); name servers must be named by their canonical name (RFC 2181 §10.3), and BIND refuses the zone. Point the NS at the CNAME's target instead.`,
        related: [relatedAt(typePlace(cname), 'the CNAME record')],
      });
    }
  },
};
