/**
 * mx-target-no-address: an MX target must have an A or AAAA record (RFC 5321 §5.1); senders
 * that find none cannot deliver and bounce or retry. In-zone targets are checked (an error when
 * the address is missing); targets in another zone of the workspace are checked there; others
 * cannot be checked offline and get a note. Targets that are CNAMEs or written like IP
 * addresses have their own rules (mx-target-is-cname, mx-target-is-ip).
 */
import type { Zone } from '../../model/zone';
import { parseName } from '../../rrtypes/names';
import type { Workspace } from '../../workspace/workspace';
import type { Rule } from '../rule';
import { lookupHost, type HostAnswer } from './hostLookup';
import { appendRecordLine } from './insertRecord';
import { looksLikeAddress } from './mx-target-is-ip';
import { mayBeAddress } from '../integrity/common';
import { bare, fieldPlace, mxRecords, sourceOf } from './records';
import { snippetLiteral } from './snippet';

interface NoAddressData {
  target: string;
  /** The workspace uri of the zone that should hold the address, when it is not this one. */
  uri?: string;
}

export const mxTargetNoAddress: Rule = {
  id: 'mx-target-no-address',
  defaultSeverity: 'error',
  summary: 'An MX target has no A or AAAA record, so mail for the domain cannot be delivered there.',
  stage: 'semantic',
  check({ zone, workspace, report }) {
    const answers = new Map<string, HostAnswer>();
    for (const mx of mxRecords(zone)) {
      if (mx.exchange === '.') continue;
      if (mayBeAddress(zone, mx.record.file, mx.exchangeField.start, mx.exchangeField.end) && looksLikeAddress(sourceOf(zone, mx.record.file, mx.exchangeField.start, mx.exchangeField.end))) continue;
      // Thousands of MX records name the same few hosts: look each up once.
      let answer = answers.get(mx.exchange);
      if (!answer) answers.set(mx.exchange, (answer = lookupHost(zone, workspace, mx.exchange)));
      const place = fieldPlace(mx.record, mx.exchangeField);
      const target = bare(mx.exchange);
      switch (answer.kind) {
        case 'none': {
          const where = answer.zone === zone ? 'this zone' : `zone ${bare(answer.zone.origin ?? '')}`;
          const lost = `The mail server ${target} has no A or AAAA record in ${where}: senders cannot find its address, so mail for ${bare(mx.record.owner)} is not delivered there (RFC 5321 §5.1).`;
          const meant = mx.exchangeField.relative ? meantAbsolute(zone, workspace, sourceOf(zone, mx.record.file, mx.exchangeField.start, mx.exchangeField.end)) : undefined;
          if (meant) {
            // The usual cause: a missing trailing dot (name-missing-trailing-dot offers that fix); adding an address would be wrong.
            report({ ...place, message: `${lost} It is written without a trailing dot; ${bare(meant)}, which has an address, was probably meant: write "${meant}".` });
            break;
          }
          const data: NoAddressData = { target: mx.exchange, uri: answer.zone === zone ? undefined : answer.uri };
          report({ ...place, data, message: `${lost} Add an address record for ${target}.` });
          break;
        }
        case 'delegated':
          report({ ...place, severity: 'information', message: `The mail server ${target} lies in the delegated zone ${bare(answer.cut)}, which is not open here: its address was not checked offline.` });
          break;
        case 'unknown':
          report({ ...place, severity: 'information', message: `The mail server ${target} is outside this zone: whether it has an address (A or AAAA) was not checked offline.` });
          break;
        case 'address':
        case 'cname':
          break;
      }
    }
  },
  fixes(diagnostic, zone, workspace) {
    const data = diagnostic.data as NoAddressData | undefined;
    if (!data || typeof data.target !== 'string') return [];
    const target = data.uri ? workspace.get(data.uri) : zone;
    if (!target || !target.origin) return [];
    const edit = appendRecordLine(target, data.target, 'IN A ${1:192.0.2.1}', snippetLiteral);
    return [{ title: `Add an A record for ${bare(data.target)}`, edits: [data.uri ? { ...edit, uri: data.uri } : edit], snippet: true }];
  },
};

/** For a relative target written like a full name (`mail.example.com`), that name when it has an address. */
function meantAbsolute(zone: Zone, workspace: Workspace, written: string): string | undefined {
  if (!written.includes('.') || written.endsWith('.')) return undefined;
  const r = parseName(written + '.', null);
  if (r.error) return undefined;
  return lookupHost(zone, workspace, r.name).kind === 'address' ? r.name : undefined;
}
