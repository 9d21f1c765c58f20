/**
 * Parsed field values: canonical forms compared with BIND's own presentation of the same records
 * (from the oracle file), names made absolute with the `relative` flag, and field ranges.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CharString } from '../../server/src/language/text/charString';
import type { RdataField } from '../../server/src/language/rrtypes/spec';
import { formatCharString } from '../../server/src/language/rrtypes/charStrings';
import { formatSigTime } from '../../server/src/language/rrtypes/numbers';
import { CERT_TYPES, DNSSEC_ALGORITHMS } from '../../server/src/language/rrtypes/mnemonics';
import { rrTypeByName } from '../../server/src/language/rrtypes/registry';
import type { AnchoredRdataContext } from '../../server/src/language/rrtypes/registry';
import { validCases } from './fixtures';
import { makeContext, parseRecord, rangeOf } from './tokenize';

/** Our field values written the way BIND 9.18 prints them (a test-only presenter). */
function present(type: string, fields: readonly RdataField[]): string {
  return fields
    .map((f) => {
      const v = f.value;
      if (type === 'RRSIG' && (f.name === 'expiration' || f.name === 'inception')) return formatSigTime(v as number);
      if (type === 'CERT' && f.name === 'certType') return CERT_TYPES.byCode.get(v as number) ?? String(v);
      if (type === 'CERT' && f.name === 'algorithm') return DNSSEC_ALGORITHMS.byCode.get(v as number) ?? String(v);
      if (f.name === 'salt' && v === '') return '-';
      if (typeof v === 'number') return String(v);
      if (typeof v === 'string') return v;
      if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x.replace(/^dohpath=/, 'key7=') : formatCharString(x.value))).join(' ');
      return formatCharString((v as CharString).value);
    })
    .join(' ');
}

const SKIP = new Set(['LOC']); // values kept in wire units; its octets are checked against the oracle instead

describe('field values match BIND presentation', () => {
  for (const c of validCases()) {
    if (SKIP.has(c.type)) continue;
    test(`${c.type} ${c.bind.slice(0, 70)}`, () => {
      const r = parseRecord(c.type, c.rdata);
      assert.ok(r.fields, JSON.stringify(r.errors));
      // BIND splits long hex and base64 into groups; compare without blank space.
      assert.equal(present(c.type, r.fields).replace(/\s+/g, ''), c.bind.replace(/\s+/g, ''));
    });
  }
});

describe('names', () => {
  test('relative names get the origin and the relative flag; @ is the origin', () => {
    const r = parseRecord('RP', '@ Info.Example.NET.');
    assert.deepEqual(r.fields!.map((f) => [f.value, f.relative]), [['example.com.', false], ['info.example.net.', false]]);
    const mx = parseRecord('MX', '10 Mail');
    assert.deepEqual([mx.fields![1].value, mx.fields![1].relative], ['mail.example.com.', true]);
  });
  test('a relative name with no origin known is an error at the name', () => {
    const r = parseRecord('CNAME', 'www', null);
    assert.equal(r.fields, null);
    assert.deepEqual([r.errors[0].start, r.errors[0].end], [r.rdataStart, r.rdataStart + 3]);
    assert.deepEqual(parseRecord('CNAME', 'www.example.net.', null).errors, []);
  });
  test('escapes in names are canonicalised', () => {
    assert.equal(parseRecord('PTR', 'a\\046b\\ c.example.').fields![0].value, 'a\\.b\\032c.example.');
  });
  test('a quoted name is refused', () => {
    const r = parseRecord('NS', '"ns1.example.com."');
    assert.equal(r.fields, null);
    assert.match(r.errors[0].message, /cannot be a quoted string/);
  });
});

describe('ranges', () => {
  test('each field covers its own tokens; multi-word fields cover all of theirs', () => {
    const rdata = '257 3 13 ( AAAA\n BBBB ) ; key';
    const r = parseRecord('DNSKEY', rdata);
    const [flags, , , key] = r.fields!;
    assert.deepEqual([flags.start, flags.end], [r.rdataStart, r.rdataStart + 3]);
    assert.deepEqual([key.start, key.end], [rangeOf(rdata, 'AAAA', r.rdataStart).start, rangeOf(rdata, 'BBBB', r.rdataStart).end]);
    assert.equal(key.value, 'AAAABBBB');
  });
  test('errors name the missing field; extra words are flagged', () => {
    const few = parseRecord('MX', '10');
    assert.equal(few.errors[0].message, 'MX needs 2 fields: preference exchange; got 1');
    const many = parseRecord('MX', '10 mail extra words');
    assert.equal(many.errors[0].message, 'MX needs 2 fields: preference exchange; got 4 (unexpected extra data)');
    assert.deepEqual([many.errors[0].start, many.errors[0].end], [rangeOf('10 mail extra words', 'extra words', many.rdataStart).start, many.rdataStart + 19]);
    assert.match(parseRecord('NSEC3', '1 0 0').errors[0].message, /^NSEC3 needs at least 5 fields: hashAlgorithm flags iterations salt nextHashedOwner \[types\]; got 3$/);
  });
  test('missing rdata is reported at the anchor the parser gives', () => {
    const ctx: AnchoredRdataContext & ReturnType<typeof makeContext> = Object.assign(makeContext([]), { anchor: { start: 40, end: 42 } });
    assert.equal(rrTypeByName('MX')!.parse(ctx), null);
    assert.deepEqual([ctx.errors[0].start, ctx.errors[0].end, ctx.errors[0].message], [40, 42, 'MX needs 2 fields: preference exchange; got 0']);
  });
});

