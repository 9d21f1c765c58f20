/**
 * spf-syntax: every syntax error the SPF parser finds (RFC 7208 §4.6.1, §5, §6, §7.1), at its
 * range and with its message. Receivers stop with permerror at the first one (§4.6), so the
 * whole policy is lost. A version tag glued to the next string is spf-joined-badly's finding.
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfSyntax: Rule = {
  id: 'spf-syntax',
  defaultSeverity: 'error',
  summary: 'An SPF record that does not follow the grammar of RFC 7208: receivers return permerror.',
  stage: 'semantic',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      for (const error of entry.spf.errors) {
        if (error.code === 'version-joined') continue;
        report({ ...placeIn(entry, error), message: error.message });
      }
    }
  },
};
