/**
 * srv-target-no-address: an SRV target must be a host with address records (RFC 2782: "the
 * domain name of the target host"; `.` means the service is not offered). Checked for targets
 * this zone answers for; BIND reports the same ("has no address records").
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, isOccluded, relativeHint, resolve } from './common';

export const srvTargetNoAddress: Rule = {
  id: 'srv-target-no-address',
  defaultSeverity: 'warning',
  summary: 'An SRV target in this zone without A/AAAA records.',
  stage: 'semantic',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('SRV')) {
      if (isOccluded(zone, r)) continue;
      const f = fieldNamed(r, 'target');
      if (!f || typeof f.value !== 'string' || f.value === '.' || !isAuthoritative(zone, f.value)) continue;
      const res = resolve(zone, f.value);
      if (res.dname || res.records.some((x) => x.type === 'CNAME')) continue;
      if (res.records.some((x) => (x.type === 'A' || x.type === 'AAAA') && x.valid)) continue;
      report({
        ...fieldPlace(r, f),
        message: `SRV target ${f.value} has no A or AAAA record${res.exists ? '' : ' (the name does not exist)'}, so clients cannot connect to the service (RFC 2782). Add its addresses, or use "." if the service is not offered.${relativeHint(zone, r, f)}`,
      });
    }
  },
};
