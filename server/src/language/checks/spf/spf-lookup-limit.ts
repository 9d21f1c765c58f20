/**
 * spf-lookup-limit: an SPF evaluation may make at most 10 DNS-querying terms (include, a, mx,
 * ptr, exists, redirect), counted through includes and redirects; one more and receivers
 * return permerror (RFC 7208 §4.6.4). Includes and redirects are followed into every zone of
 * the workspace; targets outside it count as the one lookup of the term and are named, since
 * the real total can only be higher. Also: an `mx` whose domain has more than 10 MX records,
 * which §4.6.4 makes a permerror of its own.
 */
import type { Zone } from '../../model/zone';
import { SPF_LOOKUP_LIMIT, type SpfLookupTerm } from '../../spf';
import type { Workspace } from '../../workspace/workspace';
import type { Finding, Rule } from '../rule';
import { LookupCounter, countedLookups, type LookupTally } from './lookupCount';
import { bare, placeIn, zoneSpf, type SpfEntry } from './records';
import { query } from './resolve';
import { activeLookups, lookupTarget } from './targets';

/** Address lookups one `mx` may make, one per MX host (RFC 7208 §4.6.4). */
const MX_HOST_LIMIT = 10;

export const spfLookupLimit: Rule = {
  id: 'spf-lookup-limit',
  defaultSeverity: 'error',
  summary: 'An SPF evaluation needs more than 10 DNS lookups (include, a, mx, ptr, exists, redirect): receivers return permerror.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    const counter = new LookupCounter(zone, workspace);
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf') continue;
      // Without include or redirect the total is the record's own count: no tally needed when
      // that is within the limit (most records).
      const own = countedLookups(entry);
      if (own.length > SPF_LOOKUP_LIMIT || own.some(isFollowed)) {
        const tally = counter.tally(entry);
        if (tally.total > SPF_LOOKUP_LIMIT) report({ ...placeIn(entry, entry.spf.versionRange), message: limitMessage(tally) });
      }
      for (const finding of mxHostFindings(zone, workspace, entry)) report(finding);
    }
  },
};

function isFollowed(l: SpfLookupTerm): boolean {
  return l.name === 'include' || l.name === 'redirect';
}

function limitMessage(t: LookupTally): string {
  const parts = [`${t.own} by this record's own terms`];
  for (const n of t.nested) if (n.count > 0) parts.push(`${n.count} inside ${n.lookup.name === 'include' ? 'include:' : 'redirect='}${bare(n.target)}`);
  let message = `This SPF policy needs ${t.truncated ? 'at least ' : ''}${t.total} DNS lookups, more than the ${SPF_LOOKUP_LIMIT} allowed (RFC 7208 §4.6.4): receivers return permerror when they reach lookup ${SPF_LOOKUP_LIMIT + 1}. Breakdown: ${parts.join(', ')}.`;
  if (t.outside.length > 0) {
    const names = [...new Set(t.outside)].map(bare);
    message += ` ${t.outside.length} ${t.outside.length === 1 ? 'lookup is' : 'lookups are'} outside the workspace and counted as one each: ${names.join(', ')}.`;
  }
  if (t.truncated) message += ' The include chain is too deep to follow to its end.';
  if (t.macroTargets > 0) message += ` ${t.macroTargets} include/redirect ${t.macroTargets === 1 ? 'target uses' : 'targets use'} macros and ${t.macroTargets === 1 ? 'is' : 'are'} counted as one each.`;
  return `${message} Replace a, mx and include terms with ip4:/ip6: ranges, or drop includes that are no longer needed.`;
}

/** `mx` terms whose domain has more MX hosts than one evaluation may look up. */
function mxHostFindings(zone: Zone, workspace: Workspace, entry: SpfEntry): Finding[] {
  const out: Finding[] = [];
  for (const lookup of activeLookups(entry)) {
    if (lookup.name !== 'mx') continue;
    const target = lookupTarget(entry, lookup);
    if (target === undefined) continue;
    const answer = query(zone, workspace, target, ['MX']);
    if (answer.kind !== 'records') continue;
    const hosts = answer.records.filter((r) => r.rdata.find((f) => f.name === 'exchange')?.value !== '.');
    if (hosts.length <= MX_HOST_LIMIT) continue;
    out.push({
      ...placeIn(entry, lookup.range),
      message: `${bare(answer.name)} has ${hosts.length} MX records: the 'mx' mechanism looks up the address of each, and more than ${MX_HOST_LIMIT} makes it fail with permerror (RFC 7208 §4.6.4). List the servers with ip4:/ip6: or a: terms instead.`,
    });
  }
  return out;
}
