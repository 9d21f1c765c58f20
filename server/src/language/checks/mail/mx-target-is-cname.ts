/**
 * mx-target-is-cname: an MX target must be a host name with addresses, not an alias
 * (RFC 2181 §10.3, RFC 5321 §5.1). Many senders follow the alias anyway, some refuse, and BIND's
 * named-checkzone warns (check-mx-cname). The fix names the canonical host the alias leads to.
 */
import type { Rule } from '../rule';
import { followHost } from './hostLookup';
import { nameForOrigin, originAt } from './insertRecord';
import { bare, fieldPlace, mxRecords, relatedAt, typePlace } from './records';

interface IsCnameData {
  /** The name at the end of the alias chain, when it has an address. */
  canonical?: string;
}

export const mxTargetIsCname: Rule = {
  id: 'mx-target-is-cname',
  defaultSeverity: 'warning',
  summary: 'An MX target is an alias (CNAME); it must name the mail host itself.',
  stage: 'semantic',
  check({ zone, workspace, report }) {
    const chains = new Map<string, ReturnType<typeof followHost>>();
    for (const mx of mxRecords(zone)) {
      if (mx.exchange === '.') continue;
      // Thousands of MX records name the same few hosts: follow each once.
      let chain = chains.get(mx.exchange);
      if (!chain) chains.set(mx.exchange, (chain = followHost(zone, workspace, mx.exchange)));
      const first = chain[0].answer;
      if (first.kind !== 'cname') continue;
      const last = chain[chain.length - 1];
      const canonical = last.answer.kind === 'address' ? last.name : undefined;
      const data: IsCnameData = { canonical };
      const leadsTo = canonical ? `, an alias of ${bare(canonical)}` : last.answer.kind === 'cname' ? ' that does not end (too many aliases or a loop)' : `, an alias of ${bare(last.name)}`;
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
    return [{ title: `Use the canonical name ${bare(data.canonical)}`, edits: [{ start: diagnostic.start, end: diagnostic.end, newText: written, file: diagnostic.file }], isPreferred: true }];
  },
};
