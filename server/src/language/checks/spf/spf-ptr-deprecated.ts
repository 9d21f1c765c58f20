/**
 * spf-ptr-deprecated: the `ptr` mechanism "SHOULD NOT be used" (RFC 7208 §5.5): it is slow,
 * unreliable (reverse DNS is controlled by whoever owns the address block) and loads the
 * reverse servers; some large receivers skip it, so the senders it was meant to allow fail.
 */
import type { Rule } from '../rule';
import { placeIn, zoneSpf } from './records';

export const spfPtrDeprecated: Rule = {
  id: 'spf-ptr-deprecated',
  defaultSeverity: 'warning',
  summary: 'The ptr mechanism, which RFC 7208 says not to use: slow, unreliable and ignored by some receivers.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      for (const term of entry.spf.hints.ptrTerms) {
        report({
          ...placeIn(entry, term.range),
          message: `'${term.text}': the ptr mechanism should not be used (RFC 7208 §5.5): it costs several DNS lookups per check, depends on reverse DNS that the address owner controls, and some receivers skip it. List the sending servers with ip4:/ip6: or a: instead.`,
        });
      }
    }
  },
};
