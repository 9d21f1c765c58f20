/**
 * Which hosts the live checks visit, and where their findings go. MX targets are the servers
 * that receive the zone's mail: they get the reverse-DNS checks and the SMTP probe. Hosts the SPF
 * policy names one by one (`a`, `a:host`, `mx:domain`, `ip4:addr`, `ip6:addr` with the `+`
 * qualifier and no network prefix) send its mail: they get the reverse-DNS checks, which is what
 * receivers look at, but no SMTP probe, since a sending host need not accept connections.
 *
 * A finding is placed through an anchor (the MX record by owner and target, the SPF term by
 * owner and text) rather than offsets, so results stay on the right field while the document is
 * edited after the run, and disappear when the MX or term they are about is gone.
 */
import type { Zone } from '../language/model/zone';
import { mxRecords } from '../language/checks/mail/records';
import { spfRecords } from '../language/checks/mail/spfRecords';
import { parseName } from '../language/rrtypes/names';
import type { SpfTerm } from '../language/spf';
import { canonicalAddress } from './lookup';

export type Anchor =
  /** The exchange field of the MX record at `owner` whose target is `exchange`. */
  | { kind: 'mx'; owner: string; exchange: string }
  /** The term written as `term` in an SPF record at `owner`. */
  | { kind: 'spf'; owner: string; term: string };

export interface LiveTarget {
  role: 'mx' | 'spf';
  /** Absolute host name; absent for `ip4:`/`ip6:` terms. */
  host?: string;
  /** For `ip4:`/`ip6:` terms: the address itself. */
  address?: string;
  /** For SPF `mx:domain` terms: the domain whose MX hosts are meant (resolved during the run). */
  mxOf?: string;
  anchor: Anchor;
  /** How the zone names the host, for the report: `MX 10 mail.example.com.`, `SPF ip4:192.0.2.1`. */
  label: string;
}

export function liveTargets(zone: Zone): LiveTarget[] {
  const out: LiveTarget[] = [];
  const mxHosts = new Set<string>();
  for (const mx of mxRecords(zone)) {
    // A Null MX (RFC 7505) says "no mail here": nothing to visit.
    if (mx.exchange === '.' || mxHosts.has(mx.exchange)) continue;
    mxHosts.add(mx.exchange);
    out.push({ role: 'mx', host: mx.exchange, anchor: { kind: 'mx', owner: mx.record.owner, exchange: mx.exchange }, label: `MX ${mx.preference} ${mx.exchange}` });
  }
  const seen = new Set<string>();
  for (const { record, spf } of spfRecords(zone)) {
    for (const term of spf.terms) {
      if (term.kind !== 'mechanism' || !term.valid || term.macros.length > 0 || term.qualifier !== '+' || !singleHost(term)) continue;
      const anchor: Anchor = { kind: 'spf', owner: record.owner, term: term.text };
      const label = `SPF ${term.text}`;
      if (term.name === 'a') {
        const host = term.domainSpec === undefined ? record.owner : absoluteName(term.domainSpec);
        if (host && !mxHosts.has(host) && !seen.has(host)) out.push({ role: 'spf', host, anchor, label });
        if (host) seen.add(host);
      } else if (term.name === 'mx') {
        const domain = term.domainSpec === undefined ? record.owner : absoluteName(term.domainSpec);
        // `mx` for a domain whose MX records are in this zone names hosts already visited as MX targets.
        if (domain && zone.at(domain, 'MX').length === 0 && !seen.has('mx ' + domain)) out.push({ role: 'spf', mxOf: domain, anchor, label });
        if (domain) seen.add('mx ' + domain);
      } else if ((term.name === 'ip4' || term.name === 'ip6') && term.ip) {
        const address = canonicalAddress(term.ip);
        if (!seen.has(address)) out.push({ role: 'spf', address, anchor, label });
        seen.add(address);
      }
    }
  }
  return out;
}

/** Without a prefix length, or with the full one (/32, /128), a term names single hosts. */
function singleHost(t: SpfTerm): boolean {
  return (t.cidr4 === undefined || t.cidr4 === 32) && (t.cidr6 === undefined || t.cidr6 === 128);
}

function absoluteName(domainSpec: string): string | undefined {
  const r = parseName(domainSpec.endsWith('.') ? domainSpec : domainSpec + '.', null);
  return r.error ? undefined : r.name;
}
