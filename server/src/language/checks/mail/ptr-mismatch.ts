/**
 * ptr-mismatch: the PTR record of a mail host's address names another host, or a name that does
 * not resolve back to the address, so forward-confirmed reverse DNS fails (or, when another name
 * confirms it, the server's name and its reverse DNS disagree). Checked only with names whose
 * zones are at hand; the others are reported as unconfirmed.
 */
import type { Rule } from '../rule';
import { bare } from './records';
import { reverseChecks } from './reverseDns';
import { describeHost, senderNote, WHY_PTR } from './reverseMessages';

interface MismatchData {
  uri: string;
  /** The host the PTR should name. */
  name?: string;
  /** Range of the PTR target in the reverse zone's document, when it is written there. */
  ptrTarget?: { start: number; end: number; written: string };
}

export const ptrMismatch: Rule = {
  id: 'ptr-mismatch',
  defaultSeverity: 'warning',
  summary: 'The PTR record of a mail host names another host or does not resolve back (FCrDNS fails).',
  stage: 'workspace',
  check({ zone, workspace, report }) {
    for (const check of reverseChecks(zone, workspace)) {
      const v = check.verdict;
      if (v.kind !== 'mismatch') continue;
      const names = v.ptrs.map((p) => bare(p.name)).join(', ');
      const who = describeHost(check);
      let message: string;
      let severity: 'information' | undefined;
      const addr = check.host.address;
      if (check.host.host === undefined) {
        message = `For ${who}, the PTR record names ${names}, and no such name resolves back to ${addr}: forward-confirmed reverse DNS fails. ${WHY_PTR}`;
      } else if (v.confirmedBy) {
        severity = 'information';
        message = `For ${who}, the PTR record names ${names} instead of ${bare(check.host.host)}. ${bare(v.confirmedBy)} resolves back to ${addr}, so forward-confirmed reverse DNS passes; make sure the server greets (HELO/EHLO) as ${bare(v.confirmedBy)}, or point the PTR at ${bare(check.host.host)}.`;
      } else if (v.ptrs.every((p) => p.resolves === undefined)) {
        message = `For ${who}, the PTR record names ${names} instead of ${bare(check.host.host)}, and whether that name resolves back to ${addr} cannot be checked here. Point the PTR at ${bare(check.host.host)}, or make sure ${names} resolves to ${addr}. ${WHY_PTR}`;
      } else {
        message = `For ${who}, the PTR record names ${names} instead of ${bare(check.host.host)}, and ${names} does not resolve back to ${addr}: forward-confirmed reverse DNS fails. Point the PTR at ${bare(check.host.host)}. ${WHY_PTR}`;
      }
      const first = v.ptrs[0].record;
      const target = first.rdata.find((f) => f.name === 'ptrdname');
      const reverseText = workspace.get(v.uri)?.text;
      const ptrTarget = target && first.file === 0 && reverseText !== undefined ? { start: target.start, end: target.end, written: reverseText.slice(target.start, target.end) } : undefined;
      const data: MismatchData = { uri: v.uri, name: check.host.host, ptrTarget };
      report({ ...check.host.place, severity, data, message: message + senderNote(check) });
    }
  },
  fixes(diagnostic, _zone, workspace) {
    const data = diagnostic.data as MismatchData | undefined;
    if (!data || typeof data.uri !== 'string' || typeof data.name !== 'string' || !data.ptrTarget) return [];
    // The reverse zone may have been edited since: only touch the PTR target if it is still there.
    if (workspace.get(data.uri)?.text.slice(data.ptrTarget.start, data.ptrTarget.end) !== data.ptrTarget.written) return [];
    return [{ title: `Point the PTR record at ${bare(data.name)}`, edits: [{ start: data.ptrTarget.start, end: data.ptrTarget.end, newText: data.name, uri: data.uri }] }];
  },
};
