/**
 * ptr-missing: the reverse zone of a mail host's address is at hand but has no PTR record for
 * it. Mail from an address without reverse DNS is rejected or junked by many receivers. The fix
 * adds the PTR record to the reverse zone (an edit in that document).
 */
import type { Rule } from '../rule';
import { appendRecordLine } from './insertRecord';
import { bare } from './records';
import { reverseChecks } from './reverseDns';
import { describeHost, senderNote, WHY_PTR } from './reverseMessages';
import { snippetLiteral } from './snippet';

interface MissingData {
  uri: string;
  reverseName: string;
  /** The name the PTR should give, when known. */
  name?: string;
}

export const ptrMissing: Rule = {
  id: 'ptr-missing',
  defaultSeverity: 'error',
  summary: 'The reverse zone of a mail host address has no PTR record for it.',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const check of reverseChecks(zone, workspace)) {
      const v = check.verdict;
      if (v.kind !== 'missing') continue;
      const reverseZone = workspace.get(v.uri);
      const zoneName = reverseZone?.origin ? bare(reverseZone.origin) : v.uri;
      const data: MissingData = { uri: v.uri, reverseName: v.reverseName, name: check.name };
      const add = check.name ? `Add \`${v.reverseName} IN PTR ${check.name}\` to it.` : `Add a PTR record at ${v.reverseName} naming a host that resolves back to ${check.host.address}.`;
      report({
        ...check.host.place,
        data,
        message: `The reverse zone ${zoneName} has no PTR record for ${describeHost(check)}. ${add} ${WHY_PTR}${senderNote(check)}`,
      });
    }
  },
  fixes(diagnostic, _zone, workspace) {
    const data = diagnostic.data as MissingData | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.reverseName !== 'string') return [];
    const reverseZone = workspace.get(data.uri);
    if (!reverseZone) return [];
    if (data.name) {
      const edit = appendRecordLine(reverseZone, data.reverseName, `IN PTR ${data.name}`);
      return [{ title: `Add the PTR record for ${bare(data.name)} to ${bare(reverseZone.origin ?? data.uri)}`, edits: [{ ...edit, uri: data.uri }], isPreferred: true }];
    }
    const edit = appendRecordLine(reverseZone, data.reverseName, 'IN PTR ${1:host.example.com.}', snippetLiteral);
    return [{ title: `Add a PTR record to ${bare(reverseZone.origin ?? data.uri)}`, edits: [{ ...edit, uri: data.uri }], snippet: true }];
  },
};
