/**
 * out-of-zone: records whose owner is not at or below the origin. BIND ("ignoring out-of-zone
 * data") and Knot drop them, so they are never served; usually an absolute name with the wrong
 * domain or a `$ORIGIN` that was not reset. One finding per run of records with the same owner.
 */
import type { Rule } from '../rule';
import { ownerPlace } from './common';

export const outOfZone: Rule = {
  id: 'out-of-zone',
  defaultSeverity: 'warning',
  summary: 'A record whose owner lies outside the zone origin (ignored by servers).',
  stage: 'semantic',
  check({ zone, report }) {
    if (!zone.origin) return;
    const records = zone.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (zone.inZone(r.owner)) continue;
      const prev = records[i - 1];
      if (prev && prev.owner === r.owner && prev.file === r.file) continue;
      let n = 1;
      while (i + n < records.length && records[i + n].owner === r.owner && records[i + n].file === r.file) n++;
      report({
        ...ownerPlace(r),
        message: `${r.owner} is outside the zone ${zone.origin}, so ${n === 1 ? 'this record is' : `these ${n} records are`} ignored by the name server and never served. Check the name (a missing or extra trailing dot?) or the $ORIGIN in force.`,
      });
    }
  },
};
