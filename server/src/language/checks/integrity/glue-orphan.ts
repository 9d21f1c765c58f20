/**
 * glue-orphan: address records at or below a delegation are not authoritative data; servers only
 * hand them out as glue for NS records that name them (RFC 1034 §4.2.1). When no NS uses them
 * they are never served, and usually left over from a renamed or removed name server.
 */
import type { Rule } from '../rule';
import { isSubdomain, parentName } from '../../rrtypes/names';
import { ownerPlace } from './common';

export const glueOrphan: Rule = {
  id: 'glue-orphan',
  defaultSeverity: 'warning',
  summary: 'An address record below a delegation that no NS record uses (never served).',
  stage: 'semantic',
  check({ zone, report }) {
    if (!zone.origin || zone.cuts.size === 0) return;
    const targets = new Set<string>();
    for (const r of zone.ofType('NS')) {
      if (typeof r.rdata[0]?.value === 'string') targets.add(r.rdata[0].value);
    }
    const used = (owner: string): boolean => {
      if (targets.has(owner)) return true;
      if (!owner.startsWith('*.')) return false;
      const parent = parentName(owner)!;
      for (const t of targets) if (t !== parent && isSubdomain(t, parent) && !zone.exists(t)) return true;
      return false;
    };
    const addresses = zone.ofTypes(['A', 'AAAA'], true);
    for (let i = 0; i < addresses.length; i++) {
      const r = addresses[i];
      const cut = zone.delegationOf(r.owner);
      if (cut === null || used(r.owner)) continue;
      report({
        ...ownerPlace(r),
        message: `${r.type} record for ${r.owner} lies inside the delegation ${cut}, so it is glue, not data of this zone, and no NS record names it: it is never served. Remove it, or publish it in the child zone.`,
      });
    }
  },
};
