/**
 * The two edits every record-adding and record-removing fix is built on, checked on every record
 * of arbitrary documents (the fix properties only meet the records some rule's fix is about):
 * deleting a record (deleteRecordEdit) removes that record and changes no other, and a line
 * inserted after a record (insertRecordLine) adds that record and changes no other. Neither adds
 * a syntax error.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { deleteRecordEdit } from '../../server/src/language/checks/integrity/deleteRecord';
import { insertRecordLine } from '../../server/src/language/checks/mail/insertRecord';
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneRecord } from '../../server/src/language/model/types';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { grownCodes, recordMeaning, show, syntaxCounts } from './invariants';

const parse = (text: string): Zone => parseDocument({ text, origin: ORIGIN, fileName: 'file:///zones/example.com.zone' });

/** `after`'s records as a multiset, minus `before`'s: what was added (positive) and removed (negative). */
function recordDelta(before: Zone, after: Zone): Map<string, number> {
  const delta = new Map<string, number>();
  const add = (r: ZoneRecord, n: number) => {
    if (r.file !== 0) return;
    const m = recordMeaning(r);
    delta.set(m, (delta.get(m) ?? 0) + n);
    if (delta.get(m) === 0) delta.delete(m);
  };
  for (const r of after.records) add(r, 1);
  for (const r of before.records) add(r, -1);
  return delta;
}

describe('record edits on arbitrary documents', () => {
  test('deleting a record removes it and nothing else', () => {
    let deleted = 0;
    fc.assert(
      fc.property(anyZoneText(25, false), (text) => {
        const zone = parse(text);
        for (const r of zone.records) {
          const edit = deleteRecordEdit(zone, r);
          if (!edit) continue;
          deleted++;
          const after = parse(applyEdits(text, [edit]));
          const context = `deleting ${JSON.stringify(text.slice(r.start, r.end))} at ${r.start} of ${show(text)}`;
          assert.deepEqual([...recordDelta(zone, after)], [[recordMeaning(r), -1]], context);
          assert.deepEqual(grownCodes(syntaxCounts(zone.parseDiagnostics), syntaxCounts(after.parseDiagnostics)), [], context);
        }
      }),
      fuzzParams(300, 2),
    );
    assert.ok(deleted > 0);
  });

  test('a line inserted after a record adds that record and nothing else', () => {
    let inserted = 0;
    fc.assert(
      fc.property(anyZoneText(25, false), (text) => {
        const zone = parse(text);
        for (const r of zone.records) {
          if (r.file !== 0 || r.generated) continue;
          const edit = insertRecordLine(zone, `probe.${ORIGIN}`, 'IN TXT "probe"', r);
          inserted++;
          const after = parse(applyEdits(text, [edit]));
          const context = `inserting after ${JSON.stringify(text.slice(r.start, r.end))} at ${r.start} of ${show(text)}`;
          const delta = [...recordDelta(zone, after)];
          assert.equal(delta.length, 1, `${context}: ${JSON.stringify(delta)}`);
          const [meaning, count] = delta[0];
          assert.equal(count, 1, context);
          assert.match(meaning, /^\["probe\.example\.com\.",\d+,"\w+","TXT",true,false,/, context);
          assert.deepEqual(grownCodes(syntaxCounts(zone.parseDiagnostics), syntaxCounts(after.parseDiagnostics)), [], context);
        }
      }),
      fuzzParams(300, 2),
    );
    assert.ok(inserted > 0);
  });
});
