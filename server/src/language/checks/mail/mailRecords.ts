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
import { zoneCache } from '../../model/derivedData';

export interface MailTxtRecord {
  record: ZoneRecord;
  kind: MailRecordKind;
  /** The strings joined, as the mail software reads them. */
  text: string;
  parsed: ParsedTagList;
}

const cache = zoneCache<MailTxtRecord[]>();

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
      const text = strings.length === 1 ? strings[0].value : strings.map((s) => s.value).join('');
      const kind = mailRecordKind(record.owner, text);
      if (kind) list.push({ record, kind, text, parsed: validateMailRecord(kind, strings) });
    }
    cache.set(zone, list);
  }
  return list;
}

/** Each finding with rule id `code`, with the record it was found in (shared: callers must not modify it). */
export function mailFindings(zone: Zone, code: string): readonly { record: ZoneRecord; finding: MailFinding }[] {
  // Grouped by rule id in one pass: thirteen rules ask, each for its own id.
  let byCode = findingsCache.get(zone);
  if (!byCode) {
    byCode = new Map();
    for (const m of mailTxtRecords(zone)) {
      for (const finding of m.parsed.findings) {
        const list = byCode.get(finding.code);
        if (list) list.push({ record: m.record, finding });
        else byCode.set(finding.code, [{ record: m.record, finding }]);
      }
    }
    findingsCache.set(zone, byCode);
  }
  return byCode.get(code) ?? NO_FINDINGS;
}

const findingsCache = zoneCache<Map<string, { record: ZoneRecord; finding: MailFinding }[]>>();
const NO_FINDINGS: readonly { record: ZoneRecord; finding: MailFinding }[] = [];
