/**
 * Properties of parseDocument on arbitrary zone-like text: it never throws, every range it
 * reports (diagnostics, records, directives, comments) lies inside the text, and its time grows
 * linearly with the input. The hostile single cases live in test/parser/hostile.test.ts; this
 * file draws thousands of mixed ones.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import { anyZoneText, zoneText, ORIGIN } from './zoneText';
import { fuzzParams, FUZZ_SEED } from './config';
import { assertDiagnosticsInside, assertModelInside, show } from './invariants';
import { assertLinearGrowth, longestSamples } from './growth';

/** How the document is named: explicit origin, a file name to guess it from, or nothing. */
const naming = fc.constantFrom<{ origin?: string; fileName?: string }>(
  { origin: ORIGIN },
  { fileName: '/zones/example.com.zone' },
  { fileName: 'db.example.com' },
  { fileName: 'untitled:Untitled-1' },
  {},
);

describe('parseDocument on arbitrary text', () => {
  test('never throws, and every range lies inside the text', () => {
    fc.assert(
      fc.property(anyZoneText(), naming, (text, names) => {
        const zone = parseDocument({ text, ...names });
        assert.equal(zone.text, text, 'the model keeps the document text');
        assertDiagnosticsInside(zone, zone.parseDiagnostics);
        assertModelInside(zone);
        for (const d of zone.parseDiagnostics) assert.ok(d.file === 0, `${d.code} in file ${d.file} without includes: ${show(text)}`);
      }),
      fuzzParams(1500),
    );
  });

  test('random code units of any kind, lone surrogates included', () => {
    const units = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((cs) => String.fromCharCode(...cs));
    fc.assert(
      fc.property(units, (text) => {
        const zone = parseDocument({ text, origin: ORIGIN });
        assertDiagnosticsInside(zone, zone.parseDiagnostics);
        assertModelInside(zone);
      }),
      fuzzParams(1000),
    );
  });

  test('parse time grows linearly with the document (N copies vs 4N copies)', (t) => {
    // A few fixed documents from the generator, each repeated to ~40 KB and ~160 KB.
    const docs = longestSamples(zoneText({ maxLines: 40 }), FUZZ_SEED, 4);
    assert.ok(docs.length > 0);
    for (const doc of docs) {
      const copies = Math.max(1, Math.round(40_000 / doc.length));
      const g = assertLinearGrowth(`parse of ${show(doc, 80)}`, (n) => Array(n).fill(doc).join('\n'), (text) => parseDocument({ text, origin: ORIGIN }), copies);
      t.diagnostic(`${doc.length * copies} -> ${doc.length * copies * 4} chars: ${g.smallMs.toFixed(1)} -> ${g.largeMs.toFixed(1)} ms (x${g.ratio.toFixed(1)})`);
    }
  });
});
