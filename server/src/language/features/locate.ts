/**
 * Finding things in a parsed document by offset: the record under the cursor and which of its
 * parts (owner, TTL, class, type, one rdata field), the directive under the cursor, and the
 * owner groups (runs of records with the same owner) that symbols, folding and selection share.
 * Indexes are built once per Zone (a Zone is immutable, one per document version).
 */
import { lex, type LexResult } from '../parser/lexer';
import type { Zone } from '../model/zone';
import type { Directive, ZoneRecord } from '../model/types';
import type { RdataField } from '../rrtypes/spec';
import type { CharString } from '../text/charString';
import { parseName } from '../rrtypes/names';

export type RecordPart =
  | { kind: 'owner'; start: number; end: number }
  | { kind: 'ttl'; start: number; end: number }
  | { kind: 'class'; start: number; end: number }
  | { kind: 'type'; start: number; end: number }
  | { kind: 'field'; start: number; end: number; field: RdataField; index: number };

/** Consecutive records of the document with the same owner and no directive between them. */
export interface OwnerGroup {
  owner: string;
  records: ZoneRecord[];
  start: number;
  end: number;
}

interface ZoneIndex {
  records: ZoneRecord[];
  groups?: OwnerGroup[];
  lexed?: LexResult;
  directives: Directive[];
}

const indexes = new WeakMap<Zone, ZoneIndex>();

function indexOf(zone: Zone): ZoneIndex {
  let ix = indexes.get(zone);
  if (!ix) {
    // Generated records point at their $GENERATE line, so they are not "written" records.
    ix = {
      records: zone.records.filter((r) => r.file === 0 && !r.generated),
      directives: zone.directives.filter((d) => d.file === 0),
    };
    indexes.set(zone, ix);
  }
  return ix;
}

/** The records written in the document itself, in source order. */
export function documentRecords(zone: Zone): ZoneRecord[] {
  return indexOf(zone).records;
}

/** The directives written in the document itself, in source order. */
export function documentDirectives(zone: Zone): Directive[] {
  return indexOf(zone).directives;
}

/** The lexer's view of the document text (computed once per zone). */
export function lexOf(zone: Zone): LexResult {
  const ix = indexOf(zone);
  if (!ix.lexed) ix.lexed = lex(zone.text);
  return ix.lexed;
}

/** The record whose text covers `offset` (its end included, so a cursor just after it counts). */
export function recordAt(zone: Zone, offset: number): ZoneRecord | undefined {
  const list = indexOf(zone).records;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const r = list[found];
  return offset <= r.end ? r : undefined;
}

/** The directive whose text covers `offset` (end included). */
export function directiveAt(zone: Zone, offset: number): Directive | undefined {
  return indexOf(zone).directives.find((d) => d.start <= offset && offset <= d.end);
}

const within = (start: number, end: number, offset: number): boolean => start >= 0 && start <= offset && offset <= end;

/** Which part of `r` lies under `offset` (a token's end counts as inside it). */
export function partAt(r: ZoneRecord, offset: number): RecordPart | undefined {
  if (within(r.ownerStart, r.ownerEnd, offset)) return { kind: 'owner', start: r.ownerStart, end: r.ownerEnd };
  if (within(r.ttlStart, r.ttlEnd, offset)) return { kind: 'ttl', start: r.ttlStart, end: r.ttlEnd };
  if (within(r.classStart, r.classEnd, offset)) return { kind: 'class', start: r.classStart, end: r.classEnd };
  if (within(r.typeStart, r.typeEnd, offset)) return { kind: 'type', start: r.typeStart, end: r.typeEnd };
  // Decoded `\#` rdata gives every field the whole rdata range: those are not told apart.
  if (r.generic) return undefined;
  for (let i = 0; i < r.rdata.length; i++) {
    const f = r.rdata[i];
    if (within(f.start, f.end, offset) && f.end > f.start) return { kind: 'field', start: f.start, end: f.end, field: f, index: i };
  }
  return undefined;
}

/** Runs of records with the same owner (see OwnerGroup), computed once per zone. */
export function ownerGroups(zone: Zone): OwnerGroup[] {
  const ix = indexOf(zone);
  if (ix.groups) return ix.groups;
  const groups: OwnerGroup[] = [];
  let d = 0;
  const dirs = ix.directives;
  for (const r of ix.records) {
    let directiveBetween = false;
    while (d < dirs.length && dirs[d].start < r.start) {
      directiveBetween = true;
      d++;
    }
    const last = groups[groups.length - 1];
    if (last && last.owner === r.owner && !directiveBetween) {
      last.records.push(r);
      last.end = r.end;
    } else {
      groups.push({ owner: r.owner, records: [r], start: r.start, end: r.end });
    }
  }
  ix.groups = groups;
  return groups;
}

/** The owner group holding `r`. */
export function groupOf(zone: Zone, r: ZoneRecord): OwnerGroup | undefined {
  const groups = ownerGroups(zone);
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid];
    if (r.start < g.start) hi = mid - 1;
    else if (r.start > g.end) lo = mid + 1;
    else return g;
  }
  return undefined;
}

/** A character-string list field's strings, when `r` is a TXT (or SPF-type) record. */
export function txtStrings(r: ZoneRecord): CharString[] | undefined {
  if ((r.type !== 'TXT' && r.type !== 'SPF') || !r.valid) return undefined;
  const f = r.rdata.find((x) => x.name === 'strings');
  return f && Array.isArray(f.value) && (f.value.length === 0 || typeof f.value[0] === 'object') ? (f.value as CharString[]) : undefined;
}

/** Presentation of one parsed field value (character-strings quoted again). */
export function fieldText(f: RdataField): string {
  const v = f.value;
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return (v as (string | CharString)[]).map((x) => (typeof x === 'string' ? x : quote(x.value))).join(' ');
  return quote(v.value);
}

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

/** A record's rdata in one line, from the parsed values (or the source when it did not parse). */
export function rdataText(zone: Zone, r: ZoneRecord, max = 80): string {
  let text: string;
  if (r.valid && r.rdata.length > 0 && !r.generic) text = r.rdata.map(fieldText).join(' ');
  // Comments go without the blanks before them: those merge into one space below anyway, and
  // `\s*;` would rescan a long run of blanks from each of its characters (quadratic).
  else text = (zone.files[r.file]?.text ?? '').slice(r.rdataStart, r.rdataEnd).replace(/;[^\n]*/g, '').replace(/[()\s]+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The origin in force at `offset`: the zone's, changed by each `$ORIGIN` of the document before it. */
export function originAt(zone: Zone, offset: number): string | null {
  let origin = zone.origin;
  for (const d of indexOf(zone).directives) {
    if (d.start >= offset) break;
    if (d.name === '$ORIGIN' && d.args.length === 1) {
      const r = parseName(d.args[0].text, origin);
      if (!r.error) origin = r.name;
    }
  }
  return origin;
}
