/**
 * The source actions on arbitrary documents (lone CRs, parentheses, comments, broken lines), where
 * test/features/sourceActions.test.ts holds them to the examples and the corpus: Sort records
 * keeps every record, adds no finding of the parser and is idempotent; Bump SOA serial changes
 * the serial and nothing else.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { sortRecords } from '../../server/src/language/features/sortRecords';
import { bumpSerial, soaSerial } from '../../server/src/language/features/serial';
import type { Zone } from '../../server/src/language/model/zone';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { grownCodes, show, syntaxCounts, zoneMeaning } from './invariants';

const parse = (text: string): Zone => parseDocument({ text, origin: ORIGIN, fileName: 'file:///zones/example.com.zone' });
const noNewSyntaxFindings = (before: Zone, after: Zone, context: string) =>
  assert.deepEqual(grownCodes(syntaxCounts(before.parseDiagnostics), syntaxCounts(after.parseDiagnostics)), [], context);

describe('source actions on arbitrary documents', () => {
  test('Sort records keeps every record, adds no parse finding, and a second sort changes nothing', () => {
    let sorted = 0;
    fc.assert(
      fc.property(anyZoneText(25, false), (text) => {
        const zone = parse(text);
        const edit = sortRecords(zone);
        if (!edit) return;
        sorted++;
        const out = applyEdits(text, [edit]);
        const after = parse(out);
        const context = `sorting ${show(text)} gave ${show(out)}`;
        assert.deepEqual(zoneMeaning(after), zoneMeaning(zone), context);
        noNewSyntaxFindings(zone, after, context);
        const again = sortRecords(after);
        assert.ok(again === null || applyEdits(out, [again]) === out, `not idempotent: ${context}`);
      }),
      fuzzParams(400),
    );
    assert.ok(sorted > 0, 'some document was sorted');
  });

  test('Bump SOA serial changes the serial and nothing else', () => {
    let bumped = 0;
    const today = new Date(Date.UTC(2026, 10, 28));
    fc.assert(
      fc.property(anyZoneText(25, false), (text) => {
        const zone = parse(text);
        const bump = bumpSerial(zone, today);
        if (!bump) return;
        bumped++;
        const out = applyEdits(text, [bump.edit]);
        const after = parse(out);
        const context = `bumping ${show(text)} gave ${show(out)}`;
        assert.equal(soaSerial(after), bump.newSerial, context);
        assert.ok(bump.newSerial > bump.oldSerial, context);
        const withoutSerial = (z: Zone) => zoneMeaning(z).map((m) => m.replace(/\["serial",\d+\]/, '["serial"]'));
        assert.deepEqual(withoutSerial(after), withoutSerial(zone), context);
        noNewSyntaxFindings(zone, after, context);
      }),
      fuzzParams(400),
    );
    assert.ok(bumped > 0, 'some serial was bumped');
  });
});
