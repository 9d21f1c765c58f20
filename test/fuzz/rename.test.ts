/**
 * Rename on arbitrary documents changes the name and nothing else: after the edits, the zone has
 * the records it had, with the old name replaced by the new one wherever it was an owner or a
 * name field, and the parser finds nothing new. (test/fuzz/features.test.ts holds the edits to
 * the documents' bounds; this holds them to their meaning.)
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, Workspace } from '../../server/src/language/languageService';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { renameAt } from '../../server/src/language/features/rename';
import { nameAt } from '../../server/src/language/features/nameAt';
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneRecord } from '../../server/src/language/model/types';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { grownCodes, show, syntaxCounts, valueKey } from './invariants';

const SELF = 'file:///zones/example.com.zone';
const parse = (text: string): Zone => parseDocument({ text, origin: ORIGIN, fileName: SELF });

/** A record's meaning with `from` read as `to` (TXT data left out: SPF domains in it are renamed too). */
function meaningAfterRename(r: ZoneRecord, from: string, to: string): string {
  const name = (n: unknown) => (n === from ? to : n);
  const data = r.type === 'TXT' || r.type === 'SPF' ? '*' : r.rdata.map((f) => [f.name, name(valueKey(f.value))]);
  return JSON.stringify([name(r.owner), r.ttl, r.class, r.type, r.valid, r.generated, data]);
}

const sorted = (zone: Zone, from: string, to: string) => zone.records.filter((r) => r.file === 0).map((r) => meaningAfterRename(r, from, to)).sort();

describe('rename on arbitrary documents', () => {
  test('replaces the name wherever it stands and changes nothing else', () => {
    let renamed = 0;
    fc.assert(
      fc.property(anyZoneText(20, false), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.constantFrom('renamed', 'x.y', 'new.example.com.', 'elsewhere.net.'), (text, picks, typed) => {
        const zone = parse(text);
        const ws = new Workspace();
        ws.set(SELF, zone);
        for (const pick of picks) {
          const offset = pick % (text.length + 1);
          const r = renameAt(zone, offset, typed, ws, SELF);
          if ('error' in r || r.edits.length === 0) continue;
          const from = nameAt(zone, offset)!.name;
          const to = parse(applyEdits(text, r.edits));
          renamed++;
          const context = `renaming ${from} to ${typed} at ${offset} of ${show(text)}`;
          // Rename moves no line: the record that had the old name as owner has the new one in its place.
          const target = to.records[zone.records.findIndex((x) => x.owner === from)]?.owner;
          assert.ok(target !== undefined && target !== from && !zone.has(target), `${context}: became ${target}`);
          assert.deepEqual(sorted(to, '\0', '\0'), sorted(zone, from, target), context);
          assert.deepEqual(grownCodes(syntaxCounts(zone.parseDiagnostics), syntaxCounts(to.parseDiagnostics)), [], context);
        }
      }),
      fuzzParams(300, 2),
    );
    assert.ok(renamed > 0);
  });
});
