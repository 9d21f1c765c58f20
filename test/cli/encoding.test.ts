/**
 * Zone files saved as UTF-16 (with or without a byte-order mark, either byte order): decoded as
 * what they are, checked record by record, reported once as file-encoding (BIND reads only
 * ASCII/UTF-8, checked here with named-checkzone when it is installed), as the main file and as
 * an included one; `--fix` writes them back in their own encoding.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { decodeZoneFile, encodeZoneFile, readZoneFile, type ZoneFileEncoding } from '../../server/src/node/zoneFileBytes';
import { cleanup, parseJsonOutput, tempTree, zonelint } from './helpers';
import { onPath } from '../bench/tools';

const ZONE = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.1\ncafé IN A 192.0.2.2\nwww IN CNAME ns1\nwww IN A 192.0.2.3\n';
const ENCODINGS: ZoneFileEncoding[] = [
  { name: 'UTF-16LE', bom: true },
  { name: 'UTF-16BE', bom: true },
  { name: 'UTF-16LE', bom: false },
  { name: 'UTF-16BE', bom: false },
];

describe('decodeZoneFile', () => {
  test('UTF-8 and ASCII stay as they are, with no encoding named', () => {
    assert.deepEqual(decodeZoneFile(Buffer.from(ZONE, 'utf8')), { text: ZONE });
    assert.deepEqual(decodeZoneFile(Buffer.from('')), { text: '' });
  });

  for (const e of ENCODINGS) {
    test(`${e.name} ${e.bom ? 'with' : 'without'} a byte-order mark round-trips and is named`, () => {
      const bytes = encodeZoneFile(ZONE, e);
      assert.equal(bytes.length, (ZONE.length + (e.bom ? 1 : 0)) * 2);
      assert.deepEqual(decodeZoneFile(bytes), { text: ZONE, encoding: e });
    });
  }

  test('readZoneFile reads the bytes only when the UTF-8 text shows signs of UTF-16', () => {
    for (const [bytes, expectRead] of [
      [Buffer.from(ZONE, 'utf8'), false],
      [encodeZoneFile(ZONE, { name: 'UTF-16LE', bom: true }), true],
      [encodeZoneFile(ZONE, { name: 'UTF-16BE', bom: false }), true],
    ] as const) {
      let read = 0;
      const got = readZoneFile({ utf8: () => bytes.toString('utf8'), bytes: () => (read++, bytes) });
      assert.equal(got.text, ZONE);
      assert.equal(read, expectRead ? 1 : 0);
    }
  });

  test('a UTF-8 file with a few NULs is not taken for UTF-16', () => {
    const text = ZONE.replace('café', 'caf\u0000');
    assert.equal(decodeZoneFile(Buffer.from(text, 'utf8')).encoding, undefined);
  });
});

describe('zonelint on a UTF-16 zone file', () => {
  const dir = tempTree({});
  after(() => cleanup(dir));

  for (const e of ENCODINGS) {
    test(`${e.name} ${e.bom ? 'with' : 'without'} a byte-order mark: one file-encoding error, and the records checked`, () => {
      const file = path.join(dir, `${e.name}-${e.bom}.zone`);
      fs.writeFileSync(file, encodeZoneFile(ZONE, e));
      const r = zonelint(['--format', 'json', file]);
      assert.equal(r.code, 1, r.stderr);
      const findings = parseJsonOutput(r.stdout);
      const codes = findings.map((f) => f.rule).sort();
      assert.deepEqual(codes.filter((c) => c === 'file-encoding'), ['file-encoding']);
      assert.ok(codes.includes('cname-and-other-data'), `the records were read: ${codes}`);
      assert.ok(!codes.includes('name-invalid') && !codes.includes('syntax-error'), codes.join(' '));
      const encoding = findings.find((f) => f.rule === 'file-encoding')!;
      assert.match(encoding.message, new RegExp(`This file is ${e.name} \\(${e.bom ? 'with a' : 'no'} byte-order mark\\)`));
      assert.equal(encoding.line, 1);
    });
  }

  test('an included UTF-16 file is named at its $INCLUDE', () => {
    const sub = path.join(dir, 'inc');
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, 'hosts.inc'), encodeZoneFile('host IN A 192.0.2.9\n', { name: 'UTF-16LE', bom: true }));
    fs.writeFileSync(path.join(sub, 'main.zone'), '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.1\n$INCLUDE hosts.inc\n');
    const r = zonelint(['--format', 'json', path.join(sub, 'main.zone')]);
    const f = parseJsonOutput(r.stdout).filter((x) => x.rule === 'file-encoding');
    assert.equal(f.length, 1, r.stdout);
    assert.equal(f[0].line, 6);
    assert.match(f[0].message, /The included file .*hosts\.inc is UTF-16LE/);
  });

  test('--fix writes the file back in its own encoding', () => {
    const file = path.join(dir, 'fix.zone');
    const e: ZoneFileEncoding = { name: 'UTF-16BE', bom: true };
    // A duplicate record: the fix deletes one copy.
    fs.writeFileSync(file, encodeZoneFile(ZONE + 'ns1 IN A 192.0.2.1\n', e));
    zonelint(['--fix', file]);
    const back = decodeZoneFile(fs.readFileSync(file));
    assert.deepEqual(back.encoding, e);
    assert.equal(back.text, ZONE);
  });

  test('named-checkzone refuses the UTF-16 file and loads the same text as UTF-8 (why the rule is an error)', { skip: !onPath('named-checkzone') && 'named-checkzone not installed' }, () => {
    const utf16 = path.join(dir, 'bind-utf16.zone');
    const utf8 = path.join(dir, 'bind-utf8.zone');
    const clean = ZONE.replace('www IN A 192.0.2.3\n', '');
    fs.writeFileSync(utf16, encodeZoneFile(clean, { name: 'UTF-16LE', bom: true }));
    fs.writeFileSync(utf8, clean);
    assert.notEqual(spawnSync('named-checkzone', ['example.com', utf16]).status, 0);
    assert.equal(spawnSync('named-checkzone', ['example.com', utf8]).status, 0);
  });
});
