/**
 * name-syntax: names that must be host names (owners of A/AAAA records; MX, NS, SRV and
 * SVCB/HTTPS targets; PTR targets in reverse zones, except the DNS-SD browsing names of RFC 6763
 * §11) checked against RFC 952/1123 (see hostnames.ts for the underscore labels that are
 * allowed). Labels of the zone's own origin are not checked: the zone name is given, and one
 * underscore there would flag every record. BIND checks the same with `check-names` and by
 * default refuses such owners in a primary zone; mail servers reject MX hosts that are not host
 * names.
 */
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, nameToLabels } from '../../rrtypes/names';
import type { Rule } from '../rule';
import { fieldNamed, labelPlace, typePlace } from './common';
import { hostnameProblem } from './hostnames';

const TARGET_FIELDS: Record<string, string> = { MX: 'exchange', NS: 'nsdname', SRV: 'target', SVCB: 'target', HTTPS: 'target', PTR: 'ptrdname' };

/** RFC 6763 §11 domain enumeration names, whose PTR targets are domains, not hosts. */
const DNS_SD_BROWSE = /^(b|db|r|dr|lb)\._dns-sd\._udp\./;

/** PTR targets are host names only in the reverse trees (as BIND's check-names sees it). */
function isReversePtr(owner: string): boolean {
  return (isSubdomain(owner, 'in-addr.arpa.') || isSubdomain(owner, 'ip6.arpa.')) && !DNS_SD_BROWSE.test(owner);
}

export const nameSyntax: Rule = {
  id: 'name-syntax',
  defaultSeverity: 'warning',
  summary: 'A host name (A/AAAA owner; MX, NS, SRV, SVCB/HTTPS or reverse PTR target) that breaks the RFC 952/1123 host name rules.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const originLabels = zone.origin ? nameToLabels(zone.origin).length : 0;
    const skip = (name: string) => (zone.origin && zone.inZone(name) ? originLabels : 0);
    const reportedOwners = new Set<string>();
    // Records of one $GENERATE share the template's ranges: report each range once.
    const reportedTemplates = new Set<string>();
    const once = (r: ZoneRecord, start: number, end: number): boolean => {
      if (!r.generated) return true;
      const key = `${r.file}:${start}:${end}`;
      if (reportedTemplates.has(key)) return false;
      reportedTemplates.add(key);
      return true;
    };
    const ownerFinding = (r: ZoneRecord) => {
      if (reportedOwners.has(r.owner)) return;
      const p = hostnameProblem(r.owner, true, skip(r.owner));
      if (!p) return;
      reportedOwners.add(r.owner);
      const place = r.ownerStart >= 0 && !r.generated ? labelPlace(zone, r.file, r.ownerStart, r.ownerEnd, p.label) : r.ownerStart >= 0 ? { start: r.ownerStart, end: r.ownerEnd, file: r.file } : typePlace(r);
      if (!once(r, place.start, place.end)) return;
      report({ ...place, message: `${r.owner} has an ${r.type} record, so it is a host name, but ${p.message}.` });
    };
    const records = zone.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (!r.valid) continue;
      if (r.type === 'A' || r.type === 'AAAA') {
        ownerFinding(r);
        continue;
      }
      const fieldName = TARGET_FIELDS[r.type];
      if (!fieldName || (r.type === 'PTR' && !isReversePtr(r.owner))) continue;
      const f = fieldNamed(r, fieldName);
      if (!f || typeof f.value !== 'string' || f.value === '.') continue;
      const p = hostnameProblem(f.value, false, skip(f.value));
      if (!p) continue;
      const place = r.generated ? { start: f.start, end: f.end, file: r.file } : labelPlace(zone, r.file, f.start, f.end, p.label);
      if (!once(r, place.start, place.end)) continue;
      report({ ...place, message: `The ${r.type} target ${f.value} must be a host name, but ${p.message}.` });
    }
  },
};
