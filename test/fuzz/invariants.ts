/**
 * Checks shared by the property tests: every range a feature returns lies inside the text it
 * points into, and a record-level fingerprint of a zone (what it means, not where it is written)
 * to compare a zone before and after formatting.
 */
import assert from 'node:assert/strict';
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneDiagnostic, ZoneRecord } from '../../server/src/language/model/types';
import type { FieldValue } from '../../server/src/language/rrtypes/spec';
import { allRules } from '../../server/src/language/checks';

/** A short, printable form of a failing input for assertion messages. */
export function show(text: string, max = 300): string {
  const s = JSON.stringify(text);
  return s.length > max ? `${s.slice(0, max)}… (${text.length} chars)` : s;
}

export function assertRangeInside(range: { start: number; end: number }, length: number, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: non-integer range ${JSON.stringify(range)}`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= length, `${what}: range [${range.start}, ${range.end}) outside [0, ${length}]`);
}

/** Diagnostic ranges (and related ranges) inside the file they name. */
export function assertDiagnosticsInside(zone: Zone, diagnostics: readonly ZoneDiagnostic[]): void {
  for (const d of diagnostics) {
    const file = zone.files[d.file];
    assert.ok(file, `${d.code}: file index ${d.file} of ${zone.files.length}`);
    assertRangeInside(d, file.text.length, `${d.code} "${d.message}"`);
    for (const r of d.related ?? []) {
      const rf = zone.files[r.file];
      assert.ok(rf, `${d.code} related: file index ${r.file}`);
      assertRangeInside(r, rf.text.length, `${d.code} related "${r.message}"`);
    }
  }
}

/** Record, directive and comment ranges of the parse inside their files. */
export function assertModelInside(zone: Zone): void {
  const len = (file: number) => zone.files[file]?.text.length ?? -1;
  for (const r of zone.records) {
    assert.ok(len(r.file) >= 0, `record of unknown file ${r.file}`);
    assertRangeInside(r, len(r.file), `record ${r.owner} ${r.type}`);
    if (r.typeStart >= 0) assertRangeInside({ start: r.typeStart, end: r.typeEnd }, len(r.file), `type of ${r.owner}`);
  }
  for (const d of zone.directives) assertRangeInside(d, len(d.file), `directive ${d.name}`);
  for (let c = 0; c < zone.parse.commentCount; c++) {
    assertRangeInside({ start: zone.parse.comments[2 * c], end: zone.parse.comments[2 * c + 1] }, zone.text.length, 'comment');
  }
}

const knownIds = new Set(allRules.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** Every finding names a registered rule (so it has a setting and a docs page) and a severity. */
export function assertKnownCodes(diagnostics: readonly ZoneDiagnostic[]): void {
  for (const d of diagnostics) {
    assert.ok(knownIds.has(d.code), `unregistered diagnostic code ${d.code}: ${d.message}`);
    assert.ok(SEVERITIES.has(d.severity), `${d.code}: severity ${d.severity}`);
    assert.equal(typeof d.message, 'string');
    assert.ok(d.message.length > 0, `${d.code}: empty message`);
  }
}

const syntaxIds = new Set(allRules.filter((r) => r.stage === 'syntax').map((r) => r.id));

/** How many findings of each syntax-stage id (what the parser reports). */
export function syntaxCounts(diagnostics: readonly ZoneDiagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) if (syntaxIds.has(d.code) && d.code !== 'large-zone' && d.severity === 'error') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

/** Ids whose count grew from `before` to `after`. */
export function grownCodes(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code, n]) => `${code} ${before.get(code) ?? 0} -> ${n}`);
}

/** A field value without its positions. */
export function valueKey(v: FieldValue): unknown {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === 'string' ? x : (x as { value: string }).value));
  return v.value;
}

/** What a record means: owner, TTL, class, type, rdata values, validity; no positions. */
export function recordMeaning(r: ZoneRecord, withTtl = true): string {
  return meaning(r, withTtl);
}

function meaning(r: ZoneRecord, withTtl: boolean): string {
  return JSON.stringify([r.owner, withTtl ? r.ttl : null, r.class, r.type, r.valid, r.generated, r.rdata.map((f) => [f.name, valueKey(f.value)])]);
}

/** The records of a zone as a sorted list of meanings (a multiset). */
export function zoneMeaning(zone: Zone): string[] {
  return zone.records.map((r) => recordMeaning(r)).sort();
}

/**
 * Records of the document that no edit touches must survive the edits with the same meaning
 * (owner, TTL, class, type, data): a fix may change what it edits, never a neighbour, for example
 * through the owner or TTL a following line inherits. The exception is an edit that writes a
 * `$TTL` directive, whose purpose is to give the records after it a TTL: then TTLs are not
 * compared. Returns the meanings that went missing.
 */
export function lostUntouchedRecords(before: Zone, after: Zone, edits: readonly { start: number; end: number; newText: string; file?: number; uri?: string }[]): string[] {
  const own = edits.filter((e) => (e.file ?? 0) === 0 && e.uri === undefined);
  const withTtl = !own.some((e) => /\$TTL/i.test(e.newText));
  const recordMeaning = (r: ZoneRecord) => meaning(r, withTtl);
  const touched = (r: ZoneRecord) => own.some((e) => e.start <= r.end && r.start <= e.end);
  const remaining = new Map<string, number>();
  for (const r of after.records) if (r.file === 0) remaining.set(recordMeaning(r), (remaining.get(recordMeaning(r)) ?? 0) + 1);
  const lost: string[] = [];
  for (const r of before.records) {
    if (r.file !== 0 || touched(r)) continue;
    const m = recordMeaning(r);
    const n = remaining.get(m) ?? 0;
    if (n === 0) lost.push(m);
    else remaining.set(m, n - 1);
  }
  return lost;
}
