/**
 * The zone model: records by name and type, the apex with its SOA and NS, delegations and
 * glue. Rules ask their questions here instead of reading text. Indexes are built once, lazily.
 */
import type { ParseResult } from '../parser/parser';
import { isSubdomain, parentName } from '../rrtypes/names';
import type { RdataField } from '../rrtypes/spec';
import type { Directive, ZoneDiagnostic, ZoneFile, ZoneRecord } from './types';
import { newLineFor } from '../text/lineBreaks';

const EMPTY: readonly ZoneRecord[] = [];

export class Zone {
  readonly origin: string | null;
  readonly files: ZoneFile[];
  readonly records: ZoneRecord[];
  readonly directives: Directive[];
  /** Diagnostics from the lexer and parser (syntax stage). */
  readonly parseDiagnostics: ZoneDiagnostic[];
  readonly parse: ParseResult;

  private nameIndex: Map<string, ZoneRecord[]> | null = null;
  private cutsCache: Set<string> | null = null;

  constructor(parse: ParseResult) {
    this.parse = parse;
    this.origin = parse.origin;
    this.files = parse.files;
    this.records = parse.records;
    this.directives = parse.directives;
    this.parseDiagnostics = parse.diagnostics;
  }

  /**
   * The same zone (origin, files, directives) holding only `records`: what a rule of scope
   * 'record' needs to check just those records (features/provisionalDiagnostics.ts).
   */
  withRecords(records: ZoneRecord[]): Zone {
    return new Zone({ ...this.parse, records, diagnostics: [] });
  }

  /** The document text (file 0). */
  get text(): string {
    return this.files[0].text;
  }

  /**
   * The line ending for lines added to the document (newLineFor: CRLF when it uses CRLF, else LF),
   * found once: fixes ask for every record they add, and a file without CRLF is read to its end.
   */
  get newLine(): string {
    return (this.newLineCache ??= newLineFor(this.text));
  }
  private newLineCache: string | undefined;

  /**
   * After an incremental parse: take over `previous`'s name index (if it was built) with the
   * records of the re-parsed stretch swapped, instead of indexing every record again (50 ms on
   * 100 000 records, paid by the first rule or hover after each edit). The previous zone is
   * consumed by the incremental parse anyway; its index is handed over, not copied. Lists stay in
   * source order: the records after the stretch were moved in place, and a new record goes after
   * the last one of its name that starts no later than it.
   */
  adoptNameIndex(previous: Zone, removed: readonly ZoneRecord[], added: readonly ZoneRecord[]): void {
    const m = previous.nameIndex;
    if (!m || this.nameIndex) return;
    previous.nameIndex = null;
    for (const r of removed) {
      const list = m.get(r.owner);
      const at = list ? list.indexOf(r) : -1;
      if (at < 0) continue;
      if (list!.length === 1) m.delete(r.owner);
      else list!.splice(at, 1);
    }
    for (const r of added) {
      const list = m.get(r.owner);
      if (!list) {
        m.set(r.owner, [r]);
        continue;
      }
      let at = list.length;
      while (at > 0 && list[at - 1].start > r.start) at--;
      list.splice(at, 0, r);
    }
    this.nameIndex = m;
  }

  /** All records by owner name, in source order. */
  get byName(): Map<string, ZoneRecord[]> {
    if (!this.nameIndex) {
      const m = new Map<string, ZoneRecord[]>();
      const records = this.records;
      const n = records.length;
      // By runs of records with one owner (a name's records are mostly written together): one
      // look-up per run, and a list of the run's exact size (a list grown by push keeps room for
      // 17, which on a million records is 30 MB more for the collector to copy).
      for (let i = 0; i < n; ) {
        const owner = records[i].owner;
        let j = i + 1;
        while (j < n && records[j].owner === owner) j++;
        const list = m.get(owner);
        if (list) for (let k = i; k < j; k++) list.push(records[k]);
        else m.set(owner, j === i + 1 ? [records[i]] : records.slice(i, j));
        i = j;
      }
      this.nameIndex = m;
    }
    return this.nameIndex;
  }

  /**
   * The record lists of byName that hold two records or more, in the order of byName (shared:
   * callers must not modify them). Found once: the rules that compare the records of one owner
   * (duplicates, RRset TTLs, CNAME beside other data) walk these instead of every name, and most
   * names have a single record.
   */
  ownersWithSeveralRecords(): readonly ZoneRecord[][] {
    if (!this.severalIndex) {
      const several: ZoneRecord[][] = [];
      this.byName.forEach((list) => {
        if (list.length > 1) several.push(list);
      });
      this.severalIndex = several;
    }
    return this.severalIndex;
  }
  private severalIndex: ZoneRecord[][] | null = null;

