/**
 * spf-include-target-missing: an `include:` or `redirect=` whose target is answered by a zone of
 * the workspace but has no SPF record there. Receivers return permerror for both (RFC 7208
 * §5.2 for include, §6.1 for redirect). Targets outside the workspace cannot be checked offline;
 * a `redirect=` ignored because of `all` is never followed.
 */
import type { Rule } from '../rule';
import { bare, placeIn, zoneSpf } from './records';
import { activeLookups, lookupTarget, spfFor } from './targets';

export const spfIncludeTargetMissing: Rule = {
  id: 'spf-include-target-missing',
  defaultSeverity: 'error',
  summary: 'An include or redirect target in the workspace that has no SPF record: receivers return permerror.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf') continue;
      for (const lookup of activeLookups(entry)) {
        if (lookup.name !== 'include' && lookup.name !== 'redirect') continue;
        const target = lookupTarget(entry, lookup);
        if (target === undefined) continue;
        const answer = spfFor(zone, workspace, target);
        if (answer.kind !== 'none') continue;
        const where = answer.zone === zone ? 'this zone' : `zone ${bare(answer.zone.origin ?? '')}`;
        let state: string;
        if (!answer.exists) state = `${bare(answer.name)} does not exist in ${where}`;
        else if (answer.joinedBadly.length > 0) state = `the SPF record of ${bare(answer.name)} in ${where} is split right after v=spf1, so receivers do not see it (spf-joined-badly)`;
        else state = `${bare(answer.name)} has no SPF record in ${where}`;
        const why = lookup.name === 'include' ? 'an include of a name without an SPF record gives permerror (RFC 7208 §5.2)' : 'a redirect to a name without an SPF record gives permerror (RFC 7208 §6.1)';
        report({ ...placeIn(entry, lookup.targetRange ?? lookup.range), message: `${state}: ${why}. Publish a record there or fix the name.` });
      }
    }
  },
};
