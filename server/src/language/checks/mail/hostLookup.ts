/**
 * What the zones at hand answer for a host name: its addresses, a CNAME, nothing, or "not ours
 * to say" (delegated, or no zone in the workspace covers it). MX targets, the MTA-STS policy host
 * and the reverse-DNS checks all ask this question, offline, from the zone being checked first
 * and the other zones of the workspace second.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { isSubdomain, parentName } from '../../rrtypes/names';
import type { Workspace } from '../../workspace/workspace';
import { fieldOf } from './records';

export type HostAnswer =
  /** A and/or AAAA records (glue for a delegated name, or a wildcard's). */
  | { kind: 'address'; records: ZoneRecord[]; zone: Zone; uri?: string }
  | { kind: 'cname'; record: ZoneRecord; target: string; zone: Zone; uri?: string }
  /** The authoritative zone has neither address nor alias for the name. */
  | { kind: 'none'; zone: Zone; uri?: string }
  /** Below a delegation whose child zone is not in the workspace, and no glue. */
  | { kind: 'delegated'; cut: string; zone: Zone; uri?: string }
  /** No zone at hand covers the name. */
  | { kind: 'unknown' };

/**
 * The zone that answers for `name`: the closest enclosing one of the workspace, with the zone
 * being checked preferred over another copy of the same origin (the editor's unsaved text wins).
 */
export function authoritativeZone(zone: Zone, workspace: Workspace, name: string): { zone: Zone; uri?: string } | undefined {
  const other = workspace.zoneFor(name);
  const own = zone.origin !== null && isSubdomain(name, zone.origin);
  if (own && (!other || other.zone.origin!.length <= zone.origin!.length)) return { zone, uri: other?.zone === zone ? other.uri : undefined };
  return other;
}

export function lookupHost(zone: Zone, workspace: Workspace, name: string): HostAnswer {
  const auth = authoritativeZone(zone, workspace, name);
  if (!auth) return { kind: 'unknown' };
  const z = auth.zone;
  const cut = z.delegationOf(name);
  if (cut !== null) {
    const glue = z.addresses(name);
    return glue.length > 0 ? { kind: 'address', records: glue, ...auth } : { kind: 'delegated', cut, ...auth };
  }
  const records = z.exists(name) ? z.at(name) : wildcardRecords(z, name);
  const cname = records.find((r) => r.type === 'CNAME' && r.valid);
  if (cname) {
    const target = fieldOf(cname, 'target')?.value;
    if (typeof target === 'string') return { kind: 'cname', record: cname, target, ...auth };
  }
  const addresses = records.filter((r) => (r.type === 'A' || r.type === 'AAAA') && r.valid);
  return addresses.length > 0 ? { kind: 'address', records: addresses, ...auth } : { kind: 'none', ...auth };
}

/** Records of the wildcard that synthesises a name that does not exist (RFC 4592 §3.3.1). */
function wildcardRecords(zone: Zone, name: string): ZoneRecord[] {
  if (!zone.origin) return [];
  let encloser = parentName(name);
  while (encloser !== null && encloser !== zone.origin && !zone.exists(encloser)) encloser = parentName(encloser);
  if (encloser === null || !isSubdomain(encloser, zone.origin)) return [];
  return zone.at('*.' + encloser);
}

/**
 * Follow CNAMEs from `name` (at most `limit` hops, no loops) to the name that holds the data.
 * Returns the chain of answers, the last one not a CNAME (or the CNAME where following stopped).
 */
export function followHost(zone: Zone, workspace: Workspace, name: string, limit = 8): { name: string; answer: HostAnswer }[] {
  const chain: { name: string; answer: HostAnswer }[] = [];
  const seen = new Set<string>();
  let current = name;
  while (chain.length <= limit && !seen.has(current)) {
    seen.add(current);
    const answer = lookupHost(zone, workspace, current);
    chain.push({ name: current, answer });
    if (answer.kind !== 'cname') break;
    current = answer.target;
  }
  return chain;
}
