/**
 * Formatting on arbitrary documents, under any options: the edits lie inside the text and do not
 * overlap, the formatted text holds the same records (owner, TTL, class, type, data, validity)
 * and the same parse findings, and formatting it again changes nothing. Range formatting keeps
 * the records too.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import { formatDocument, applyTextEdits, type FormatOptions } from '../../server/src/language/features/format/format';
import { editsOverlap } from '../../server/src/language/features/codeActions';
import type { TextEdit } from '../../server/src/language/checks/rule';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { assertRangeInside, show, zoneMeaning } from './invariants';

const optionsArb: fc.Arbitrary<FormatOptions> = fc.record(
  {
    columns: fc.oneof(fc.constant<'auto'>('auto'), fc.record({ owner: fc.nat(40), ttl: fc.nat(12), class: fc.nat(6), type: fc.nat(12) }, { requiredKeys: [] })),
    maxOwnerWidth: fc.nat(60),
    ttl: fc.constantFrom<'keep' | 'explicit'>('keep', 'explicit'),
    class: fc.constantFrom<'keep' | 'explicit'>('keep', 'explicit'),
    useTabs: fc.boolean(),
    tabSize: fc.integer({ min: 1, max: 8 }),
  },
  { requiredKeys: [] },
);

const parse = (text: string) => parseDocument({ text, origin: ORIGIN, fileName: 'file:///zones/example.com.zone' });

/** Codes of the parse findings, as a sorted list (positions move, the findings must not). */
const findingCodes = (text: string) => parse(text).parseDiagnostics.map((d) => d.code).sort();

function assertEditsSane(edits: readonly TextEdit[], length: number, context: string): void {
  for (let i = 0; i < edits.length; i++) {
    assertRangeInside(edits[i], length, `${context}: format edit`);
    for (let j = 0; j < i; j++) assert.ok(!editsOverlap(edits[j], edits[i]) || edits[j].start === edits[j].end, `${context}: overlapping format edits ${JSON.stringify([edits[j], edits[i]])}`);
  }
}

describe('formatting arbitrary documents', () => {
  test('keeps every record and finding, and is idempotent', () => {
    fc.assert(
      fc.property(anyZoneText(25), optionsArb, (text, options) => {
        const zone = parse(text);
        const edits = formatDocument(zone, options);
        assertEditsSane(edits, text.length, show(text));
        const formatted = applyTextEdits(text, edits);
        const context = `options ${JSON.stringify(options)} on ${show(text)} -> ${show(formatted)}`;
        assert.deepEqual(zoneMeaning(parse(formatted)), zoneMeaning(zone), `records changed: ${context}`);
        assert.deepEqual(findingCodes(formatted), findingCodes(text), `parse findings changed: ${context}`);
        const again = formatDocument(parse(formatted), options);
        assert.equal(applyTextEdits(formatted, again), formatted, `not idempotent: ${context}`);
      }),
      fuzzParams(600),
    );
  });

  test('range formatting keeps every record', () => {
    fc.assert(
      fc.property(anyZoneText(25), fc.nat(), fc.nat(), (text, a, b) => {
        const zone = parse(text);
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        const edits = formatDocument(zone, {}, { start, end });
        assertEditsSane(edits, text.length, show(text));
        const formatted = applyTextEdits(text, edits);
        assert.deepEqual(zoneMeaning(parse(formatted)), zoneMeaning(zone), `range [${start}, ${end}) changed records: ${show(text)} -> ${show(formatted)}`);
      }),
      fuzzParams(400),
    );
  });
});
