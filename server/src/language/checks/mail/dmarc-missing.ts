/**
 * dmarc-missing: a zone that receives mail (it has MX records) but publishes no DMARC policy at
 * `_dmarc.<origin>`. Without one, receivers have no instruction for mail that fails SPF and
 * DKIM, and the owner gets no reports of who sends as the domain. Large mailbox providers
 * require DMARC from bulk senders since 2024. Information only: the fix inserts a monitoring
 * record (`p=none`) to start from.
 */
import { mailContentKind } from '../../mail';
import type { Zone } from '../../model/zone';
import { parentName } from '../../rrtypes/names';
import type { Workspace } from '../../workspace/workspace';
import type { Rule } from '../rule';
import { insertRecordLine } from './insertRecord';
import { mailTxtRecords } from './mailRecords';
import { bare, joinedTxt, typePlace } from './records';

export const dmarcMissing: Rule = {
  id: 'dmarc-missing',
  defaultSeverity: 'information',
  summary: 'The zone has MX records but no DMARC record at _dmarc.',
  stage: 'semantic',
  check({ zone, workspace, report }) {
    const origin = zone.origin;
    if (!origin) return;
    const mx = zone.ofType('MX');
    if (mx.length === 0) return;
    const name = '_dmarc.' + origin;
    if (mailTxtRecords(zone).some((m) => m.kind === 'dmarc' && m.record.owner === name)) return;
    // An alias to a DMARC service, or a delegated `_dmarc`, is answered elsewhere.
    if (zone.at(name, 'CNAME').length > 0 || zone.delegationOf(name) !== null) return;
    if (parentPolicyInWorkspace(workspace, origin)) return;
    const anchor = mx.find((r) => r.owner === origin) ?? mx[0];
    report({
      ...typePlace(anchor),
      message: `${bare(origin)} receives mail but publishes no DMARC policy (no TXT record at ${bare(name)}): receivers have no instruction for mail that fails SPF and DKIM, and you get no reports of who sends as this domain. Start with \`v=DMARC1; p=none; rua=mailto:...\` and tighten the policy once the reports look right.`,
    });
  },
  fixes(diagnostic, zone) {
    const origin = zone.origin;
    if (!origin) return [];
    const apex = zone.records.filter((r) => r.owner === origin && r.file === 0);
    const last = apex[apex.length - 1];
    const record = `IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${bare(origin)}"`;
    return [{ title: `Add a DMARC record for ${bare(origin)} (monitoring: p=none)`, edits: [insertRecordLine(zone, '_dmarc.' + origin, record, last)], isPreferred: true, automatic: false }];
  },
};

/**
 * Receivers fall back to the organizational domain's policy (RFC 7489 §6.6.3). Without a public
 * suffix list we cannot name that domain, but a parent zone in the workspace with a DMARC record
 * at its own `_dmarc` answers for this one.
 */
function parentPolicyInWorkspace(workspace: Workspace, origin: string): boolean {
  for (let p = parentName(origin); p !== null && p !== '.'; p = parentName(p)) {
    const found = workspace.zoneFor(p);
    if (!found || found.zone.origin !== p) continue;
    if (hasDmarc(found.zone, '_dmarc.' + p)) return true;
  }
  return false;
}

function hasDmarc(zone: Zone, name: string): boolean {
  return zone.at(name, 'TXT').some((r) => mailContentKind(joinedTxt(r)) === 'dmarc');
}
