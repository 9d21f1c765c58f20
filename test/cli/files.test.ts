import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles, displayPath, isZoneFileName, looksLikeZone, readSourceText } from '../../server/src/cli/files';
import { CliError } from '../../server/src/cli/io';
import { cleanup, tempTree } from './helpers';

describe('zone file recognition', () => {
  test('by name', () => {
    for (const yes of ['example.com.zone', 'x.DNS', 'db.example.com', 'db.192', '2.0.192.in-addr.arpa', 'x.rev']) assert.equal(isZoneFileName(yes), true, yes);
    for (const no of ['zone', 'example.txt', 'adb.example', 'example.zone.bak', 'README.md']) assert.equal(isZoneFileName(no), false, no);
  });

  test('by its first significant lines', () => {
    assert.equal(looksLikeZone('; comment\n\n$ORIGIN example.com.\n'), true);
    assert.equal(looksLikeZone('$TTL 1h\n'), true);
    assert.equal(looksLikeZone('example.com. 3600 IN SOA ns1 host 1 2 3 4 5\n'), true);
    assert.equal(looksLikeZone('@ IN SOA ns1 host ( 1 2 3 4 5 )\n'), true);
    assert.equal(looksLikeZone('\uFEFF$ORIGIN example.com.\n'), true);
    assert.equal(looksLikeZone('# README\nSome text about SOA records\n'), false);
    assert.equal(looksLikeZone('a\nb\nc\nd\ne\n$ORIGIN late.\n'), false, 'only the first lines count');
    assert.equal(looksLikeZone('$ORIGIN x.\0binary'), false);
  });
});

describe('discoverFiles', () => {
  const dir = tempTree({
    'b.zone': '$TTL 1h\n',
    'a/db.example.net': 'x',
    'a/notes.txt': 'nothing to see',
    'a/sniffed': '; no extension\n$ORIGIN sniffed.example.\n',
    'node_modules/pkg/x.zone': '$TTL 1h\n',
    '.git/y.zone': '$TTL 1h\n',
    '.hidden/z.zone': '$TTL 1h\n',
    'other/c.rev': 'x',
  });
  after(() => cleanup(dir));

  test('walks directories, skips node_modules and dot-directories, sorts', () => {
    const { files, roots } = discoverFiles(['.'], dir);
    assert.deepEqual(
      files.map((f) => path.relative(dir, f.path)),
      ['a/db.example.net', 'a/sniffed', 'b.zone', 'other/c.rev'].map((p) => p.split('/').join(path.sep)),
    );
    assert.ok(files.every((f) => !f.explicit));
    assert.deepEqual(roots, [dir]);
  });

  test('a file named explicitly is taken whatever its name, once, and marks its directory as a root', () => {
    const { files, roots } = discoverFiles(['a/notes.txt', 'a', 'a/notes.txt'], dir);
    assert.deepEqual(files.map((f) => [path.basename(f.path), f.explicit]), [
      ['db.example.net', false],
      ['notes.txt', true],
      ['sniffed', false],
    ]);
    assert.deepEqual(roots, [path.join(dir, 'a')]);
  });

  test('missing paths and non-regular files are listed in one error', () => {
    assert.throws(
      () => discoverFiles(['missing.zone', '/dev/null', 'b.zone'], dir),
      (err: unknown) => err instanceof CliError && !err.usage && /missing\.zone: no such file or directory/.test(err.message) && /\/dev\/null: not a regular file or directory/.test(err.message),
    );
  });
});

describe('readSourceText', () => {
  const dir = tempTree({ 'z.zone': '$TTL 1h\n' });
  after(() => cleanup(dir));

  test('reads a regular file', () => {
    assert.deepEqual(readSourceText(path.join(dir, 'z.zone'), 'z.zone'), { text: '$TTL 1h\n' });
  });

  test('refuses directories, devices and files over the limit', () => {
    assert.throws(() => readSourceText(dir, 'd'), /d: not a regular file/);
    assert.throws(() => readSourceText('/dev/zero', '/dev/zero'), /not a regular file/);
    assert.throws(() => readSourceText(path.join(dir, 'z.zone'), 'z.zone', 4), /8 bytes, over the 4-byte/);
    assert.throws(() => readSourceText(path.join(dir, 'nope'), 'nope'), /nope: no such file or directory/);
  });

  test('display paths are relative inside the working directory, absolute outside', () => {
    assert.equal(displayPath(path.join(dir, 'z.zone'), dir), 'z.zone');
    assert.equal(displayPath('/elsewhere/z.zone', dir), '/elsewhere/z.zone');
    assert.ok(fs.existsSync(dir));
  });
});
