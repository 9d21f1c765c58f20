/**
 * name-syntax: names that must be host names (owners of A/AAAA records; MX, NS and SRV targets)
 * checked against RFC 952/1123 (see hostnames.ts for the underscore labels that are allowed).
 * BIND checks the same with `check-names` and by default refuses such owners in a primary zone;
 * mail servers reject MX hosts that are not host names.
 */
import type { ZoneRecord } from '../../model/types';
import type { Rule } from '../rule';
import { fieldNamed, labelPlace, typePlace } from './common';
import { hostnameProblem } from './hostnames';

const TARGET_FIELDS: Record<string, string> = { MX: 'exchange', NS: 'nsdname', SRV: 'target' };

export const nameSyntax: Rule = {
  id: 'name-syntax',
  defaultSeverity: 'warning',
  summary: 'A host name (A/AAAA owner, MX/NS/SRV target) that breaks the RFC 952/1123 host name rules.',
  stage: 'semantic',
  check({ zone, report }) {
    const reportedOwners = new Set<string>();
    const ownerFinding = (r: ZoneRecord) => {
      if (reportedOwners.has(r.owner)) return;
      const p = hostnameProblem(r.owner, true);
      if (!p) return;
      reportedOwners.add(r.owner);
      const place = r.ownerStart >= 0 ? labelPlace(zone, r.file, r.ownerStart, r.ownerEnd, p.label) : typePlace(r);
      report({ ...place, message: `${r.owner} has an ${r.type} record, so it is a host name, but ${p.message}.` });
    };
    for (const r of zone.records) {
      if (!r.valid || r.generated) continue;
      if (r.type === 'A' || r.type === 'AAAA') {
        ownerFinding(r);
        continue;
      }
      const fieldName = TARGET_FIELDS[r.type];
      if (!fieldName) continue;
      const f = fieldNamed(r, fieldName);
      if (!f || typeof f.value !== 'string' || f.value === '.') continue;
      const p = hostnameProblem(f.value, false);
      if (!p) continue;
      report({ ...labelPlace(zone, r.file, f.start, f.end, p.label), message: `The ${r.type} target ${f.value} must be a host name, but ${p.message}.` });
    }
  },
};
