/**
 * spf-terms-after-all: mechanisms are evaluated left to right and `all` always matches, so
 * anything after it is never evaluated (RFC 7208 §5.1). Usually a term appended to the end of
 * an existing record by someone who meant it to count.
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfTermsAfterAll: Rule = {
  id: 'spf-terms-after-all',
  defaultSeverity: 'warning',
  summary: 'Mechanisms written after all: they are never evaluated.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      const all = entry.spf.hints.all;
      if (!all) continue;
      for (const term of entry.spf.hints.termsAfterAll) {
        report({
          ...placeIn(entry, term.range),
          message: `'${term.text}' comes after '${all.text}', which matches every sender, so it is never evaluated (RFC 7208 §5.1). Move it before '${all.text}'.`,
          related: [{ ...placeIn(entry, all.range), message: 'the all mechanism' }],
        });
      }
    }
  },
};
