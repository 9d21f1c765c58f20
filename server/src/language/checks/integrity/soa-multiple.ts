/**
 * soa-multiple: the apex may hold only one SOA (RFC 1035 §5.2, RFC 2181 §6.1). Identical copies
 * are merged by servers and left to duplicate-record; differing ones make the zone fail to load.
 */
import type { Rule } from '../rule';
import { relatedAt, typePlace } from './common';
import { rdataKey } from './rdataKey';

export const soaMultiple: Rule = {
  id: 'soa-multiple',
  defaultSeverity: 'error',
  summary: 'More than one distinct SOA record at the apex.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const soas = zone.apexSoa.filter((r) => r.valid);
    if (soas.length < 2) return;
    const first = soas[0];
    const firstKey = rdataKey(first);
    const seen = new Set<string>([firstKey]);
    for (const r of soas.slice(1)) {
      const key = rdataKey(r);
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        ...typePlace(r),
        message: `A second, different SOA record at ${r.owner}; a zone has exactly one (RFC 1035 §5.2), and BIND and Knot refuse to load this one.`,
        related: [relatedAt(typePlace(first), 'the first SOA record')],
      });
    }
  },
};
