/**
 * Reverse DNS of the mail hosts, checked against the zones of the workspace. Receivers look up
 * the PTR record of a connecting address and then the name it gives, and distrust servers whose
 * name does not lead back to the address (forward-confirmed reverse DNS, RFC 8601 §2.7.3's
 * `iprev`; M3AAWG and the large mailbox providers require it).
 *
 * For each host address: find the reverse zone that covers its reverse name, following an RFC 2317
 * CNAME into a classless sub-zone; then the PTR records there. The analysis is shared by
 * ptr-hint, ptr-missing and ptr-mismatch and computed once per zone and workspace state.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import type { Workspace } from '../../workspace/workspace';
import { followHost } from './hostLookup';
import { mailHosts, type MailHost } from './mailHosts';
import { addressOf, fieldOf } from './records';
import { addressScope, isReverseOrigin, reverseNameOf } from './reverseName';
import { zoneCache } from '../../model/derivedData';

export type ReverseVerdict =
  | { kind: 'ok' }
  /** No reverse zone at hand covers the address. */
  | { kind: 'no-zone'; reverseName: string }
  /** The covering reverse zone delegates the name to servers whose zone is not at hand. */
  | { kind: 'delegated'; reverseName: string; cut: string }
  /** The reverse zone is at hand and has no PTR at the name. */
  | { kind: 'missing'; reverseName: string; uri: string }
  /**
   * PTR records exist but none names the host, or (for an address-only host) none leads back.
   * `confirmedBy` is a PTR name that resolves back to the address (FCrDNS passes through it).
   */
  | { kind: 'mismatch'; reverseName: string; uri: string; ptrs: { record: ZoneRecord; name: string; resolves: boolean | undefined }[]; confirmedBy?: string };

export interface ReverseCheck {
  host: MailHost;
  /** The host's name, or for an address-only host a name at hand that has the address. */
  name?: string;
  verdict: ReverseVerdict;
}

interface Cached {
  workspace: Workspace;
  /**
   * The zones the checks were computed with, by identity number, not by reference: references
   * kept the old versions of all the other zones alive, and each of those its own snapshot, so
   * the server's memory grew with every edit (found by the soak test).
   */
  zones: [string, number][];
  checks: ReverseCheck[];
}

const zoneIds = new WeakMap<Zone, number>();
let lastZoneId = 0;

/** A number that stands for one Zone object (a new parse gets a new one). */
function idOf(zone: Zone): number {
  let id = zoneIds.get(zone);
  if (id === undefined) zoneIds.set(zone, (id = ++lastZoneId));
  return id;
}

const cache = zoneCache<Cached>();

/** The reverse-DNS checks of the zone's mail hosts (memoised while the workspace holds the same zones). */
export function reverseChecks(zone: Zone, workspace: Workspace): ReverseCheck[] {
  const zones = [...workspace.entries()];
  const hit = cache.get(zone);
  if (hit && hit.workspace === workspace && sameZones(hit.zones, zones)) return hit.checks;
  const checks: ReverseCheck[] = [];
  const owners = new AddressOwners();
  for (const host of mailHosts(zone, workspace)) {
    const scope = addressScope(host.address);
    if (scope === 'local') continue;
    const name = host.host ?? forwardNameOf(zone, workspace, host.address, owners);
    const verdict = checkAddress(zone, workspace, host.address, host.host);
    // A private address has no public reverse zone to ask for; only a reverse zone at hand is checked.
    if (scope === 'private' && (verdict.kind === 'no-zone' || verdict.kind === 'delegated')) continue;
    checks.push({ host, name, verdict });
  }
  cache.set(zone, { workspace, zones: zones.map(([uri, z]) => [uri, idOf(z)]), checks });
  return checks;
}

function sameZones(a: [string, number][], b: [string, Zone][]): boolean {
  return a.length === b.length && a.every(([uri, id], i) => b[i][0] === uri && idOf(b[i][1]) === id);
}

const MAX_ALIASES = 8;

function checkAddress(zone: Zone, workspace: Workspace, address: string, host: string | undefined): ReverseVerdict {
  const first = reverseNameOf(address);
  if (!first) return { kind: 'ok' };
  let name = first;
  for (let hop = 0; hop <= MAX_ALIASES; hop++) {
    const found = workspace.zoneFor(name);
    if (!found || !isReverseOrigin(found.zone.origin)) return { kind: 'no-zone', reverseName: name };
    const cut = found.zone.delegationOf(name);
    if (cut !== null) return { kind: 'delegated', reverseName: name, cut };
    const records = found.zone.at(name);
    // RFC 2317: the parent's CNAME leads into the classless sub-zone that holds the PTR.
    const alias = records.find((r) => r.type === 'CNAME' && r.valid);
    const target = alias && fieldOf(alias, 'target')?.value;
    if (typeof target === 'string') {
      name = target;
      continue;
    }
    const ptrRecords = records.filter((r) => r.type === 'PTR' && r.valid);
    if (ptrRecords.length === 0) return { kind: 'missing', reverseName: name, uri: found.uri };
    const ptrs = ptrRecords.map((record) => {
      const ptrName = String(fieldOf(record, 'ptrdname')?.value ?? '');
      return { record, name: ptrName, resolves: ptrName === host ? true : resolvesTo(zone, workspace, ptrName, address) };
    });
    if (host !== undefined && ptrs.some((p) => p.name === host)) return { kind: 'ok' };
    const confirmedBy = ptrs.find((p) => p.resolves === true)?.name;
    // An address-only host passes when some PTR name leads back, and cannot be judged when none is at hand.
    if (host === undefined && (confirmedBy !== undefined || ptrs.every((p) => p.resolves === undefined))) return { kind: 'ok' };
    return { kind: 'mismatch', reverseName: name, uri: found.uri, ptrs, confirmedBy };
  }
  return { kind: 'no-zone', reverseName: name };
}

/** Whether `name` has `address` (following aliases); undefined when no zone at hand answers for it. */
function resolvesTo(zone: Zone, workspace: Workspace, name: string, address: string): boolean | undefined {
  const chain = followHost(zone, workspace, name);
  const last = chain[chain.length - 1].answer;
  if (last.kind === 'unknown' || last.kind === 'delegated') return undefined;
  if (last.kind !== 'address') return false;
  return last.records.some((r) => addressOf(r) === address);
}

/** A name with this address: from this zone first, then the other zones at hand. */
function forwardNameOf(zone: Zone, workspace: Workspace, address: string, owners: AddressOwners): string | undefined {
  const candidates = [zone, ...[...workspace.entries()].map(([, z]) => z).filter((z) => z !== zone)];
  for (const z of candidates) {
    const owner = owners.of(z).get(address);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/**
 * The first owner of each address of a zone, in source order, built when first asked during one
 * reverseChecks run and dropped after it: forwardNameOf used to walk every record of every zone
 * for each address-only mail host.
 */
class AddressOwners {
  private readonly maps = new Map<Zone, Map<string, string>>();

  of(zone: Zone): Map<string, string> {
    let map = this.maps.get(zone);
    if (!map) {
      map = ownersByAddress(zone);
      this.maps.set(zone, map);
    }
    return map;
  }
}

function ownersByAddress(zone: Zone): Map<string, string> {
  const map = new Map<string, string>();
  const records = zone.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if ((r.type !== 'A' && r.type !== 'AAAA') || !r.valid) continue;
    const a = addressOf(r);
    if (a !== undefined && !map.has(a)) map.set(a, r.owner);
  }
  return map;
}
