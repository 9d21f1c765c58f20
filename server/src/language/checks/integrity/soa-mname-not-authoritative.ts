/**
 * soa-mname-not-authoritative: the SOA MNAME names the primary server; when it is not one of the
 * apex NS targets the primary is hidden. That is a legitimate setup, so this is information only:
 * NOTIFY (RFC 1996 §3.6) and dynamic update (RFC 2136 §4) treat MNAME specially.
 */
import type { Rule } from '../rule';
import { fieldPlace, nameOf, relatedAt, typePlace } from './common';

export const soaMnameNotAuthoritative: Rule = {
  id: 'soa-mname-not-authoritative',
  defaultSeverity: 'information',
  summary: 'The SOA MNAME (primary server) is not among the apex NS records.',
  stage: 'semantic',
  check({ zone, report }) {
    const soa = zone.apexSoa.find((r) => r.valid);
    const ns = zone.apexNs.filter((r) => r.valid);
    if (!soa || ns.length === 0) return;
    const mname = nameOf(soa, 'mname');
    if (!mname || mname.v === '.') return;
    const targets = ns.map((r) => nameOf(r, 'nsdname')?.v);
    if (targets.includes(mname.v)) return;
    report({
      ...fieldPlace(soa, mname.f),
      message: `The SOA primary server ${mname.v} is not one of the zone's NS records (${targets.join(', ')}). That is fine for a hidden primary; otherwise it is a typo, and dynamic updates (RFC 2136) and NOTIFY (RFC 1996) go to the wrong server.`,
      related: [relatedAt(typePlace(ns[0]), 'the apex NS records')],
    });
  },
};
