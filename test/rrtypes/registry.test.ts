/** The type registry, the type-code table, RFC 3597 generic rdata and wire-format errors. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allRRTypes, parseGenericRdata, rrTypeByCode, rrTypeByName, typeCodeOf, typeInfoByName, typeMnemonic } from '../../server/src/language/rrtypes/registry';
import { hex, recordContext } from './tokenize';

describe('lookups', () => {
  test('by mnemonic, TYPEnnn and code', () => {
    assert.equal(rrTypeByName('MX')?.code, 15);
    assert.equal(rrTypeByName('TYPE15')?.name, 'MX');
    assert.equal(rrTypeByName('TYPE257')?.name, 'CAA');
    assert.equal(rrTypeByName('mx')?.name, 'MX');
    assert.equal(rrTypeByName('TYPE258'), undefined, 'AVC is known by code but not modelled');
    assert.equal(rrTypeByName('TYPE65536'), undefined);
    assert.equal(rrTypeByName('MXX'), undefined);
    assert.equal(rrTypeByCode(65)?.name, 'HTTPS');
    assert.equal(rrTypeByCode(4242), undefined);
  });
  test('type codes for modelled and unmodelled types', () => {
    assert.equal(typeCodeOf('TYPE65535'), 65535);
    assert.equal(typeCodeOf('type1'), 1);
    assert.equal(typeCodeOf('TYPE65536'), undefined);
    assert.equal(typeCodeOf('TYPE'), undefined);
    assert.equal(typeCodeOf('AVC'), 258);
    assert.equal(typeCodeOf('nsap-ptr'), 23);
    assert.equal(typeCodeOf('SPF1'), undefined);
    assert.equal(typeMnemonic(1234), 'TYPE1234');
    assert.equal(typeMnemonic(99), 'SPF');
    assert.equal(typeInfoByName('ANY')?.meta, true);
    assert.match(typeInfoByName('A6')?.obsolete ?? '', /RFC 6563/);
  });
  test('every modelled type is described, in code order, with unique names and codes', () => {
    const all = allRRTypes();
    assert.ok(all.length >= 50);
    assert.deepEqual(all.map((s) => s.code), [...all.map((s) => s.code)].sort((a, b) => a - b));
    assert.equal(new Set(all.map((s) => s.name)).size, all.length);
    for (const s of all) {
      assert.equal(typeCodeOf(s.name), s.code, `${s.name} code`);
      assert.ok(s.summary.length > 10 && /^RFC \d+/.test(s.rfc), `${s.name} summary/rfc`);
      assert.ok(s.fields.length > 0, `${s.name} fields`);
      for (const f of s.fields) assert.ok(f.doc.length > 10, `${s.name} ${f.name} doc`);
    }
  });
  test('singletons and obsolete types', () => {
    assert.deepEqual(allRRTypes().filter((s) => s.singleton).map((s) => s.name).sort(), ['CNAME', 'DNAME', 'SOA']);
    assert.equal(rrTypeByName('SPF')?.obsolete, 'RFC 7208 §3.1: publish SPF as TXT only');
    for (const name of ['MD', 'MF', 'MB', 'MG', 'MR', 'MINFO', 'WKS']) assert.ok(rrTypeByName(name)?.obsolete, name);
    for (const name of ['TXT', 'MX', 'A', 'CAA']) assert.equal(rrTypeByName(name)?.obsolete, undefined, name);
  });
});

describe('RFC 3597 generic rdata', () => {
  function generic(rdata: string) {
    const { ctx, rdataStart } = recordContext('TYPE65280', rdata);
    return { bytes: parseGenericRdata(ctx.tokens, ctx), errors: ctx.errors, rdataStart };
  }
  test('\\# 0 is empty rdata', () => {
    const r = generic('\\# 0');
    assert.deepEqual(r.errors, []);
    assert.equal(r.bytes?.length, 0);
  });
  test('hex may be split over words and parentheses, in either case', () => {
    const r = generic('\\# 5 ( 0A0b\n 0c 0D0e )');
    assert.equal(hex(r.bytes!), '0a0b0c0d0e');
  });
  const bad: [string, string, string][] = [
    ['\\#', '\\#', 'followed by the rdata length'],
    ['\\# 1', '\\# 1'.slice(3), 'says the rdata is 1 octet but 0 are given'],
    ['\\# 2 abcdef', 'abcdef', 'says the rdata is 2 octets but 3 are given'],
    ['\\# 2 ab cdef', 'ab cdef', '3 are given'],
    ['\\# 2 abc', 'c', 'odd number'],
    ['\\# 2 abzz', 'z', 'not a hex digit'],
    ['\\# x abcd', 'x', 'decimal number'],
    ['\\# 65536 ab', '65536', 'decimal number'],
    ['\\# 1 "ab"', '"ab"', 'not a quoted string'],
  ];
  for (const [rdata, part, message] of bad) {
    test(`${rdata} is refused at "${part}"`, () => {
      const r = generic(rdata);
      assert.equal(r.bytes, null);
      const at = r.rdataStart + (part === '\\#' ? 0 : rdata.indexOf(part, 2));
      assert.equal(r.errors.length, 1);
      assert.deepEqual([r.errors[0].start, r.errors[0].end], [at, at + part.length]);
      assert.ok(r.errors[0].message.includes(message), r.errors[0].message);
    });
  }
});

describe('rdata octets that do not fit the type', () => {
  const cases: [string, string, RegExp][] = [
    ['A', 'c0000201ff', /1 octet left over/],
    ['A', 'c00002', /ends before the A address/],
    ['MX', '000ac00c', /compression pointer/],
    ['MX', '000a4100', /label length octet of 65/],
    ['TXT', '', /ends before/],
    ['TXT', '0561', /ends before/],
    ['NSEC', '000000', /window 0 has a bitmap length of 0/],
    ['NSEC', '00', /at least one type/],
    ['NSEC', '0000010000', /trailing zero octets/],
    ['NSEC', '000001400000014000', /increasing order/],
    ['CAA', '000369732d', /letters and digits/],
    ['SVCB', '000100000100000000', /alpn value must not be empty/],
    ['SVCB', '00010000030002003500010003026832', /increasing order/],
    ['SVCB', '00010000020000', /no-default-alpn needs an alpn/],
    ['SVCB', '0001000002000100', /no-default-alpn must have an empty value/],
    ['HTTPS', '000100000000020003', /mandatory lists port, but the record has no port/],
    ['LOC', '0112161380000000800000000098968000', /version 1/],
    ['APL', '000118020a00', /trailing zero octets/],
    ['DS', '000108020000', /needs a 32-octet digest/],
    ['IPSECKEY', '0a0402', /gateway type 4/],
    ['MD', '00', /obsolete/],
    ['DHCID', '', /DHCID digest is empty/],
    ['CERT', '0001000000', /certificate is empty/],
    ['DNSKEY', '01000308', /publicKey is empty/],
    ['TLSA', '030101', /data is empty/],
    ['OPENPGPKEY', '', /publicKey is empty/],
    ['IPSECKEY', '0a0002', /publicKey is empty/],
  ];
  for (const [type, bytesHex, message] of cases) {
    test(`${type} \\# ${bytesHex.length / 2} ${bytesHex}`, () => {
      const spec = rrTypeByName(type)!;
      const { ctx } = recordContext(type, '');
      const fields = spec.fromWire(Uint8Array.from(Buffer.from(bytesHex, 'hex')), { start: 7, end: 30 }, ctx);
      assert.equal(fields, null);
      assert.ok(ctx.errors.some((e) => message.test(e.message) && e.start === 7 && e.end === 30), JSON.stringify(ctx.errors));
    });
  }
  test('fields decoded from \\# all carry the range of the rdata', () => {
    const { ctx } = recordContext('MX', '');
    const fields = rrTypeByName('MX')!.fromWire(Uint8Array.from([0, 5, 0]), { start: 3, end: 9 }, ctx)!;
    assert.deepEqual(fields.map((f) => [f.name, f.start, f.end, f.value]), [['preference', 3, 9, 5], ['exchange', 3, 9, '.']]);
  });
});

describe('types with no text form of their own', () => {
  test('NULL can only be written as \\#', () => {
    const { ctx, rdataStart } = recordContext('NULL', '01 02');
    assert.equal(rrTypeByName('NULL')!.parse(ctx), null);
    assert.deepEqual([ctx.errors[0].start, ctx.errors[0].end], [rdataStart, rdataStart + 5]);
    const { ctx: g } = recordContext('NULL', '\\# 3 010203');
    const bytes = parseGenericRdata(g.tokens, g)!;
    const fields = rrTypeByName('NULL')!.fromWire(bytes, { start: 0, end: 1 }, g)!;
    assert.equal(hex(rrTypeByName('NULL')!.toWire(fields)), '010203');
  });
});