describe('values of special fields', () => {
  test('SOA timers with units become seconds', () => {
    const r = parseRecord('SOA', 'ns1 hm 2024010101 1h 15M 2w1d 1D');
    assert.deepEqual(r.fields!.slice(2).map((f) => f.value), [2024010101, 3600, 900, 1296000, 86400]);
  });
  test('RRSIG times: dates are seconds since 1970 modulo 2^32', () => {
    const r = parseRecord('RRSIG', 'A 8 2 300 20380119031408 21060207062816 1 example.com. AA==');
    assert.deepEqual([r.fields![4].value, r.fields![5].value], [2 ** 31, 0]);
    assert.match(parseRecord('RRSIG', 'A 8 2 300 20250229000000 1 1 example.com. AA==').errors[0].message, /not a valid UTC date/);
    assert.deepEqual(parseRecord('RRSIG', 'A 8 2 300 20240229000000 1 1 example.com. AA==').errors, []);
  });
  test('DNSSEC mnemonics become numbers', () => {
    const r = parseRecord('DS', `1 ecdsap256sha256 SHA-256 ${'00'.repeat(32)}`);
    assert.deepEqual(r.fields!.slice(0, 3).map((f) => f.value), [1, 13, 2]);
    assert.equal(parseRecord('DNSKEY', 'ZONE|KSK 3 8 AAAA').fields![0].value, 257);
    assert.equal(parseRecord('DNSKEY', 'zone 3 8 AAAA').fields![0].value, 256);
    assert.match(parseRecord('DNSKEY', 'SEP 3 8 AAAA').errors[0].message, /unknown flag "SEP"/);
  });
  test('type bitmaps are sorted, deduplicated and spelt canonically', () => {
    assert.deepEqual(parseRecord('NSEC', 'a. rrsig TYPE1 nsec A type65535').fields![1].value, ['A', 'RRSIG', 'NSEC', 'TYPE65535']);
  });
  test('SvcParams are sorted by key and printed canonically', () => {
    const r = parseRecord('HTTPS', '1 . port="443" alpn=h2 mandatory=port,alpn ech=AAAA');
    assert.deepEqual(r.fields![2].value, ['mandatory=alpn,port', 'alpn="h2"', 'port=443', 'ech=AAAA']);
  });
  test('an AliasMode SVCB with params loads with a warning', () => {
    const r = parseRecord('HTTPS', '0 www.example.net. alpn=h2');
    assert.deepEqual(r.errors, []);
    assert.match(r.warnings[0].message, /AliasMode/);
  });
  test('SVCB key="value" split by the lexer into a word and an adjacent quoted string', () => {
    const r = parseRecord('SVCB', '1 . alpn="h2,h3" key123="a b"');
    assert.deepEqual(r.fields![2].value, ['alpn="h2,h3"', 'key123="a b"']);
    // The same written as one word each (a lexer that does not split at the quote).
    const ctx = makeContext([
      { text: '1', start: 0, end: 1, quoted: false },
      { text: '.', start: 2, end: 3, quoted: false },
      { text: 'alpn="h2,h3"', start: 4, end: 16, quoted: false },
    ]);
    assert.deepEqual(rrTypeByName('SVCB')!.parse(ctx)![2].value, ['alpn="h2,h3"']);
    // A blank between `key=` and the quoted value is refused, as BIND does.
    assert.equal(parseRecord('SVCB', '1 . alpn= "h2"').fields, null);
  });
  test('NAPTR regexp checks', () => {
    assert.deepEqual(parseRecord('NAPTR', '1 1 "u" "E2U+sip" "!^(.*)$!sip:\\\\1@example.com!" .').errors, []);
    assert.match(parseRecord('NAPTR', '1 1 "u" "E2U+sip" "!^.*$!sip:\\\\1@example.com!" .').errors[0].message, /back-reference \\1/);
  });
  test('EUI48 groups are normalised to two lower-case digits', () => {
    assert.equal(parseRecord('EUI48', '0-0-5E-0-53-2A').fields![0].value, '00-00-5e-00-53-2a');
  });
});
