/**
 * Record-set comparison between our model and what BIND loaded (its raw dump).
 *
 * Both sides become (owner, class, type, TTL, rdata) tuples in wire format. BIND's bytes come
 * from BIND's rdata code; ours from our parser and each type's `toWire`, so a misread escape,
 * relative name, TTL unit, base64 blob or address shows up as a difference. Before comparing, our
 * side gets the three transformations BIND applies while loading (each counted, so a run shows
 * how often they happened; each is documented in docs/zone-format.md):
 *
 *  - out-of-zone records are dropped (BIND: "ignoring out-of-zone data");
 *  - identical records are merged (an RRset is a set, RFC 2181 §5);
 *  - the records of an RRset all get one TTL (RFC 2181 §5.2), chosen the way BIND 9.18's loader
 *    does (verified by experiment): records are read in batches, a batch ending where the written
 *    owner changes (compared case-sensitively) or a file ($INCLUDE) starts or ends; inside a batch
 *    the first TTL of an RRset wins ("TTL set to prior TTL"), and a later batch of the same RRset
 *    replaces the TTL silently. Our model keeps the TTL each record was written with.
 *
 * Names inside rdata compare case-insensitively (RFC 4343): BIND keeps their case as written,
 * our model stores canonical lowercase names. Only types whose schema has name fields get this,
 * so the case of TXT and other strings is still compared exactly.
 */
import type { Zone } from '../../server/src/language/model/zone';
import { isSubdomain } from '../../server/src/language/rrtypes/names';
import { asciiLower, toHex, wireNameToText, type BindRecord } from './rawFormat';
import { toWireRecord, type WireRecord } from './ourRecords';

export interface RecordComparison {
  equal: boolean;
  oursCompared: number;
  bindCount: number;
  /** How often each loading transformation applied (see above). */
  normalised: Record<string, number>;
  /** BIND has these and we do not (readable). */
  missing: string[];
  /** We have these and BIND does not (readable). */
  extra: string[];
  /** Our records we could not put in wire form, with the reason. */
  unencodable: string[];
}

function bump(m: Record<string, number>, k: string, n = 1): void {
  m[k] = (m[k] ?? 0) + n;
}

function rrsetKey(owner: Uint8Array, cls: number, type: number, covers: number): string {
  return `${toHex(asciiLower(owner))}|${cls}|${type}|${covers}`;
}

function describe(owner: Uint8Array, cls: number, type: number, ttl: number, rdata: Uint8Array): string {
  return `${wireNameToText(owner)} ${ttl} class${cls} type${type} ${toHex(rdata)}`;
}

export function compareRecords(zone: Zone, bind: readonly BindRecord[]): RecordComparison {
  const normalised: Record<string, number> = {};
  const unencodable: string[] = [];
  const origin = zone.origin ?? '.';
  const ours: WireRecord[] = [];
  for (const r of zone.records) {
    if (!isSubdomain(r.owner, origin)) {
      bump(normalised, 'out-of-zone-dropped');
      continue;
    }
    const w = toWireRecord(zone, r);
    if (typeof w === 'string') unencodable.push(`${r.owner} ${r.type}: ${w}`);
    else ours.push(w);
  }

  // Merge duplicates and give each RRset one TTL, as BIND's loader does (see above).
  const rrsetTtl = new Map<string, { ttl: number; batch: number }>();
  const seen = new Set<string>();
  const kept: WireRecord[] = [];
  let batch = 0;
  const batches = new BatchTracker(zone);
  for (const w of ours) {
    if (batches.startsBatch(w)) batch++;
    const set = rrsetKey(w.owner, w.class, w.type, w.covers);
    const rdata = toHex(w.hasNames ? asciiLower(w.rdata) : w.rdata);
    const current = rrsetTtl.get(set);
    if (!current || current.batch !== batch) rrsetTtl.set(set, { ttl: w.ttl, batch });
    if (seen.has(set + '|' + rdata)) {
      bump(normalised, 'duplicate-merged');
      continue;
    }
    seen.add(set + '|' + rdata);
    kept.push(w);
  }
  for (const w of kept) {
    const ttl = rrsetTtl.get(rrsetKey(w.owner, w.class, w.type, w.covers))!.ttl;
    if (ttl !== w.ttl) {
      bump(normalised, 'rrset-ttl-unified');
      w.ttl = ttl;
    }
  }

  // Multiset of our tuples; names in rdata folded for types that have them.
  const pool = new Map<string, WireRecord[]>();
  const keyOf = (owner: Uint8Array, cls: number, type: number, ttl: number, rdata: Uint8Array, fold: boolean): string =>
    `${toHex(asciiLower(owner))}|${cls}|${type}|${ttl}|${toHex(fold ? asciiLower(rdata) : rdata)}`;
  for (const w of kept) {
    const k = keyOf(w.owner, w.class, w.type, w.ttl, w.rdata, w.hasNames);
    const list = pool.get(k);
    if (list) list.push(w);
    else pool.set(k, [w]);
  }
  const foldTypes = new Set(kept.filter((w) => w.hasNames).map((w) => w.type));

  const missing: string[] = [];
  for (const b of bind) {
    const fold = foldTypes.has(b.type);
    const k = keyOf(b.owner, b.class, b.type, b.ttl, b.rdata, fold);
    const list = pool.get(k);
    if (list && list.length > 0) {
      const w = list.pop()!;
      if (fold && toHex(w.rdata) !== toHex(b.rdata)) bump(normalised, 'rdata-name-case');
      continue;
    }
    missing.push(describe(b.owner, b.class, b.type, b.ttl, b.rdata));
  }
  const extra: string[] = [];
  for (const list of pool.values()) {
    for (const w of list) extra.push(`${describe(w.owner, w.class, w.type, w.ttl, w.rdata)} (line of offset ${w.record.start} in file ${w.record.file})`);
  }
  return {
    equal: missing.length === 0 && extra.length === 0 && unencodable.length === 0,
    oursCompared: kept.length,
    bindCount: bind.length,
    normalised,
    missing,
    extra,
    unencodable,
  };
}

/**
 * BIND's loader keeps the records of the current owner name in a batch and commits it when a
 * record names a different owner, compared case-sensitively on the absolute name (so `b` then
 * `B` is a new batch), or when a file starts or ends. An inherited (blank) owner never starts one.
 */
class BatchTracker {
  private owner: string | null = null;
  private written: string | null = null;
  private file = -1;

  constructor(private readonly zone: Zone) {}

  startsBatch(w: WireRecord): boolean {
    const r = w.record;
    const written = r.ownerStart >= 0 ? this.zone.files[r.file].text.slice(r.ownerStart, r.ownerEnd) : null;
    // `@` is the origin as $ORIGIN spelled it: compare it by name only.
    const text = written === '@' ? null : written;
    const fresh = this.owner === null || r.file !== this.file || r.generated || r.owner !== this.owner || (text !== null && this.written !== null && !sameSpelling(text, this.written));
    if (fresh || written !== null) {
      this.owner = r.owner;
      this.written = text;
      this.file = r.file;
    }
    return fresh;
  }
}

/**
 * Two spellings of the same name, compared case-sensitively on the characters both wrote (a
 * relative and an absolute spelling share their leftmost labels; the origin's case is the same).
 */
function sameSpelling(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}
