/**
 * Every TXT record of a zone classified once as DKIM, DMARC, MTA-STS, TLS-RPT, BIMI or none,
 * and validated once. Thirteen rules report findings from these records; without this cache each
 * would parse every TXT record again. Zones are immutable, so a WeakMap keyed by the zone is a
 * safe cache that goes away with the zone.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { mailOwnerKind, mailRecordKind, validateMailRecord, type MailFinding, type MailRecordKind, type ParsedTagList } from '../../mail';
import { txtStrings } from './records';

export interface MailTxtRecord {
  record: ZoneRecord;
  kind: MailRecordKind;
  /** The strings joined, as the mail software reads them. */
  text: string;
  parsed: ParsedTagList;
}

const cache = new WeakMap<Zone, MailTxtRecord[]>();

/** The zone's TXT records that are mail-authentication records, in source order. */
export function mailTxtRecords(zone: Zone): MailTxtRecord[] {
  let list = cache.get(zone);
  if (!list) {
    list = [];
    for (const record of zone.ofType('TXT')) {
      // Only owners with a mail label (_dmarc, _domainkey, ...) can hold one: skip the join otherwise.
      if (mailOwnerKind(record.owner) === null) continue;
      const strings = txtStrings(record);
      if (strings.length === 0) continue;
      const text = strings.map((s) => s.value).join('');
      const kind = mailRecordKind(record.owner, text);
      if (kind) list.push({ record, kind, text, parsed: validateMailRecord(kind, strings) });
    }
    cache.set(zone, list);
  }
  return list;
}

/** Each finding with rule id `code`, with the record it was found in. */
export function mailFindings(zone: Zone, code: string): { record: ZoneRecord; finding: MailFinding }[] {
  const out: { record: ZoneRecord; finding: MailFinding }[] = [];
  for (const m of mailTxtRecords(zone)) {
    for (const finding of m.parsed.findings) if (finding.code === code) out.push({ record: m.record, finding });
  }
  return out;
}
