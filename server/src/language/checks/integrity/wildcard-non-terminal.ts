/**
 * wildcard-non-terminal: `*` acts as a wildcard only as a whole, leftmost label (RFC 4592
 * §2.1.1). `foo.*.example.com` is a literal name with a `*` label: it does not match anything
 * by wildcard, and it turns `*.example.com` into a non-terminal, which RFC 4592 §4 allows but
 * almost never means what was intended. A `*` inside a label (`mail*`) is just a character.
 */
import { nameToLabels } from '../../rrtypes/names';
import type { Rule } from '../rule';
import { labelPlace, typePlace } from './common';

export const wildcardNonTerminal: Rule = {
  id: 'wildcard-non-terminal',
  defaultSeverity: 'warning',
  summary: 'A `*` that is not the whole leftmost label (a literal name below a wildcard, or `*` inside a label).',
  stage: 'semantic',
  check({ zone, report }) {
    if (!zone.origin) return;
    const originLabels = nameToLabels(zone.origin).length;
    const done = new Set<string>();
    const records = zone.records;
    for (let k = 0; k < records.length; k++) {
      const r = records[k];
      if (!r.owner.includes('*') || done.has(r.owner) || !zone.inZone(r.owner)) continue;
      const labels = nameToLabels(r.owner);
      const own = labels.length - originLabels;
      for (let i = 0; i < own; i++) {
        const l = labels[i];
        if (!l.includes('*') || (l === '*' && i === 0)) continue;
        done.add(r.owner);
        const place = r.ownerStart >= 0 ? labelPlace(zone, r.file, r.ownerStart, r.ownerEnd, i) : typePlace(r);
        const wildcard = labels.slice(i).join('.') + '.';
        report({
          ...place,
          message:
            l === '*'
              ? `"*" is a wildcard only as the leftmost label (RFC 4592 §2.1.1); here it is a literal label, so ${r.owner} matches nothing by wildcard, and ${wildcard} becomes a wildcard with names below it.`
              : `"${l}" is not a wildcard: "*" acts as one only as a whole leftmost label (RFC 4592 §2.1.1); here it is an ordinary character.`,
        });
        break;
      }
    }
  },
};
