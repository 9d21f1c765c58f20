/**
 * ns-missing: the apex must list the zone's name servers (RFC 1034 §4.2.1, RFC 1035 §5.2).
 * BIND refuses such a zone ("has no NS records"); Knot reports "missing NS at the zone apex".
 */
import type { Rule } from '../rule';
import { ownerPlace } from './common';

export const nsMissing: Rule = {
  id: 'ns-missing',
  defaultSeverity: 'error',
  summary: 'The zone apex has no NS records.',
  stage: 'semantic',
  check({ zone, report }) {
    const soa = zone.apexSoa[0];
    if (!soa || zone.apexNs.length > 0) return;
    report({
      ...ownerPlace(soa),
      message: `The zone apex ${zone.origin} has no NS records; every zone must name its authoritative servers (RFC 1034 §4.2.1), and BIND refuses to load it.`,
    });
  },
};
