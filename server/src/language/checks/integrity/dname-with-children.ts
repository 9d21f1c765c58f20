/**
 * dname-with-children: a DNAME redirects every name below its owner (RFC 6672 §2.3), so records
 * below it are never served; RFC 6672 §2.4 forbids them and Knot refuses the zone. NSEC3 records
 * (hashed owners under the apex) and their signatures are not data and are ignored.
 */
import type { Rule } from '../rule';
import { isSubdomain } from '../../rrtypes/names';
import { ownerPlace, relatedAt, typePlace } from './common';

const MAX_RELATED = 10;

export const dnameWithChildren: Rule = {
  id: 'dname-with-children',
  defaultSeverity: 'error',
  summary: 'A DNAME with records at names below it, which are never served.',
  stage: 'semantic',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    const dnames = zone.recordsOfType('DNAME');
    if (dnames.length === 0) return;
    const seen = new Set<string>();
    for (const d of dnames) {
      // A DNAME at a delegation point is itself occluded: the names below are the child's (glue).
      if (seen.has(d.owner) || zone.cuts.has(d.owner)) continue;
      seen.add(d.owner);
      const children: string[] = [];
      for (const [owner, records] of zone.byName) {
        if (owner === d.owner || !isSubdomain(owner, d.owner)) continue;
        if (records.every((r) => r.type === 'NSEC3' || r.type === 'RRSIG')) continue;
        children.push(owner);
      }
      if (children.length === 0) continue;
      const shown = children.slice(0, MAX_RELATED);
      report({
        ...typePlace(d),
        message: `The DNAME at ${d.owner} redirects every name below it, so the records of ${children.length === 1 ? children[0] : `${children.length} names below it (${shown.slice(0, 3).join(', ')}${children.length > 3 ? ', ...' : ''})`} are never served (RFC 6672 §2.4). Move them, or remove the DNAME.`,
        related: shown.map((name) => relatedAt(ownerPlace(zone.at(name)[0]), `${name} is below the DNAME`)),
      });
    }
  },
};
