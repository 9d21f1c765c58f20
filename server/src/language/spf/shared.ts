/**
 * Parsing many SPF records that are written alike. Large zones repeat one policy on thousands
 * of names (`v=spf1 include:_spf.provider.example ~all`); parsing each copy costs far more than
 * copying the first result with its document ranges moved. Used while the SPF rules index a zone.
 */
import type { CharString } from '../text/charString';
import { parseSpf } from './parse';
import type { SpfHints, SpfRecord, SpfTerm } from './types';

/** Parses of one zone's SPF records, by how they are written (see `layoutKey`). */
export class SpfParseCache {
  private readonly parsed = new Map<string, { record: SpfRecord; start: number }>();

  /** parseSpf(strings), taken from an earlier record with the same strings laid out the same way when there is one. */
  parse(strings: readonly CharString[]): SpfRecord {
    const key = layoutKey(strings);
    if (key === undefined) return parseSpf(strings);
    const known = this.parsed.get(key);
    const copied = known && shifted(known.record, strings[0].start - known.start);
    if (copied) return copied;
    const record = parseSpf(strings);
    if (!known) this.parsed.set(key, { record, start: strings[0].start });
    return record;
  }
}

/**
 * What parseSpf's result depends on, apart from where the record starts: the values, their
 * quoting, and where each string starts relative to the first. Undefined when a string has
 * escapes (a `map`): its offsets do not simply move with the record, so it is parsed anew.
 */
function layoutKey(strings: readonly CharString[]): string | undefined {
  if (strings.length === 0) return undefined;
  const first = strings[0].start;
  let key = String(strings.length);
  for (const s of strings) {
    if (s.map) return undefined;
    key += `|${s.quoted ? 'q' : 'u'}${s.start - first}:${s.value.length}`;
  }
  for (const s of strings) key += '|' + s.value;
  return key;
}

/**
 * A copy of `record` with every document offset moved by `delta`. Generic on purpose, so that a
 * field added to the SPF types later is copied too: every own property named `start` or `end`
 * that holds a number is a document offset in SpfRecord (OffsetRange and SpfSyntaxError). The
 * hints name terms of the list: in the copy they name the copied terms. Nothing else is shared
 * in a parse, so the rest is copied as a tree. Undefined if the record holds anything but plain
 * objects, arrays and primitives.
 */
function shifted(record: SpfRecord, delta: number): SpfRecord | undefined {
  try {
    const terms = record.terms.map((t) => copy(t, delta) as SpfTerm);
    const out = {} as Record<string, unknown>;
    for (const k in record) {
      const v = (record as unknown as Record<string, unknown>)[k];
      if (k === 'terms') out[k] = terms;
      else if (k === 'hints') out[k] = copyHints(record.hints, record.terms, terms, delta);
      else out[k] = copy(v, delta);
    }
    return out as unknown as SpfRecord;
  } catch (e) {
    if (e === NOT_PLAIN) return undefined;
    throw e;
  }
}

/** The hints with each term they name replaced by its copy. */
function copyHints(hints: SpfHints, from: readonly SpfTerm[], to: readonly SpfTerm[], delta: number): SpfHints {
  const term = (v: unknown): unknown => {
    const i = from.indexOf(v as SpfTerm);
    return i >= 0 ? to[i] : copy(v, delta);
  };
  const out = {} as Record<string, unknown>;
  for (const k in hints) {
    const v = (hints as unknown as Record<string, unknown>)[k];
    out[k] = Array.isArray(v) ? v.map(term) : term(v);
  }
  return out as unknown as SpfHints;
}

const NOT_PLAIN = new Error('not a plain object');

function copy(value: unknown, delta: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], delta);
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    out[k] = (k === 'start' || k === 'end') && typeof v === 'number' ? v + delta : copy(v, delta);
  }
  return out;
}
