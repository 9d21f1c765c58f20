/**
 * spf-mx-without-address: `mx` (or `mx:domain`) authorises the addresses of the domain's MX
 * hosts (RFC 7208 §5.4). A host without an A or AAAA record authorises nothing, so mail sent
 * from it fails SPF; and every such host is a lookup that comes back empty. Checked for hosts
 * answered by a zone of the workspace; a domain with no MX at all is spf-void-lookup's finding.
 */
import type { Rule } from '../rule';
import { bare, placeIn, zoneSpf } from './records';
import { isVoid, query } from './resolve';
import { activeLookups, lookupTarget } from './targets';

export const spfMxWithoutAddress: Rule = {
  id: 'spf-mx-without-address',
  defaultSeverity: 'warning',
  summary: 'The mx mechanism names MX hosts that have no A or AAAA record, so they authorise no sender.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf') continue;
      for (const lookup of activeLookups(entry)) {
        if (lookup.name !== 'mx') continue;
        const target = lookupTarget(entry, lookup);
        if (target === undefined) continue;
        const mx = query(zone, workspace, target, ['MX']);
        if (mx.kind !== 'records') continue;
        const hosts = new Set<string>();
        for (const r of mx.records) {
          const host = r.rdata.find((f) => f.name === 'exchange')?.value;
          if (typeof host !== 'string' || host === '.') continue;
          if (isVoid(query(zone, workspace, host, ['A', 'AAAA']))) hosts.add(host);
        }
        if (hosts.size === 0) continue;
        const names = [...hosts].map(bare);
        const list = names.length === 1 ? `the MX host ${names[0]} has` : `the MX hosts ${names.join(', ')} have`;
        report({
          ...placeIn(entry, lookup.range),
          message: `'${lookup.term.text}' authorises the addresses of the MX hosts of ${bare(mx.name)}, but ${list} no A or AAAA record in the workspace, so ${names.length === 1 ? 'it authorises' : 'they authorise'} no sender (RFC 7208 §5.4). Add the address records or fix the MX targets.`,
        });
      }
    }
  },
};
