/**
 * Hostile input: huge lines, runaway parentheses and quotes, binary garbage, huge records and
 * expansions, include loops and files that are not files. Every case must come back with
 * diagnostics and without throwing; time is only checked for linear growth (input N vs 4N),
 * never against a wall-clock threshold.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument, type Zone } from '../../server/src/language/languageService';
import { fileIncludeReader } from '../oracle/includeReader';
import { HEAD } from './helpers';

function parseTimed(text: string, extra: Partial<Parameters<typeof parseDocument>[0]> = {}): { zone: Zone; ms: number } {
  const t0 = process.hrtime.bigint();
  const zone = parseDocument({ text, origin: 'example.com.', fileName: 'hostile.zone', ...extra });
  return { zone, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

/** Parse inputs of size N and 4N (best of two runs each) and require roughly linear growth. */
function assertLinear(make: (n: number) => string, n: number): Zone {
  const best = (text: string): { zone: Zone; ms: number } => {
    const a = parseTimed(text);
    const b = parseTimed(text);
    return a.ms <= b.ms ? a : b;
  };
  best(make(Math.max(1, n >> 4))); // warm up the JIT
  const small = best(make(n));
  const large = best(make(4 * n));
  const ratio = large.ms / Math.max(small.ms, 1);
  assert.ok(ratio < 10, `4x the input took ${ratio.toFixed(1)}x the time (${small.ms.toFixed(0)} ms -> ${large.ms.toFixed(0)} ms): not linear`);
  return large.zone;
}

const codes = (z: Zone): Set<string> => new Set(z.parseDiagnostics.map((d) => d.code));

describe('hostile input: size', () => {
  test('a 10 MB single line (one giant word) is reported, not fatal', () => {
    const { zone } = parseTimed('w'.repeat(10 * 1024 * 1024));
    assert.ok(zone.parseDiagnostics.length > 0);
    assert.equal(zone.records.length, 0);
  });

  test('a single line of many tokens grows linearly', () => {
    const zone = assertLinear((n) => 'x TXT ' + '"ab" '.repeat(n), 100_000);
    assert.equal(zone.records.length, 1);
  });

  test('100 000 records at one name, linear in the number of records', () => {
    const zone = assertLinear((n) => HEAD + 'many A 192.0.2.1\n' + '  A 192.0.2.2\n'.repeat(n), 25_000);
    assert.equal(zone.records.length, 3 + 1 + 100_000);
    assert.deepEqual(zone.parseDiagnostics, []);
  });

  test('a 64 KB TXT record: 255-octet strings load, one 64 KB string and rdata over 65535 octets do not', () => {
    const s255 = '"' + 'x'.repeat(255) + '"';
    const fits = parseTimed(`${HEAD}ok TXT ${Array(255).fill(s255).join(' ')}\n`).zone;
    assert.equal(fits.records[3].valid, true, fits.parseDiagnostics.map((d) => d.message).join('; '));
    const oneString = parseTimed(`${HEAD}big TXT "${'y'.repeat(65536)}"\n`).zone;
    // The string is too long for one character-string, and the rdata for one record.
    assert.deepEqual([...codes(oneString)].sort(), ['rdata-invalid', 'txt-string-too-long']);
    const tooMuch = parseTimed(`${HEAD}huge TXT ${Array(260).fill(s255).join(' ')}\n`).zone;
    assert.deepEqual([...codes(tooMuch)], ['rdata-invalid']);
  });

  test('a 100 000-step $GENERATE stops at the limit of 65536 with generate-invalid', () => {
    const text = `${HEAD}$GENERATE 1-100000 h$ A 10.0.$.1\n`;
    const { zone } = parseTimed(text);
    const gen = zone.parseDiagnostics.filter((d) => d.code === 'generate-invalid');
    assert.equal(gen.length, 1);
    assert.equal(text.slice(gen[0].start, gen[0].end), '1-100000');
    assert.equal(zone.records.filter((r) => r.generated).length, 65536);
  });
});

