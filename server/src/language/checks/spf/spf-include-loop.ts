/**
 * spf-include-loop: `include:` and `redirect=` chains that come back to a record already on the
 * way. Receivers follow them until the lookup limit runs out and return permerror (RFC 7208
 * §4.6.4; the openspf suite's include-loop and redirect-loop cases). One finding per loop and
 * zone, on the first of the zone's terms that are part of it; its other terms there are related.
 */
import type { Rule } from '../rule';
import { findLoops } from './loops';
import { bare, placeIn } from './records';

export const spfIncludeLoop: Rule = {
  id: 'spf-include-loop',
  defaultSeverity: 'error',
  summary: 'include/redirect terms that lead back to a record already visited: receivers return permerror.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const loop of findLoops(zone, workspace)) {
      const [first, ...others] = loop.edges;
      const path = loop.cycle.map(bare).join(' → ');
      report({
        ...placeIn(first.entry, first.lookup.range),
        message: `'${first.lookup.term.text}' leads back to a record already being evaluated: ${path}. Receivers follow the loop until the lookup limit runs out and return permerror (RFC 7208 §4.6.4). Remove the term that closes the loop.`,
        related: others.map((e) => ({ ...placeIn(e.entry, e.lookup.range), message: 'also part of this loop' })),
      });
    }
  },
};
