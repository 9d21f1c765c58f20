/**
 * The hosts that send or receive mail for a zone, with the addresses the workspace knows for
 * them: MX targets first, then the hosts an SPF policy authorises one by one (`a`, `a:host`,
 * `ip4:addr`, `ip6:addr` with the `+` qualifier; networks and macros say nothing about single
 * hosts). Each address appears once, at its first mention, so a server named by both MX and
 * SPF is checked at the MX.
 */
import type { Zone } from '../../model/zone';
import { parseName } from '../../rrtypes/names';
import { isAddressError, parseIpv4, parseIpv6, formatIpv4, formatIpv6 } from '../../rrtypes/addresses';
import type { SpfTerm } from '../../spf';
import type { Workspace } from '../../workspace/workspace';
import { lookupHost } from './hostLookup';
import { addressOf, fieldPlace, mxRecords, type Place } from './records';
import { spfRecords } from './spfRecords';

export interface MailHost {
  /** The host's name; absent for `ip4:`/`ip6:` terms, which name only an address. */
  host?: string;
  address: string;
  /** How the zone names it: an MX target, an SPF `a` term or an SPF `ip4`/`ip6` term. */
  source: 'mx' | 'spf-a' | 'spf-ip';
  /** The SPF term as written, for messages. */
  term?: string;
  /** Where findings about this host go: the MX target field or the SPF term. */
  place: Place;
}

export function mailHosts(zone: Zone, workspace: Workspace): MailHost[] {
  const out: MailHost[] = [];
  const seen = new Set<string>();
  const add = (h: MailHost) => {
    if (seen.has(h.address)) return;
    seen.add(h.address);
    out.push(h);
  };
  const mxTargets = new Set<string>();
  for (const mx of mxRecords(zone)) {
    // A host met again (thousands of MX records name the same few servers) adds no new address.
    if (mx.exchange === '.' || mxTargets.has(mx.exchange)) continue;
    mxTargets.add(mx.exchange);
    for (const address of addressesOf(zone, workspace, mx.exchange)) add({ host: mx.exchange, address, source: 'mx', place: fieldPlace(mx.record, mx.exchangeField) });
  }
  const spfHosts = new Set<string>();
  for (const { record, spf } of spfRecords(zone)) {
    for (const term of spf.terms) {
      if (term.kind !== 'mechanism' || !term.valid || term.macros.length > 0 || term.qualifier !== '+') continue;
      const place = { start: term.range.start, end: term.range.end, file: record.file };
      if (term.name === 'a' && singleHost(term)) {
        const host = term.domainSpec === undefined ? record.owner : absoluteName(term.domainSpec);
        if (!host || mxTargets.has(host) || spfHosts.has(host)) continue;
        spfHosts.add(host);
        for (const address of addressesOf(zone, workspace, host)) add({ host, address, source: 'spf-a', term: term.text, place });
      } else if ((term.name === 'ip4' || term.name === 'ip6') && singleHost(term) && term.ip) {
        const address = canonicalAddress(term.ip);
        if (address) add({ address, source: 'spf-ip', term: term.text, place });
      }
    }
  }
  return out;
}

/** Without a prefix length, or with the full one (/32, /128), a term names single addresses. */
function singleHost(t: SpfTerm): boolean {
  return (t.cidr4 === undefined || t.cidr4 === 32) && (t.cidr6 === undefined || t.cidr6 === 128);
}

function absoluteName(domainSpec: string): string | undefined {
  const r = parseName(domainSpec.endsWith('.') ? domainSpec : domainSpec + '.', null);
  return r.error ? undefined : r.name;
}

function canonicalAddress(text: string): string | undefined {
  if (!text.includes(':')) {
    const b = parseIpv4(text);
    return isAddressError(b) ? undefined : formatIpv4(b);
  }
  const b = parseIpv6(text);
  return isAddressError(b) ? undefined : formatIpv6(b);
}

/** The addresses the zones at hand give `host` directly (aliases are mx-target-is-cname's concern). */
function addressesOf(zone: Zone, workspace: Workspace, host: string): string[] {
  const answer = lookupHost(zone, workspace, host);
  if (answer.kind !== 'address') return [];
  const out: string[] = [];
  for (const r of answer.records) {
    const a = addressOf(r);
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}
