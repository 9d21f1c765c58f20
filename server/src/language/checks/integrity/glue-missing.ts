/**
 * glue-missing: a name server named inside the zone it serves can only be found through
 * address records here (RFC 1034 §4.2.1 glue, RFC 9471). Following Knot's semantic check:
 * targets at or below the delegation itself need glue; targets in this zone's own data need
 * A/AAAA records; targets below some other delegation, or outside the zone, are not checked.
 * Wildcard address records count, as Knot counts them.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { parentName } from '../../rrtypes/names';
import type { Rule } from '../rule';
import { dnameAbove, fieldNamed, fieldPlace, hasAddress, relativeHint, resolve } from './common';

function isAddress(r: ZoneRecord): boolean {
  return (r.type === 'A' || r.type === 'AAAA') && r.valid;
}

/** Glue for `target` inside the delegation `cut`: address records at it, or at a wildcard of its closest encloser. */
export function hasGlue(zone: Zone, target: string, cut: string): boolean {
  if (zone.at(target).some(isAddress)) return true;
  if (zone.exists(target)) return false;
  let encloser = parentName(target);
  while (encloser !== null && encloser !== cut && !zone.exists(encloser)) encloser = parentName(encloser);
  if (encloser === null) return false;
  return zone.at('*.' + encloser).some(isAddress);
}

export const glueMissing: Rule = {
  id: 'glue-missing',
  defaultSeverity: 'error',
  summary: 'A name server inside the zone (or inside the delegated zone) without A/AAAA records.',
  stage: 'semantic',
  check({ zone, report }) {
    if (!zone.origin) return;
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('NS')) {
      if (!zone.inZone(r.owner)) continue;
      const isApex = r.owner === zone.origin;
      // NS records below another delegation are the child's business; below a DNAME, nobody's.
      if (!isApex && (zone.delegationOf(parentName(r.owner) ?? r.owner) !== null || dnameAbove(zone, r.owner))) continue;
      const f = fieldNamed(r, 'nsdname');
      if (!f || typeof f.value !== 'string') continue;
      const target = f.value;
      if (!zone.inZone(target)) continue;
      const cut = zone.delegationOf(target);
      // Aliases (CNAME, or below a DNAME) are ns-target-is-cname's finding.
      if (dnameAbove(zone, target) || resolve(zone, target).records.some((x) => x.type === 'CNAME')) continue;
      if (cut === null) {
        if (hasAddress(zone, target)) continue;
        report({
          ...fieldPlace(r, f),
          message: `Name server ${target} is in this zone but has no A or AAAA record, so resolvers cannot reach it${isApex ? '' : ` for the delegation ${r.owner}`}. Add its address records.${relativeHint(zone, r, f)}`,
        });
      } else if (cut === r.owner) {
        if (hasGlue(zone, target, cut)) continue;
        report({
          ...fieldPlace(r, f),
          message: `Name server ${target} lies inside the zone it serves (${r.owner}), so it can only be found through glue: add A/AAAA records for it here (RFC 1034 §4.2.1). Without them the delegation cannot be followed.`,
        });
      }
      // Below another delegation: that delegation's glue or its child zone answers for it.
    }
  },
};
