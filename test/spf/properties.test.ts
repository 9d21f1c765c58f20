/**
 * Properties of the parser on arbitrary input (fast-check, fixed seed): it never throws, every
 * range stays inside the record's strings, and how the text is split into character-strings
 * changes no verdict.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSpf } from '../../server/src/language/spf/parse';
import { spfHoverAt } from '../../server/src/language/spf/hover';
import { spfLookupTerms } from '../../server/src/language/spf/lookups';
import { randomTerm, seededRandom } from './recordGenerator';
import { slice, txtDoc } from './helpers';

const SEED = 4408;
const RUNS = 400;

/** Record-like text: `v=spf1` followed by terms built from SPF-ish fragments and arbitrary characters. */
const recordText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((n) => randomTerm(seededRandom(n))),
      fc.string({ unit: fc.constantFrom(...'a:/.=%{}-+~?!_0123456789 xyz'.split('')), maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => 'v=spf1 ' + parts.join(' '));

/** Cut points (fractions of the length) that split a text into character-strings. */
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 });

function splitAt(text: string, fractions: number[]): string[] {
  const points = [...new Set(fractions.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

describe('parser properties', () => {
  test('never throws; ranges are ordered and inside the strings', () => {
    fc.assert(
      fc.property(recordText, cuts, (text, fractions) => {
        const doc = txtDoc(splitAt(text, fractions));
        const record = parseSpf(doc.strings);
        const first = doc.strings[0].start;
        const last = doc.strings[doc.strings.length - 1].end;
        for (const e of record.errors) {
          assert.ok(first <= e.start && e.start < e.end && e.end <= last, `${JSON.stringify(e)} in ${doc.text}`);
        }
        for (let i = 1; i < record.errors.length; i++) assert.ok(record.errors[i - 1].start <= record.errors[i].start);
        for (let i = 0; i < record.terms.length; i++) {
          const t = record.terms[i];
          assert.ok(first <= t.range.start && t.range.start < t.range.end && t.range.end <= last);
          if (i > 0) assert.ok(record.terms[i - 1].range.end < t.range.start);
          assert.equal(t.valid, !record.errors.some((e) => e.termIndex === i));
        }
        spfLookupTerms(record);
        for (let offset = 0; offset <= doc.text.length; offset += 3) spfHoverAt(record, offset);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('splitting the text into strings changes no verdict', () => {
    fc.assert(
      fc.property(recordText, cuts, (text, fractions) => {
        const whole = parseSpf(txtDoc([text]).strings);
        const split = parseSpf(txtDoc(splitAt(text, fractions)).strings);
        assert.deepEqual(split.errors.map((e) => [e.code, e.termIndex]), whole.errors.map((e) => [e.code, e.termIndex]));
        assert.deepEqual(
          split.terms.map((t) => [t.kind, t.name, t.qualifier, t.domainSpec, t.ip, t.cidr4, t.cidr6]),
          whole.terms.map((t) => [t.kind, t.name, t.qualifier, t.domainSpec, t.ip, t.cidr4, t.cidr6]),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('in a single unescaped string, a term range is exactly the term text', () => {
    fc.assert(
      fc.property(recordText, (text) => {
        fc.pre(/^[\x20-\x7e]*$/.test(text) && !/["\\]/.test(text));
        const doc = txtDoc([text]);
        for (const t of parseSpf(doc.strings).terms) assert.equal(slice(doc, t.range), t.text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
