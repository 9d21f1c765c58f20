/**
 * cname-target-missing: a CNAME whose target should be in this zone but does not exist (or
 * exists only as an empty non-terminal). Every lookup of the alias then ends in NXDOMAIN or
 * NODATA; a dangling alias can also be taken over if the name is later registered elsewhere.
 * Chains are followed: the last link is the one reported. Targets below a delegation or a
 * DNAME are answered elsewhere and not checked; wildcards are taken into account.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, isOccluded, relativeHint, resolve } from './common';

export const cnameTargetMissing: Rule = {
  id: 'cname-target-missing',
  defaultSeverity: 'warning',
  summary: 'A CNAME pointing at a name of this zone that does not exist.',
  stage: 'semantic',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('CNAME')) {
      if (isOccluded(zone, r)) continue;
      const f = fieldNamed(r, 'target');
      if (!f || typeof f.value !== 'string' || !isAuthoritative(zone, f.value)) continue;
      const res = resolve(zone, f.value);
      if (res.dname || res.records.length > 0) continue;
      report({
        ...fieldPlace(r, f),
        message: res.exists
          ? `CNAME target ${f.value} has no records of its own (only names below it do), so every lookup of ${r.owner} ends with an empty answer.`
          : `CNAME target ${f.value} does not exist in this zone, so every lookup of ${r.owner} ends in NXDOMAIN. Add records for it, or fix the target.${relativeHint(zone, r, f)}`,
      });
    }
  },
};
