/**
 * ptr-hint: a mail host's address whose reverse zone is not at hand (not in the workspace, or
 * delegated to other servers, e.g. the customer zone of an RFC 2317 classless delegation).
 * Reverse zones belong to whoever holds the address block, usually the hosting or access
 * provider, so the finding names the exact record to ask them for. An editor cannot copy text
 * through a code action, so the record is in the message and in `data.record` for the client.
 */
import type { Rule } from '../rule';
import { bare } from './records';
import { reverseChecks } from './reverseDns';
import { describeHost, ptrRecordText, senderNote, WHY_PTR } from './reverseMessages';

export const ptrHint: Rule = {
  id: 'ptr-hint',
  defaultSeverity: 'information',
  summary: 'The reverse DNS (PTR) of a mail host is not in any zone at hand: the record to ask the address provider for.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const check of reverseChecks(zone, workspace)) {
      const v = check.verdict;
      if (v.kind !== 'no-zone' && v.kind !== 'delegated') continue;
      // A bare `ip4:`/`ip6:` address that no zone at hand names: there is no exact record to ask
      // for, and a policy listing many addresses would drown the file in hints.
      if (check.host.source === 'spf-ip' && !check.name) continue;
      const record = ptrRecordText(v.reverseName, check.name);
      const where =
        v.kind === 'no-zone'
          ? `No reverse zone for ${check.host.address} is open here, so the reverse DNS of ${describeHost(check)} was not checked.`
          : `The reverse name ${bare(v.reverseName)} of ${describeHost(check)} is delegated (at ${bare(v.cut)}) to name servers whose zone is not open here.`;
      const ask = record
        ? ` Make sure the holder of the address publishes \`${record}\`, and that ${bare(check.name!)} resolves to ${check.host.address}.`
        : ` Make sure the holder of the address publishes a PTR record at ${v.reverseName} naming a host that resolves back to ${check.host.address}.`;
      report({
        ...check.host.place,
        data: { record, address: check.host.address, reverseName: v.reverseName },
        message: `${where}${ask} ${WHY_PTR}${senderNote(check)}`,
      });
    }
  },
};
