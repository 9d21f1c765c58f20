/**
 * The questions the live checks ask (a host's addresses, an address's PTR names, a domain's MX
 * hosts), answered from the zones at hand first and from DNS second. The zone being edited is
 * the truth the user is about to publish, so where a zone of the workspace is authoritative for
 * a name its answer wins, exactly as for the offline rules; anything else (delegated names,
 * other domains, most reverse zones) goes to the resolver. Each question is asked once a run.
 */
import type { Zone } from '../language/model/zone';
import type { Workspace } from '../language/workspace/workspace';
import { authoritativeZone, followHost } from '../language/checks/mail/hostLookup';
import { addressOf, fieldOf } from '../language/checks/mail/records';
import { reverseNameOf } from '../language/checks/mail/reverseName';
import { formatIpv4, formatIpv6, isAddressError, parseIpv4, parseIpv6 } from '../language/rrtypes/addresses';
import type { DnsAnswer, DnsClient, QueryType } from './dnsClient';

export type LiveAnswer = DnsAnswer & { source: 'zone' | 'dns' };

/** How many CNAMEs are followed inside the workspace before giving up. */
const CNAME_LIMIT = 8;

export class LiveLookup {
  private readonly cache = new Map<string, Promise<LiveAnswer>>();

  constructor(
    private readonly zone: Zone,
    private readonly workspace: Workspace,
    private readonly dns: DnsClient,
  ) {}

  /** A and AAAA of `host` (absolute, lower case), addresses in canonical form. */
  addresses(host: string): Promise<LiveAnswer> {
    return this.once(`addr ${host}`, () => this.addressesUncached(host));
  }

  /** PTR names of `address`. */
  ptr(address: string): Promise<LiveAnswer> {
    return this.once(`ptr ${address}`, async () => {
      const name = reverseNameOf(address);
      if (!name) return { kind: 'failed', reason: `${address} is not an IP address`, source: 'zone' };
      return this.records(name, 'PTR', 'ptrdname');
    });
  }

  /** MX hosts of `domain`, by preference (a Null MX gives `.`). */
  mx(domain: string): Promise<LiveAnswer> {
    return this.once(`mx ${domain}`, () => this.records(domain, 'MX', 'exchange'));
  }

  private once(key: string, compute: () => Promise<LiveAnswer>): Promise<LiveAnswer> {
    let hit = this.cache.get(key);
    if (!hit) this.cache.set(key, (hit = compute()));
    return hit;
  }

  private async addressesUncached(host: string): Promise<LiveAnswer> {
    const chain = followHost(this.zone, this.workspace, host, CNAME_LIMIT);
    const last = chain[chain.length - 1];
    switch (last.answer.kind) {
      case 'address': {
        const values = unique(last.answer.records.map(addressOf).filter((a): a is string => a !== undefined).map(canonicalAddress));
        return { kind: 'found', values, source: 'zone' };
      }
      case 'none':
        return { kind: 'none', reason: last.answer.zone.exists(last.name) ? 'nodata' : 'nxdomain', source: 'zone' };
      case 'cname':
        return { kind: 'failed', reason: `CNAME chain from ${host} loops or is longer than ${CNAME_LIMIT}`, source: 'zone' };
      case 'delegated':
      case 'unknown':
        return this.dnsAddresses(last.name);
    }
  }

  private async dnsAddresses(host: string): Promise<LiveAnswer> {
    const [a, aaaa] = await Promise.all([this.dns.query(host, 'A'), this.dns.query(host, 'AAAA')]);
    const values = [a, aaaa].flatMap((r) => (r.kind === 'found' ? r.values.map(canonicalAddress) : []));
    if (values.length > 0) return { kind: 'found', values: unique(values), source: 'dns' };
    const failed = [a, aaaa].find((r) => r.kind === 'failed');
    if (failed) return { ...failed, source: 'dns' };
    return { kind: 'none', reason: a.kind === 'none' ? a.reason : 'nodata', source: 'dns' };
  }

  /** Records of one name-valued type from the authoritative zone at hand, following CNAMEs; DNS otherwise. */
  private async records(name: string, type: QueryType, fieldName: string): Promise<LiveAnswer> {
    let current = name;
    for (let hop = 0; hop <= CNAME_LIMIT; hop++) {
      const auth = authoritativeZone(this.zone, this.workspace, current);
      if (!auth || auth.zone.delegationOf(current) !== null) return { ...(await this.dns.query(current, type)), source: 'dns' };
      const here = auth.zone.at(current).filter((r) => r.valid);
      const cname = here.find((r) => r.type === 'CNAME');
      const target = cname ? fieldOf(cname, 'target')?.value : undefined;
      if (typeof target === 'string') {
        current = target;
        continue;
      }
      const values = here.filter((r) => r.type === type).map((r) => fieldOf(r, fieldName)?.value).filter((v): v is string => typeof v === 'string');
      if (values.length > 0) return { kind: 'found', values: unique(values), source: 'zone' };
      return { kind: 'none', reason: auth.zone.exists(current) ? 'nodata' : 'nxdomain', source: 'zone' };
    }
    return { kind: 'failed', reason: `CNAME chain from ${name} loops or is longer than ${CNAME_LIMIT}`, source: 'zone' };
  }
}

/** One spelling per address, so zone data and DNS answers compare equal. */
export function canonicalAddress(text: string): string {
  if (text.includes(':')) {
    const b = parseIpv6(text);
    return isAddressError(b) ? text.toLowerCase() : formatIpv6(b);
  }
  const b = parseIpv4(text);
  return isAddressError(b) ? text : formatIpv4(b);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
