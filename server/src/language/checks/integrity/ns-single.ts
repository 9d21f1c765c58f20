/**
 * ns-single: one name server is a single point of failure; RFC 1034 §4.1 asks for at least two
 * and RFC 2182 §5 for servers on separate networks. Many registries refuse a single NS.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, typePlace } from './common';

export const nsSingle: Rule = {
  id: 'ns-single',
  defaultSeverity: 'warning',
  summary: 'The zone apex has only one NS record.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const ns = zone.apexNs.filter((r) => r.valid);
    if (ns.length !== 1) return;
    const f = fieldNamed(ns[0], 'nsdname');
    report({
      ...(f ? fieldPlace(ns[0], f) : typePlace(ns[0])),
      message: 'The zone has a single name server; when it is unreachable the whole domain disappears. Use at least two, on separate networks (RFC 1034 §4.1, RFC 2182 §5).',
    });
  },
};
