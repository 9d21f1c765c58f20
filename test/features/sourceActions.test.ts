/**
 * Source actions: "Bump SOA serial" (date-aware, never backwards, refuses past 2^32-1) and "Sort
 * records" (apex and SOA first, canonical order, comments travel, refuses where moving text
 * would change meaning). Edits are applied and whole texts compared; sorted zones must parse to
 * the same record set.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { bumpSerial, isDateSerial, nextSerial } from '../../server/src/language/features/serial';
import { sortRecords } from '../../server/src/language/features/sortRecords';
import { compareCanonical } from '../../server/src/language/features/canonicalOrder';
import { sourceActions, BUMP_SERIAL_KIND, SORT_RECORDS_KIND } from '../../server/src/language/features/sourceActions';
import { REPO_ROOT, corpusFiles, recordKey, zoneOf } from './helpers';
import { parseDocument } from '../../server/src/language/languageService';

const TODAY = new Date(2026, 10, 27, 15, 30); // 27 November 2026, local time

function soaZone(serial: string, multiLine = false): string {
  return multiLine
    ? ['$TTL 1h', '@ IN SOA ns1 hostmaster (', `   ${serial} ; serial`, '   2h 1h 2w 1h )', '  IN NS ns1', 'ns1 IN A 192.0.2.1', ''].join('\n')
    : ['$TTL 1h', `@ IN SOA ns1 hostmaster ${serial} 2h 1h 2w 1h`, '@ IN NS ns1', 'ns1 IN A 192.0.2.1', ''].join('\n');
}

function bumped(text: string, today = TODAY): string | null {
  const bump = bumpSerial(zoneOf(text), today);
  return bump ? applyEdits(text, [bump.edit]) : null;
}

describe('bump SOA serial', () => {
  test('an old date serial moves to today with nn = 00', () => {
    assert.equal(bumped(soaZone('2024010105')), soaZone('2026112700'));
  });
  test('a serial already at today (or later today) goes up by one', () => {
    assert.equal(bumped(soaZone('2026112700')), soaZone('2026112701'));
    assert.equal(bumped(soaZone('2026112742')), soaZone('2026112743'));
  });
  test('a date serial in the future goes up by one, never back to today', () => {
    assert.equal(bumped(soaZone('2030010100')), soaZone('2030010101'));
  });
  test('a plain counter goes up by one', () => {
    assert.equal(bumped(soaZone('1')), soaZone('2'));
    assert.equal(bumped(soaZone('41')), soaZone('42'));
  });
  test('a serial inside parentheses on its own line is replaced in place, comment kept', () => {
    assert.equal(bumped(soaZone('2025123199', true)), soaZone('2026112700', true));
  });
  test('refuses to pass 2^32-1 and does nothing without an SOA', () => {
    assert.equal(bumped(soaZone('4294967295')), null);
    assert.equal(bumped(soaZone('4294967294')), soaZone('4294967295'));
    assert.equal(bumped(['$TTL 1h', 'www IN A 192.0.2.1', ''].join('\n')), null);
  });
  test('date detection and the next serial are monotonic', () => {
    assert.ok(isDateSerial(2024022900));
    assert.ok(!isDateSerial(2024130100));
    assert.ok(!isDateSerial(12345));
    for (const s of [0, 1, 1970010100, 2026112699, 2026112700, 2099123199, 3000000000]) {
      const n = nextSerial(s, TODAY);
      assert.ok(n !== undefined && n > s, `next of ${s}`);
    }
  });
  test('offered as a source action only when asked for', () => {
    const zone = zoneOf(soaZone('7'));
    assert.deepEqual(sourceActions(zone, TODAY, undefined), []);
    const actions = sourceActions(zone, TODAY, ['source']);
    assert.ok(actions.some((a) => a.kind === BUMP_SERIAL_KIND), 'the source prefix includes the bump');
    assert.ok(!actions.some((a) => a.kind === SORT_RECORDS_KIND), 'an already sorted zone offers no sort');
    const bump = sourceActions(zone, TODAY, [BUMP_SERIAL_KIND]);
    assert.equal(bump.length, 1);
    assert.equal(applyEdits(zone.text, bump[0].edits), soaZone('8'));
  });
});

function recordSet(text: string, origin = 'example.com.'): string[] {
  return parseDocument({ text, origin, fileName: 'test.zone' }).records.map(recordKey).sort();
}

function sorted(text: string): string | null {
  const edit = sortRecords(zoneOf(text));
  return edit ? applyEdits(text, [edit]) : null;
}

describe('sort records', () => {
  test('canonical order: apex first, then right-to-left label order, case-folded', () => {
    const names = ['b.example.com.', 'example.com.', 'A.example.com.', 'z.a.example.com.', '*.example.com.', 'a.example.com.', '\\001.example.com.'];
    assert.deepEqual([...names].sort(compareCanonical), ['example.com.', '\\001.example.com.', '*.example.com.', 'A.example.com.', 'a.example.com.', 'z.a.example.com.', 'b.example.com.']);
  });
  test('groups by owner with the SOA first, comments travelling with their record', () => {
    const text = [
      '; header comment',
      '$ORIGIN example.com.',
      '$TTL 1h',
      'www IN A 192.0.2.2 ; web',
      '; the zone itself',
      '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h',
      'mail IN A 192.0.2.25',
      '; name servers',
      '@ IN NS ns1',
      '  IN MX 10 mail',
      'ns1 IN A 192.0.2.1',
      'www IN AAAA 2001:db8::2',
      '',
    ].join('\n');
    const want = [
      '; header comment',
      '$ORIGIN example.com.',
      '$TTL 1h',
      '; the zone itself',
      '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h',
      '; name servers',
      '@ IN NS ns1',
      '  IN MX 10 mail',
      'mail IN A 192.0.2.25',
      'ns1 IN A 192.0.2.1',
      'www IN A 192.0.2.2 ; web',
      'www IN AAAA 2001:db8::2',
      '',
    ].join('\n');
    const got = sorted(text);
    assert.equal(got, want);
    assert.deepEqual(recordSet(got!), recordSet(text));
    assert.equal(sorted(want), null, 'already sorted: no action');
  });
  test('multi-line records move whole', () => {
    const text = ['$TTL 1h', 'b IN TXT ( "one"', '  "two" )', '@ IN SOA ns1 hostmaster (', '  1 2h 1h 2w 1h )', 'a IN A 192.0.2.1', ''].join('\n');
    const want = ['$TTL 1h', '@ IN SOA ns1 hostmaster (', '  1 2h 1h 2w 1h )', 'a IN A 192.0.2.1', 'b IN TXT ( "one"', '  "two" )', ''].join('\n');
    assert.equal(sorted(text), want);
    assert.deepEqual(recordSet(want), recordSet(text));
  });
  test('refuses when position carries meaning', () => {
    const base = ['$TTL 1h', '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h', 'b IN A 192.0.2.2', 'a IN A 192.0.2.1'];
    assert.notEqual(sorted([...base, ''].join('\n')), null, 'the plain zone is sortable');
    assert.equal(sorted([...base, '$ORIGIN sub.example.com.', 'c IN A 192.0.2.3', ''].join('\n')), null, '$ORIGIN change');
    assert.equal(sorted([...base, '$TTL 5m', 'c IN A 192.0.2.3', ''].join('\n')), null, '$TTL change');
    assert.equal(sorted([...base, '$GENERATE 1-3 h$ A 192.0.2.$', ''].join('\n')), null, '$GENERATE');
    assert.equal(sorted(['@ 3600 IN SOA ns1 hostmaster 1 2h 1h 2w 1h', 'b IN A 192.0.2.2', 'a IN A 192.0.2.1', ''].join('\n')), null, 'inherited TTL without $TTL');
    assert.equal(sorted(['$TTL 1h', '@ IN NS ns1', '  IN SOA ns1 hostmaster 1 2h 1h 2w 1h', ''].join('\n')), null, 'SOA with inherited owner cannot lead');
    assert.equal(sorted([...base, 'b 5m IN A 192.0.2.3', ''].join('\n')), null, 'one RRset written with two TTLs');
  });
  test('every example zone and corpus zone sorts to the same record set, idempotently', () => {
    const files: { file: string; origin: string }[] = fs
      .readdirSync(path.join(REPO_ROOT, 'examples'))
      .filter((f) => f.endsWith('.zone'))
      .map((f) => ({ file: path.join(REPO_ROOT, 'examples', f), origin: f.replace(/\.zone$/, '.') }));
    files.push(...corpusFiles());
    let changed = 0;
    for (const { file, origin } of files) {
      const text = fs.readFileSync(file, 'utf8');
      const zone = parseDocument({ text, origin, fileName: file });
      const edit = sortRecords(zone);
      if (!edit) continue;
      changed++;
      const after = applyEdits(text, [edit]);
      assert.deepEqual(recordSet(after, origin), zone.records.map(recordKey).sort(), file);
      assert.equal(sortRecords(parseDocument({ text: after, origin, fileName: file })), null, `sorting is idempotent: ${file}`);
    }
    assert.ok(files.length > 0);
    assert.ok(changed > 0, "some zone was actually reordered");
  });
});
