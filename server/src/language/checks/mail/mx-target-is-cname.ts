/**
 * mx-target-is-cname: an MX target must be a host name with addresses, not an alias
 * (RFC 2181 §10.3, RFC 5321 §5.1). Many senders follow the alias anyway, some refuse, and BIND's
 * named-checkzone warns (check-mx-cname). The fix names the canonical host the alias leads to.
 */
import type { Rule } from '../rule';
import { hostnameProblem } from '../integrity/hostnames';
import { nameToLabels } from '../../rrtypes/names';
import { followHost } from './hostLookup';
import { nameForOrigin, originAt } from './insertRecord';
import { looksLikeAddress } from './mx-target-is-ip';
import { bare, fieldPlace, mxRecords, relatedAt, typePlace } from './records';

interface IsCnameData {
  /** The name at the end of the alias chain, when it has an address and is a host name. */
  canonical?: string;
}

export const mxTargetIsCname: Rule = {
  id: 'mx-target-is-cname',
  defaultSeverity: 'warning',
  summary: 'An MX target is an alias (CNAME); it must name the mail host itself.',
  stage: 'semantic',
  check({ zone, workspace, report }) {
    const chains = new Map<string, ReturnType<typeof followHost>>();
    // The origin's own labels are not the zone's to fix (as name-syntax).
    const originLabels = zone.origin ? nameToLabels(zone.origin).length : 0;
    for (const mx of mxRecords(zone)) {
      if (mx.exchange === '.') continue;
      // Thousands of MX records name the same few hosts: follow each once.
      let chain = chains.get(mx.exchange);
      if (!chain) chains.set(mx.exchange, (chain = followHost(zone, workspace, mx.exchange)));
      const first = chain[0].answer;
      if (first.kind !== 'cname') continue;
      const last = chain[chain.length - 1];
      const reached = last.answer.kind === 'address' ? last.name : undefined;
      // The alias may lead to a name that is no host name (one a wildcard answers, say
      // `[192.0.2.1]`): as the MX target it would only trade this warning for name-syntax.
      const canonical = reached && !hostnameProblem(reached, false, zone.origin && zone.inZone(reached) ? originLabels : 0) ? reached : undefined;
      const data: IsCnameData = { canonical };
      const leadsTo = reached ? `, an alias of ${bare(reached)}` : last.answer.kind === 'cname' ? ' that does not end (too many aliases or a loop)' : `, an alias of ${bare(last.name)}`;
      report({
        ...fieldPlace(mx.record, mx.exchangeField),
        data,
        message: `The MX target ${bare(mx.exchange)} is a CNAME${leadsTo}. An MX must name the mail host itself (RFC 2181 §10.3, RFC 5321 §5.1); some senders refuse aliases.${canonical ? ` Use ${bare(canonical)}.` : ''}`,
        related: first.zone === zone ? [relatedAt(typePlace(first.record), 'the alias')] : undefined,
      });
    }
  },
  fixes(diagnostic, zone) {
    const data = diagnostic.data as IsCnameData | undefined;
    if (!data || typeof data.canonical !== 'string') return [];
    const origin = diagnostic.file === 0 ? originAt(zone, diagnostic.start) : null;
    const written = origin ? nameForOrigin(data.canonical, origin) : data.canonical;
    // Written relative, a host name of digits (`1.2.3.4.example.com.`) would read as an address.
    if (looksLikeAddress(written)) return [];
    return [{ title: `Use the canonical name ${bare(data.canonical)}`, edits: [{ start: diagnostic.start, end: diagnostic.end, newText: written, file: diagnostic.file }], isPreferred: true }];
  },
};
