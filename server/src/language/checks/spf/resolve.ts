/**
 * What the zones at hand would answer to the DNS queries an SPF evaluation makes (RFC 7208
 * §4.6.4, §5): the records of some types at a name, following CNAMEs and wildcards as a resolver
 * does, or "unknown" when no zone of the workspace is authoritative for the name (outside the
 * workspace, delegated to a zone that is not open, below a DNAME, or a CNAME chain that leaves).
 * Offline and exact only for what the workspace holds; callers report nothing for "unknown".
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain } from '../../rrtypes/names';
import type { Workspace } from '../../workspace/workspace';
import { resolve } from '../integrity/common';

export type Answer =
  /** The records of the asked types at `name` (after CNAMEs); empty is a NODATA answer. */
  | { kind: 'records'; name: string; records: ZoneRecord[]; zone: Zone }
  /** The name does not exist (NXDOMAIN). */
  | { kind: 'nxdomain'; name: string; zone: Zone }
  | { kind: 'unknown' };

/** CNAME hops a resolver follows before giving up (resolvers use about this many). */
const MAX_CNAME_HOPS = 8;

/**
 * The zone that answers for `name`: the closest enclosing one of the workspace, with the zone
 * being checked preferred over another copy of the same origin (unsaved editor text wins).
 */
export function authorityFor(zone: Zone, workspace: Workspace, name: string): Zone | undefined {
  const other = workspace.zoneFor(name)?.zone;
  const own = zone.origin !== null && isSubdomain(name, zone.origin);
  if (own && (!other || other.origin!.length <= zone.origin!.length)) return zone;
  return other;
}

/** The answer to a query for `types` at `name`. */
export function query(zone: Zone, workspace: Workspace, name: string, types: readonly string[]): Answer {
  const seen = new Set<string>();
  let current = name;
  for (let hop = 0; hop <= MAX_CNAME_HOPS && !seen.has(current); hop++) {
    seen.add(current);
    const z = authorityFor(zone, workspace, current);
    if (!z || z.delegationOf(current) !== null) return { kind: 'unknown' };
    const r = resolve(z, current);
    if (r.dname) return { kind: 'unknown' };
    if (!r.exists && r.records.length === 0) return { kind: 'nxdomain', name: current, zone: z };
    const cname = r.records.find((x) => x.type === 'CNAME' && x.valid);
    if (cname && !types.includes('CNAME')) {
      const target = cname.rdata.find((f) => f.name === 'target')?.value;
      if (typeof target !== 'string') return { kind: 'unknown' };
      current = target;
      continue;
    }
    return { kind: 'records', name: current, records: r.records.filter((x) => x.valid && types.includes(x.type)), zone: z };
  }
  // A CNAME loop or a chain too long: resolvers fail (SERVFAIL), which cname-loop reports.
  return { kind: 'unknown' };
}

/** True for an answer that counts as a void lookup (RFC 7208 §4.6.4): NXDOMAIN or no records. */
export function isVoid(a: Answer): boolean {
  return a.kind === 'nxdomain' || (a.kind === 'records' && a.records.length === 0);
}
