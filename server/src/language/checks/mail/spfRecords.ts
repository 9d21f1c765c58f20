/**
 * The zone's SPF records (TXT records whose text starts with `v=spf1`, RFC 7208 §4.5), parsed
 * once per zone for the mail rules that need to know which hosts send mail. The SPF rules
 * themselves live in checks/spf.
 */
import type { Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import type { SpfRecord } from '../../spf';
import { zoneSpf } from '../spf/records';
import { zoneCache } from '../../model/derivedData';

export interface ParsedSpf {
  record: ZoneRecord;
  spf: SpfRecord;
}

const cache = zoneCache<ParsedSpf[]>();

export function spfRecords(zone: Zone): ParsedSpf[] {
  let list = cache.get(zone);
  if (!list) {
    // The SPF rules parse the same records (zoneSpf): share their parse instead of a second one.
    list = [];
    for (const entry of zoneSpf(zone).entries) if (entry.verdict === 'spf') list.push({ record: entry.record, spf: entry.spf });
    cache.set(zone, list);
  }
  return list;
}

/** `v=spf1 -all` (and nothing else that matters): the domain sends no mail. */
export function sendsNoMail(spf: SpfRecord): boolean {
  const mechanisms = spf.terms.filter((t) => t.kind === 'mechanism');
  return mechanisms.length === 1 && mechanisms[0].name === 'all' && mechanisms[0].qualifier === '-' && !spf.terms.some((t) => t.kind === 'modifier' && t.name === 'redirect');
}
