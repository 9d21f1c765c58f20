/**
 * spf-record-too-long: RFC 7208 §3.4 asks that the answer to an SPF query stay within 450
 * octets, so it fits one UDP datagram of 512 octets; larger answers need DNS over TCP, which
 * some networks block, and the receiver then sees no policy (temperror or none). The answer
 * carries every TXT record at the name, not only the SPF one, so all of them are counted: a DNS
 * header, the question, and each record with a compressed owner name.
 */
import type { ZoneRecord } from '../../model/types';
import { charStringOctetLength } from '../../rrtypes/charStrings';
import { canonicalWireLength } from '../../rrtypes/names';
import type { Rule } from '../rule';
import { bare, placeIn, txtStrings, zoneSpf } from './records';

/** The message size RFC 7208 §3.4 recommends staying under. */
export const SPF_ANSWER_LIMIT = 450;

const HEADER = 12;
/** QTYPE and QCLASS. */
const QUESTION_FIXED = 4;
/** Compressed owner (a pointer), TYPE, CLASS, TTL, RDLENGTH. */
const RECORD_FIXED = 2 + 2 + 2 + 4 + 2;

/** Octets of a TXT record's rdata: each string with its length octet. */
export function txtRdataLength(r: ZoneRecord): number {
  // Counted, not encoded: this runs for every TXT record at every SPF name.
  return txtStrings(r).reduce((n, s) => n + 1 + charStringOctetLength(s.value), 0);
}

export const spfRecordTooLong: Rule = {
  id: 'spf-record-too-long',
  defaultSeverity: 'warning',
  summary: 'The TXT answer holding an SPF record is over 450 octets and may not fit one UDP packet.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    // The answer size is a property of the owner: computed once per name, not once per SPF record
    // (a name with many TXT records would otherwise cost quadratic time).
    const answers = new Map<string, { count: number; data: number; answer: number }>();
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf') continue;
      const owner = entry.record.owner;
      let at = answers.get(owner);
      if (!at) {
        const txt = zone.at(owner, 'TXT').filter((r) => r.valid);
        const data = txt.reduce((n, r) => n + txtRdataLength(r), 0);
        at = { count: txt.length, data, answer: HEADER + canonicalWireLength(owner) + QUESTION_FIXED + txt.length * RECORD_FIXED + data };
        answers.set(owner, at);
      }
      const answer = at.answer;
      if (answer <= SPF_ANSWER_LIMIT) continue;
      const own = txtRdataLength(entry.record);
      const others = at.count - (entry.record.valid ? 1 : 0);
      const share = others === 0 ? `the SPF record's own data is ${own} octets` : `the SPF record's data is ${own} octets and the ${others} other TXT record${others === 1 ? '' : 's'} at this name add ${at.data - (entry.record.valid ? own : 0)}`;
      report({
        ...placeIn(entry, entry.spf.versionRange),
        message: `A TXT query for ${bare(owner)} returns about ${answer} octets (${share}), more than the ${SPF_ANSWER_LIMIT} RFC 7208 §3.4 recommends: the answer may not fit one UDP packet, and receivers that cannot fall back to TCP see no policy. Shorten the record (ip4:/ip6: ranges instead of many terms, or move parts to an include) or remove TXT records that are no longer needed.`,
      });
    }
  },
};
