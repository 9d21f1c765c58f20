/**
 * spf-permissive-all: `+all` (or a bare `all`) lets every host on the Internet pass SPF for the
 * domain, and `?all` says nothing about anyone; neither protects against forgery, and `+all`
 * also gives spoofed mail an SPF pass that DMARC will align. `+all` is reported as an error,
 * `?all` as a warning (the rule's default). The fix writes `~all` (softfail): the usual choice
 * while a policy is rolled out; `-all` is the strict one, chosen by hand.
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfPermissiveAll: Rule = {
  id: 'spf-permissive-all',
  defaultSeverity: 'warning',
  summary: '+all or ?all: every sender passes or is neutral, so the SPF record protects nothing.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      const term = entry.spf.hints.permissiveAll;
      if (!term) continue;
      const pass = term.qualifier === '+';
      report({
        ...placeIn(entry, term.range),
        severity: pass ? 'error' : undefined,
        message: pass
          ? `'${term.text}' makes every host on the Internet pass SPF for this domain, so forged mail passes too (and aligns for DMARC). Use ~all or -all.`
          : `'${term.text}' gives every other sender a neutral result, as if there were no SPF policy (RFC 7208 §8.2). Use ~all or -all.`,
      });
    }
  },
  fixes(diagnostic, zone) {
    for (const entry of zoneSpf(zone).entries) {
      const term = entry.spf.hints.permissiveAll;
      if (!term || entry.record.file !== diagnostic.file || term.range.start !== diagnostic.start || term.range.end !== diagnostic.end) continue;
      if (entry.record.generated || term.crossesStringBoundary) return [];
      return [{ title: `Replace '${term.text}' with '~all'`, edits: [{ start: term.range.start, end: term.range.end, newText: '~all', file: entry.record.file }], isPreferred: true }];
    }
    return [];
  },
};
