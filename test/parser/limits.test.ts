/**
 * Limit tables in the style of simdzone's tests/syntax.c: the last legal value and the first
 * illegal one for TTLs, label and name lengths, with the exact range of every report.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HEAD, at, diags, parse } from './helpers';
import { TtlSource } from '../../server/src/language/model/types';

describe('TTL limits (RFC 2181 §8: 0 to 2^31-1)', () => {
  test('2147483647 is accepted as a record TTL, $TTL and $GENERATE TTL', () => {
    const text = `${HEAD}a 2147483647 IN A 192.0.2.2\n$TTL 2147483647\nb A 192.0.2.3\n$GENERATE 1-1 g$ 2147483647 A 192.0.2.$\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), []);
    const ttl = (owner: string) => z.records.find((r) => r.owner === owner)!.ttl;
    assert.equal(ttl('a.example.com.'), 2147483647);
    assert.equal(ttl('b.example.com.'), 2147483647);
    assert.equal(ttl('g1.example.com.'), 2147483647);
  });

  test('2147483648 is reported as ttl-range on the TTL itself, and the record is kept with TTL 0', () => {
    const text = `${HEAD}a 2147483648 IN A 192.0.2.2\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('ttl-range', text, '2147483648')]);
    const r = z.records.find((x) => x.owner === 'a.example.com.')!;
    assert.equal(r.ttl, 0);
    assert.equal(r.valid, true);
    assert.equal(r.ttlSource, TtlSource.Explicit);
  });

  test('$TTL 4294967295 and a $GENERATE TTL of 2^31 are ttl-range too', () => {
    const text = `${HEAD}$TTL 4294967295\nb A 192.0.2.3\n$GENERATE 1-1 g$ 2147483648 A 192.0.2.$\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('ttl-range', text, '4294967295'), at('ttl-range', text, '2147483648')]);
    assert.equal(z.records.find((r) => r.owner === 'b.example.com.')!.ttl, 0);
  });

  test('a TTL beyond 32 bits or with a bad unit is a syntax error on the TTL', () => {
    const text = `${HEAD}a 4294967296 IN A 192.0.2.2\nb 1x A 192.0.2.3\nc 1h30 A 192.0.2.4\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('syntax-error', text, '4294967296'), at('syntax-error', text, '1x'), at('syntax-error', text, '1h30')]);
  });

  test('units: 1w2d3h4m5s, upper case, zero', () => {
    const z = parse(`${HEAD}a 1w2d3h4m5s A 192.0.2.2\nb 1W A 192.0.2.3\nc 0 A 192.0.2.4\n`);
    assert.deepEqual(diags(z), []);
    assert.deepEqual(z.records.slice(3).map((r) => r.ttl), [604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5, 604800, 0]);
  });
});

describe('label and name limits (RFC 1035 §2.3.4: 63 and 255 octets)', () => {
  const l63 = 'a'.repeat(63);
  const l64 = 'b'.repeat(64);

  test('a 63-octet label is accepted as owner and in rdata', () => {
    const z = parse(`${HEAD}${l63} A 192.0.2.2\nx CNAME ${l63}.example.com.\n`);
    assert.deepEqual(diags(z), []);
    assert.equal(z.records[3].owner, `${l63}.example.com.`);
  });

  test('a 64-octet label is name-invalid on exactly that label, as owner and in rdata', () => {
    const text = `${HEAD}${l64}.x A 192.0.2.2\ny CNAME z.${l64}.example.com.\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), [at('name-invalid', text, l64), at('rdata-invalid', text, l64, 1)]);
  });

  test('a 64-octet label written with escapes counts octets, not characters', () => {
    const label = '\\065'.repeat(32) + 'c'.repeat(32); // 64 octets, 160 characters
    const text = `${HEAD}${label} A 192.0.2.2\nok${'\\065'.repeat(31)}${'c'.repeat(30)} A 192.0.2.3\n`;
    const z = parse(text);
    assert.deepEqual(z.parseDiagnostics.map((d) => d.code), ['name-invalid']);
    assert.ok(z.parseDiagnostics[0].start >= text.indexOf(label) && z.parseDiagnostics[0].end <= text.indexOf(label) + label.length);
    assert.equal(z.records.length, 4);
  });

  // Four labels of 63, 63, 63 and n octets under example.com. (13 octets on the wire).
  const nameOf = (last: number) => ['1', '2', '3'].map((c) => c.repeat(63)).join('.') + '.' + 'd'.repeat(last);

  test('a 255-octet name is accepted, absolute or made absolute by the origin', () => {
    const text = `${HEAD}${nameOf(49)}.example.com. A 192.0.2.2\n${nameOf(49)} A 192.0.2.3\n`;
    const z = parse(text);
    assert.deepEqual(diags(z), []);
    assert.equal(z.records.length, 5);
  });

  test('a 256-octet name is name-invalid over the whole name, absolute or relative', () => {
    const abs = `${nameOf(50)}.example.com.`;
    const rel = nameOf(50);
    const text = `${HEAD}${abs} A 192.0.2.2\n${rel} A 192.0.2.3\nm MX 10 ${abs}\n`;
    const z = parse(text);
    const relAt = text.indexOf(`\n${rel} A`) + 1;
    assert.deepEqual(diags(z), [at('name-invalid', text, abs), `name-invalid@${relAt}-${relAt + rel.length}`, at('rdata-invalid', text, abs, 1)]);
  });

  test('a $ORIGIN that makes later relative names too long reports each of them', () => {
    const origin = `${nameOf(40)}.example.com.`;
    const text = `${HEAD}$ORIGIN ${origin}\nshort A 192.0.2.2\nlongerlabel A 192.0.2.3\n`;
    const z = parse(text);
    // The origin is 246 octets: with `short` (6 more) the name is 252, with `longerlabel` (12 more) 258.
    assert.deepEqual(diags(z), [at('name-invalid', text, 'longerlabel')]);
  });
});
