/**
 * cname-loop: CNAME chains inside the zone that come back to where they started (RFC 1034
 * §3.6.2: "CNAME chains should be followed and CNAME loops signalled as an error"). Resolvers
 * give up with SERVFAIL. Wildcard CNAMEs are followed as a resolver would follow them.
 * One finding per loop, on its first record in the file, with the other members as related.
 */
import type { ZoneRecord } from '../../model/types';
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, isAuthoritative, isOccluded, relatedAt, resolve, typePlace } from './common';

/** The CNAME a resolver meets next after following `r`, if its target is a CNAME in this zone. */
export function nextCname(zone: Parameters<typeof resolve>[0], r: ZoneRecord): ZoneRecord | undefined {
  const target = fieldNamed(r, 'target')?.value;
  if (typeof target !== 'string' || !isAuthoritative(zone, target)) return undefined;
  return resolve(zone, target).records.find((x) => x.type === 'CNAME' && x.valid && !isOccluded(zone, x));
}

export const cnameLoop: Rule = {
  id: 'cname-loop',
  defaultSeverity: 'error',
  summary: 'CNAME records that point at each other in a loop.',
  stage: 'semantic',
  check({ zone, report }) {
    const cnames = zone.ofType('CNAME').filter((r) => !isOccluded(zone, r));
    const order = new Map(cnames.map((r, i) => [r, i]));
    // 0: not visited, 1: on the current path, 2: done.
    const state = new Map<ZoneRecord, number>();
    for (const start of cnames) {
      if (state.get(start)) continue;
      const path: ZoneRecord[] = [];
      let r: ZoneRecord | undefined = start;
      while (r && !state.get(r)) {
        state.set(r, 1);
        path.push(r);
        r = nextCname(zone, r);
      }
      if (r && state.get(r) === 1) {
        const loop = path.slice(path.indexOf(r));
        const first = loop.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
        const f = fieldNamed(first, 'target')!;
        const chain = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first)), first].map((x) => x.owner).join(' → ');
        report({
          ...fieldPlace(first, f),
          message: loop.length === 1 ? `${first.owner} is an alias of itself; resolvers give up (SERVFAIL).` : `CNAME loop: ${chain}; resolvers give up (SERVFAIL) on every name in it (RFC 1034 §3.6.2). Point one of them at a name with real records.`,
          related: loop.filter((x) => x !== first).map((x) => relatedAt(typePlace(x), `part of the loop: ${x.owner}`)),
        });
      }
      for (const x of path) state.set(x, 2);
    }
  },
};
