/**
 * The zone's SPF records, found and parsed once per zone: every TXT record whose text is an SPF
 * record (RFC 7208 §4.5), plus those that were meant as one but whose strings were split right
 * after `v=spf1` (§3.3). Zones are immutable, so a WeakMap keyed by the zone is a cache that
 * goes away with it; the other zones of a workspace get their own entries when a cross-zone rule
 * follows an include into them.
 */
import { field, type Zone } from '../../model/zone';
import type { ZoneRecord } from '../../model/types';
import { SpfParseCache, spfVersionCheck, type SpfRecord } from '../../spf';
import type { CharString } from '../../text/charString';
import { parseName } from '../../rrtypes/names';
import { zoneCache } from '../../model/derivedData';

export interface SpfEntry {
  record: ZoneRecord;
  strings: CharString[];
  /** `spf-joined-badly` records are ignored by receivers; they are kept so rules can say so. */
  verdict: 'spf' | 'spf-joined-badly';
  spf: SpfRecord;
}

export interface ZoneSpf {
  /** Every SPF (or badly joined SPF) TXT record, in source order. */
  entries: SpfEntry[];
  /** The entries of each TXT record, by record (wildcard answers come back as records). */
  byRecord: Map<ZoneRecord, SpfEntry>;
  /** Records receivers accept as SPF (verdict `spf`), by owner. */
  byOwner: Map<string, SpfEntry[]>;
}

const cache = zoneCache<ZoneSpf>();

/** The character-strings of a valid TXT record (empty for rdata that did not parse). */
export function txtStrings(r: ZoneRecord): CharString[] {
  const f = field(r, 'strings');
  return f && Array.isArray(f.value) ? (f.value as CharString[]) : [];
}

export function zoneSpf(zone: Zone): ZoneSpf {
  let found = cache.get(zone);
  if (!found) {
    found = { entries: [], byRecord: new Map(), byOwner: new Map() };
    // Records written alike (one policy on many names) are parsed once and copied.
    const parses = new SpfParseCache();
    // The valid TXT records, in source order (indexed once), not every record of the zone.
    for (const record of zone.ofType('TXT')) {
      const strings = txtStrings(record);
      if (strings.length === 0) continue;
      const verdict = spfVersionCheck(strings);
      if (verdict === 'not-spf') continue;
      const entry: SpfEntry = { record, strings, verdict, spf: parses.parse(strings) };
      found.entries.push(entry);
      found.byRecord.set(record, entry);
      if (verdict !== 'spf') continue;
      const list = found.byOwner.get(record.owner);
      if (list) list.push(entry);
      else found.byOwner.set(record.owner, [entry]);
    }
    cache.set(zone, found);
  }
  return found;
}

/** The SPF records receivers accept at `name` of this zone. */
export function spfAt(zone: Zone, name: string): SpfEntry[] {
  return zoneSpf(zone).byOwner.get(name) ?? [];
}

/**
 * A domain-spec written in an SPF term as a canonical absolute name. SPF names are always
 * fully qualified, with or without the trailing dot (RFC 7208 §7.1), so no origin applies.
 */
export function spfTargetName(domainSpec: string): string | undefined {
  const text = domainSpec.endsWith('.') ? domainSpec : domainSpec + '.';
  const parsed = parseName(text, null);
  return parsed.error ? undefined : parsed.name;
}

/** `name` without its trailing dot, for messages. */
export function bare(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/** A range inside an entry's record, as a finding location in the record's file. */
export function placeIn(entry: SpfEntry, range: { start: number; end: number }): { start: number; end: number; file: number } {
  return { start: range.start, end: range.end, file: entry.record.file };
}