  /** Records at `name` (canonical absolute), optionally of one type. */
  at(name: string, type?: string): ZoneRecord[] {
    const list = this.byName.get(name);
    if (!list) return [];
    return type === undefined ? list : list.filter((r) => r.type === type);
  }

  /** Whether any record exists at `name`. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Whether `name` exists as a node: it has records or is an empty non-terminal (some name below
   * it has records, RFC 8020).
   */
  exists(name: string): boolean {
    if (this.byName.has(name)) return true;
    if (!this.emptyNonTerminals) {
      // Only the ancestors that hold no records themselves (down to the origin, or to the root for
      // names outside the zone): a set of every owner's ancestors would copy the whole name index
      // (100 000 entries on a 100 000-record zone) to answer the rare question about an ENT.
      const byName = this.byName;
      const ents = new Set<string>();
      // forEach: no iterator result per name. An ancestor that is an owner walks its own chain;
      // one already in the set has been walked.
      byName.forEach((_, owner) => {
        for (let n: string | null = owner === this.origin ? null : this.parentOf(owner); n !== null && !byName.has(n) && !ents.has(n); n = n === this.origin ? null : this.parentOf(n)) ents.add(n);
      });
      this.emptyNonTerminals = ents;
    }
    return this.emptyNonTerminals.has(name);
  }
  private emptyNonTerminals: Set<string> | null = null;

  /**
   * parentName, except that a parent equal to the origin is the origin string itself: most names
   * are one label below it, and their parent then costs no new string (nor hashing one).
   */
  private parentOf(name: string): string | null {
    const origin = this.origin;
    if (origin !== null && origin !== '.' && name.length > origin.length + 1) {
      const dot = name.length - origin.length - 1;
      if (name.charCodeAt(dot) === 0x2e && firstLabelDot(name) === dot && name.endsWith(origin)) return origin;
    }
    return parentName(name);
  }

  /** The SOA records at the apex (there should be exactly one). */
  get apexSoa(): ZoneRecord[] {
    return this.origin ? this.at(this.origin, 'SOA') : [];
  }

  get apexNs(): ZoneRecord[] {
    return this.origin ? this.at(this.origin, 'NS') : [];
  }

  /** Whether `name` is inside the zone (at or below the origin). */
  inZone(name: string): boolean {
    return this.origin !== null && isSubdomain(name, this.origin);
  }

  /** Delegation points: names below the apex that have NS records. */
  get cuts(): Set<string> {
    if (!this.cutsCache) {
      const s = new Set<string>();
      for (const r of this.recordsOfType('NS')) if (r.owner !== this.origin) s.add(r.owner);
      this.cutsCache = s;
    }
    return this.cutsCache;
  }

  /** The delegation point at or above `name` (below the apex), or null if `name` is authoritative data. */
  delegationOf(name: string): string | null {
    const cuts = this.cuts;
    const origin = this.origin;
    if (cuts.size === 0 || !origin || name === origin || !isSubdomain(name, origin)) return null;
    const filter = this.cutFilter();
    if (mayBeCut(filter, name, 0) && cuts.has(name)) return name;
    // The ancestors strictly between `name` and the origin are the suffixes after each unescaped
    // dot before the origin's own: scanned in place, so a name one label below the origin (most
    // of them) costs no substring at all. Rules ask this for nearly every record, several times.
    const stop = origin === '.' ? name.length - 1 : name.length - origin.length - 1;
    for (let i = 0; i < stop; i++) {
      const c = name.charCodeAt(i);
      if (c === 0x5c) {
        const d = name.charCodeAt(i + 1);
        i += d >= 0x30 && d <= 0x39 ? 3 : 1;
      } else if (c === 0x2e && mayBeCut(filter, name, i + 1)) {
        const ancestor = name.slice(i + 1);
        if (cuts.has(ancestor)) return ancestor;
      }
    }
    return null;
  }

