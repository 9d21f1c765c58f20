/**
 * mta-sts-host-missing: an MTA-STS TXT record (`_mta-sts.<domain>`, RFC 8461 §3.1) announces a
 * policy that senders fetch from `https://mta-sts.<domain>/.well-known/mta-sts.txt` (§3.3). When
 * that host has no address, every fetch fails and senders act as if there were no policy, so the
 * record protects nothing. Checked in this zone only; an alias (CNAME) to a hosting service or a
 * delegated name is taken as answered elsewhere.
 */
import type { Rule } from '../rule';
import { lookupHost } from './hostLookup';
import { appendRecordLine } from './insertRecord';
import { mailTxtRecords } from './mailRecords';
import { bare, typePlace } from './records';
import { snippetLiteral } from './snippet';

export const mtaStsHostMissing: Rule = {
  id: 'mta-sts-host-missing',
  defaultSeverity: 'warning',
  summary: 'An MTA-STS record exists but the policy host mta-sts.<domain> has no address.',
  stage: 'semantic',
  check({ zone, workspace, report }) {
    const seen = new Set<string>();
    for (const m of mailTxtRecords(zone)) {
      if (m.kind !== 'mta-sts' || seen.has(m.record.owner)) continue;
      seen.add(m.record.owner);
      const domain = m.record.owner.slice('_mta-sts.'.length);
      const host = 'mta-sts.' + domain;
      const answer = lookupHost(zone, workspace, host);
      if (answer.kind !== 'none' || answer.zone !== zone) continue;
      report({
        ...typePlace(m.record),
        data: { host },
        message: `This MTA-STS record tells senders to fetch the policy from https://${bare(host)}/.well-known/mta-sts.txt, but ${bare(host)} has no A or AAAA record here: the fetch fails and senders ignore MTA-STS for ${bare(domain)} (RFC 8461 §3.3). Add an address (or a CNAME to your policy host).`,
      });
    }
  },
  fixes(diagnostic, zone) {
    const host = (diagnostic.data as { host?: unknown } | undefined)?.host;
    if (typeof host !== 'string') return [];
    return [{ title: `Add an A record for ${bare(host)}`, edits: [appendRecordLine(zone, host, 'IN A ${1:192.0.2.1}', snippetLiteral)], snippet: true }];
  },
};
