/**
 * spf-void-lookup: a term whose DNS query comes back empty (NXDOMAIN or no records of the type)
 * is a "void lookup"; receivers allow two per evaluation and return permerror at the third
 * (RFC 7208 §4.6.4). Checked for `a`, `mx` and `exists` terms whose target has no macros and is
 * answered by a zone of the workspace. An `include:` of a name without records is a void lookup
 * too: it counts towards the two here, but is reported by spf-include-target-missing, which is
 * an error on its own (§5.2). Each void target is a warning; when a record has more than two,
 * its findings are errors, since any evaluation that gets that far fails.
 */
import type { Rule } from '../rule';
import type { SpfLookupMechanism } from '../../spf';
import { bare, placeIn, zoneSpf } from './records';
import { isVoid, query, type Answer } from './resolve';
import { activeLookups, lookupTarget } from './targets';

/** Void lookups allowed per evaluation (RFC 7208 §4.6.4). */
export const SPF_VOID_LOOKUP_LIMIT = 2;

/** What each term queries (exists asks for A only, §5.7; a for the address family of the sender). */
const QUERIED: Partial<Record<SpfLookupMechanism, { types: string[]; what: string }>> = {
  a: { types: ['A', 'AAAA'], what: 'no A or AAAA record' },
  mx: { types: ['MX'], what: 'no MX record' },
  exists: { types: ['A'], what: 'no A record' },
  include: { types: ['TXT'], what: 'no TXT record' },
};

export const spfVoidLookup: Rule = {
  id: 'spf-void-lookup',
  defaultSeverity: 'warning',
  summary: 'An a, mx or exists term whose target has no such records: a void lookup; more than two make receivers return permerror.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    // Many records name the same targets: answer each question once (a query scans the records at its name).
    const answers = new Map<string, Answer>();
    const ask = (target: string, types: string[]): Answer => {
      const key = `${target} ${types.join(',')}`;
      let a = answers.get(key);
      if (!a) answers.set(key, (a = query(zone, workspace, target, types)));
      return a;
    };
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf') continue;
      const voids: { lookup: ReturnType<typeof activeLookups>[number]; answer: Answer; target: string }[] = [];
      for (const lookup of activeLookups(entry)) {
        const asked = QUERIED[lookup.name];
        const target = lookupTarget(entry, lookup);
        if (!asked || target === undefined) continue;
        const answer = ask(target, asked.types);
        if (isVoid(answer)) voids.push({ lookup, answer, target });
      }
      const over = voids.length > SPF_VOID_LOOKUP_LIMIT;
      for (const { lookup, answer, target } of voids) {
        if (lookup.name === 'include') continue;
        const what = answer.kind === 'nxdomain' ? 'does not exist' : `has ${QUERIED[lookup.name]!.what}`;
        const where = answer.kind !== 'unknown' && answer.zone !== zone ? ` (zone ${bare(answer.zone.origin ?? '')})` : '';
        const count = over
          ? `This record makes ${voids.length} void lookups: receivers return permerror after ${SPF_VOID_LOOKUP_LIMIT} (RFC 7208 §4.6.4).`
          : `Receivers allow ${SPF_VOID_LOOKUP_LIMIT} void lookups per evaluation and return permerror after that (RFC 7208 §4.6.4).`;
        report({
          ...placeIn(entry, lookup.targetRange ?? lookup.range),
          severity: over ? 'error' : undefined,
          message: `'${lookup.term.text}' queries ${bare(target)}, which ${what}${where}: a void lookup that matches nothing. ${count} Remove the term or add the records.`,
        });
      }
    }
  },
};
