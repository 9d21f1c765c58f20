/**
 * soa-missing: a zone needs exactly one SOA at its apex (RFC 1035 §5.2); BIND and Knot refuse
 * to load a zone without one. Reported on the first record, where the SOA belongs.
 */
import type { Rule } from '../rule';
import { ownerPlace } from './common';

export const soaMissing: Rule = {
  id: 'soa-missing',
  defaultSeverity: 'error',
  summary: 'The zone has no SOA record at its apex.',
  stage: 'semantic',
  check({ zone, report }) {
    if (zone.records.length === 0 || zone.apexSoa.length > 0) return;
    const first = zone.records.find((r) => r.file === 0) ?? zone.records[0];
    const apex = zone.origin ?? 'the zone apex';
    report({
      ...ownerPlace(first),
      message: `The zone has no SOA record at ${apex}; a zone must start with one (RFC 1035 §5.2), and name servers refuse to load it without.`,
    });
  },
};