describe('hostile input: runaway syntax', () => {
  test('100 000 open parentheses on one line', () => {
    const zone = assertLinear((n) => `${HEAD}x A ${'('.repeat(n)} 192.0.2.1\nafter A 192.0.2.2\n`, 25_000);
    assert.ok(codes(zone).has('syntax-error'));
    // Warnings about nesting are capped, so the editor is not flooded.
    assert.ok(zone.parseDiagnostics.length <= 205, `${zone.parseDiagnostics.length} diagnostics`);
    assert.ok(zone.records.some((r) => r.owner === 'after.example.com.'));
  });

  test('100 000 open parentheses, one per line', () => {
    const zone = assertLinear((n) => `${HEAD}x TXT "a"\n${'(\n'.repeat(n)}after A 192.0.2.2\n`, 25_000);
    assert.ok(codes(zone).has('syntax-error'));
    assert.ok(zone.parseDiagnostics.length <= 500, `${zone.parseDiagnostics.length} diagnostics`);
    assert.ok(zone.records.some((r) => r.owner === 'after.example.com.'));
  });

  test('an unterminated quote at the start of a 5 MB file ends at its line; the rest parses', () => {
    const body = 'r A 192.0.2.1\n'.repeat((5 * 1024 * 1024) / 14);
    const { zone } = parseTimed(`"${HEAD}${body}`);
    assert.ok(codes(zone).has('syntax-error'));
    assert.ok(zone.records.length > 300_000);
  });

  test('NUL bytes in names, rdata and strings', () => {
    const { zone } = parseTimed(`${HEAD}nul\0name A 192.0.2.1\nt TXT "a\0b"\nx A 192.0.\0.1\n\0\0\0\n`);
    assert.ok(zone.parseDiagnostics.length >= 2);
    assert.ok(zone.records.some((r) => r.owner === 't.example.com.' && r.valid));
  });

  test('invalid UTF-8 decoded with replacement characters', () => {
    const bytes = Buffer.concat([Buffer.from(HEAD), Buffer.from([0xff, 0xfe, 0x20, 0x41, 0x20]), Buffer.from('192.0.2.1\nt TXT "'), Buffer.from([0xc3, 0x28, 0xe2, 0x82]), Buffer.from('"\nok A 192.0.2.2\n')]);
    const text = bytes.toString('utf8');
    assert.ok(text.includes('\ufffd'));
    const { zone } = parseTimed(text);
    assert.ok(zone.records.some((r) => r.owner === 'ok.example.com.'));
    assert.ok(zone.records.some((r) => r.type === 'TXT' && r.valid));
  });

  test('mixed line endings (LF, CRLF, lone CR) and a BOM', () => {
    const { zone } = parseTimed('\ufeff$TTL 1h\r\n@ IN SOA ns1 h 1 2 3 4 5\n  IN NS ns1\r\nns1 A 192.0.2.1\rcr-line A 192.0.2.2\r\n\r\rx A 192.0.2.3');
    // A lone CR ends a line, as in BIND (and in LSP): `cr-line` is a record of its own.
    assert.deepEqual(zone.parseDiagnostics, []);
    assert.deepEqual(
      zone.records.map((r) => r.owner),
      ['example.com.', 'example.com.', 'ns1.example.com.', 'cr-line.example.com.', 'x.example.com.'],
    );
  });
});

describe('hostile input: $INCLUDE', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonelint-hostile-'));
  const write = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const main = (body: string): Zone => parseDocument({ text: HEAD + body, fileName: path.join(dir, 'main.zone'), origin: 'example.com.', readInclude: fileIncludeReader({ maxBytes: 1024 * 1024 }) });
  const includeErrors = (z: Zone): string[] => z.parseDiagnostics.filter((d) => d.code === 'include-failed').map((d) => d.message);

  test('a cycle of two files is reported and ends', () => {
    write('a.inc', 'a1 A 192.0.2.1\n$INCLUDE b.inc\n');
    write('b.inc', 'b1 A 192.0.2.2\n$INCLUDE a.inc\n');
    const z = main('$INCLUDE a.inc\nafter A 192.0.2.3\n');
    assert.ok(includeErrors(z).some((m) => m.includes('cycle')));
    assert.deepEqual(z.records.slice(3).map((r) => r.owner), ['a1.example.com.', 'b1.example.com.', 'after.example.com.']);
  });

  test('a file including itself', () => {
    write('self.inc', 's A 192.0.2.1\n$INCLUDE self.inc\n');
    assert.ok(includeErrors(main('$INCLUDE self.inc\n')).some((m) => m.includes('cycle')));
  });

  test('nested includes resolve relative to the including file, not the working directory', () => {
    write('sub/outer.inc', '$INCLUDE inner.inc\n');
    write('sub/inner.inc', 'deep A 192.0.2.9\n');
    const z = main('$INCLUDE sub/outer.inc\n');
    assert.deepEqual(includeErrors(z), []);
    assert.ok(z.records.some((r) => r.owner === 'deep.example.com.'));
  });

  test('a missing file, a directory, /dev/zero and an oversized file are refused with a reason', () => {
    fs.mkdirSync(path.join(dir, 'adir'), { recursive: true });
    const big = path.join(dir, 'big.inc');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 2 * 1024 * 1024); // sparse: larger than the 1 MiB limit, costs no disk
    const cases: [string, RegExp][] = [
      ['missing.inc', /not found/],
      ['adir', /directory/],
      ['big.inc', /limit/],
    ];
    if (fs.existsSync('/dev/zero')) cases.push(['/dev/zero', /not a regular file/]);
    for (const [target, why] of cases) {
      const z = main(`$INCLUDE ${target}\nafter A 192.0.2.3\n`);
      const errors = includeErrors(z);
      assert.equal(errors.length, 1, `${target}: ${errors.join('; ')}`);
      assert.match(errors[0], why);
      assert.ok(z.records.some((r) => r.owner === 'after.example.com.'), target);
    }
  });

  test('deep include chains stop at the nesting limit', () => {
    for (let i = 0; i < 30; i++) write(`chain/c${i}.inc`, `c${i} A 192.0.2.1\n$INCLUDE c${i + 1}.inc\n`);
    write('chain/c30.inc', 'end A 192.0.2.1\n');
    const z = main('$INCLUDE chain/c0.inc\n');
    assert.ok(includeErrors(z).some((m) => /nesting/.test(m)));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));
});