  /**
   * A bit per (length, first two characters) of the cuts' names: most names asked about are no
   * cut, and the bit says so without a probe into the set of cuts (a cache miss on large zones)
   * or a substring for each ancestor.
   */
  private cutFilter(): Uint8Array {
    if (!this.cutBits) {
      const bits = new Uint8Array(CUT_FILTER_BYTES);
      for (const cut of this.cuts) {
        const h = cutHash(cut, 0);
        bits[h >> 3] |= 1 << (h & 7);
      }
      this.cutBits = bits;
    }
    return this.cutBits;
  }
  private cutBits: Uint8Array | null = null;

  /** Address records (A and AAAA) the zone holds for `name`. */
  addresses(name: string): ZoneRecord[] {
    return this.at(name).filter((r) => (r.type === 'A' || r.type === 'AAAA') && r.valid);
  }

  /** Valid records of one type anywhere in the zone, in source order (indexed once). */
  ofType(type: string): readonly ZoneRecord[] {
    if (!this.validTypeIndex) this.validTypeIndex = new Map();
    let list = this.validTypeIndex.get(type);
    if (!list) {
      const all = this.recordsOfType(type);
      // Nearly always every record parsed: the list of all of them then serves as is.
      list = all.every((r) => r.valid) ? all : all.filter((r) => r.valid);
      this.validTypeIndex.set(type, list);
    }
    return list;
  }
  private validTypeIndex: Map<string, readonly ZoneRecord[]> | null = null;

  /**
   * Records of one type anywhere in the zone, valid or not, in source order (indexed once): the
   * rules that look at one or two types walk these short lists instead of every record.
   */
  recordsOfType(type: string): readonly ZoneRecord[] {
    if (!this.typeIndex) {
      const m = new Map<string, ZoneRecord[]>();
      const records = this.records;
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const list = m.get(r.type);
        if (list) list.push(r);
        else m.set(r.type, [r]);
      }
      this.typeIndex = m;
    }
    return this.typeIndex.get(type) ?? EMPTY;
  }
  private typeIndex: Map<string, ZoneRecord[]> | null = null;

  /**
   * Records of any of `types`, in source order (`types` in any order). One type, or all but one
   * absent, is the index list itself; otherwise the records are walked once.
   */
  ofTypes(types: readonly string[], validOnly: boolean): readonly ZoneRecord[] {
    let only: readonly ZoneRecord[] = EMPTY;
    let present = 0;
    for (const t of types) {
      const list = validOnly ? this.ofType(t) : this.recordsOfType(t);
      if (list.length > 0) {
        present++;
        only = list;
      }
    }
    if (present <= 1) return only;
    const wanted = new Set(types);
    const out: ZoneRecord[] = [];
    const records = this.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (wanted.has(r.type) && (r.valid || !validOnly)) out.push(r);
    }
    return out;
  }
}

const CUT_FILTER_BYTES = 8192;

/** A hash in [0, CUT_FILTER_BYTES * 8) of the suffix of `name` from `from`. */
function cutHash(name: string, from: number): number {
  const n = name.length - from;
  return (n * 4099 + name.charCodeAt(from) * 131 + (n > 1 ? name.charCodeAt(from + 1) : 0)) & (CUT_FILTER_BYTES * 8 - 1);
}

/** False when the suffix of `name` from `from` is surely not a cut (see Zone.cutFilter). */
function mayBeCut(bits: Uint8Array, name: string, from: number): boolean {
  const h = cutHash(name, from);
  return (bits[h >> 3] & (1 << (h & 7))) !== 0;
}

/** Index of the dot that ends the first label of a canonical name (escapes skipped as parentName does), or -1. */
function firstLabelDot(name: string): number {
  for (let i = 0; i < name.length - 1; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5c) {
      const d = name.charCodeAt(i + 1);
      i += d >= 0x30 && d <= 0x39 ? 3 : 1;
    } else if (c === 0x2e) return i;
  }
  return -1;
}

/** The field of a record by schema name. */
export function field(r: ZoneRecord, name: string): RdataField | undefined {
  // Indexed: rules call this for most records, and a for-of makes an iterator each time until
  // the caller is optimised.
  const rdata = r.rdata;
  for (let i = 0; i < rdata.length; i++) if (rdata[i].name === name) return rdata[i];
  return undefined;
}

/** A name-valued field's canonical name, or undefined. */
export function nameField(r: ZoneRecord, name: string): string | undefined {
  const f = field(r, name);
  return f && typeof f.value === 'string' ? f.value : undefined;
}

/** A number-valued field, or undefined. */
export function numberField(r: ZoneRecord, name: string): number | undefined {
  const f = field(r, name);
  return f && typeof f.value === 'number' ? f.value : undefined;
}
