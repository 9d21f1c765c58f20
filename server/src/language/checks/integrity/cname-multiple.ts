/**
 * cname-multiple: an alias points at exactly one name (RFC 1034 §3.6.2, RFC 2181 §10.1);
 * a second, different CNAME at the same owner makes BIND and Knot refuse the zone.
 * Identical copies are left to duplicate-record.
 */
import type { Rule } from '../rule';
import { relatedAt, typePlace } from './common';
import { rdataKey } from './rdataKey';

export const cnameMultiple: Rule = {
  id: 'cname-multiple',
  defaultSeverity: 'error',
  summary: 'More than one CNAME record at the same name.',
  stage: 'semantic',
  check({ zone, report }) {
    if (zone.ofType('CNAME').length < 2) return;
    // forEach: a for-of over the entries makes a [key, value] array per name.
    zone.byName.forEach((records, owner) => {
      if (records.length < 2) return;
      const cnames = records.filter((r) => r.type === 'CNAME' && r.valid);
      if (cnames.length < 2) return;
      const seen = new Set([rdataKey(cnames[0])]);
      for (const r of cnames.slice(1)) {
        const key = rdataKey(r);
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          ...typePlace(r),
          message: `${owner} already has a CNAME to ${cnames[0].rdata[0]?.value as string}; an alias can point at only one name (RFC 1034 §3.6.2), and servers refuse the zone. Keep one CNAME.`,
          related: [relatedAt(typePlace(cnames[0]), 'the first CNAME record')],
        });
      }
    });
  },
};
