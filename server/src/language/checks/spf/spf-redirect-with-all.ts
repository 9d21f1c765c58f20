/**
 * spf-redirect-with-all: `redirect=` only applies when no mechanism matched, and `all` always
 * matches, so with both in one record the redirect is never followed (RFC 7208 §6.1).
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfRedirectWithAll: Rule = {
  id: 'spf-redirect-with-all',
  defaultSeverity: 'warning',
  summary: 'A redirect= in a record that also has all: the redirect is never followed.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      const { redirect, all } = entry.spf.hints;
      if (!entry.spf.hints.redirectWithAll || !redirect || !all) continue;
      report({
        ...placeIn(entry, redirect.range),
        message: `'${redirect.text}' is never followed: '${all.text}' always matches first, and a redirect only applies when no mechanism matched (RFC 7208 §6.1). Remove '${all.text}' to delegate to the redirect target, or remove the redirect.`,
        related: [{ ...placeIn(entry, all.range), message: 'the all mechanism that wins' }],
      });
    }
  },
};
