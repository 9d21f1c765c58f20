/** Boundary tables: the last accepted and the first refused value of each limit, with error ranges. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTtl } from '../../server/src/language/rrtypes/fields';
import { parseRecord, rangeOf } from './tokenize';

/** Accepts, or rejects with one error at exactly `bad` (a substring of the rdata). */
function expectRecord(type: string, rdata: string, bad: string | null, occurrence = 0): void {
  const r = parseRecord(type, rdata);
  if (bad === null) {
    assert.deepEqual(r.errors, [], `${type} ${rdata}`);
    assert.ok(r.fields);
    return;
  }
  assert.equal(r.fields, null, `${type} ${rdata} should be refused`);
  const want = rangeOf(rdata, bad, r.rdataStart, occurrence);
  assert.ok(r.errors.some((e) => e.start === want.start && e.end === want.end), `${type} ${rdata}: no error on "${bad}"; got ${JSON.stringify(r.errors)}`);
}

describe('TTL syntax (parseTtl)', () => {
  const table: [string, number | null][] = [
    ['0', 0],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['4294967296', null],
    ['99999999999999999999', null],
    ['1h30m', 5400],
    ['1H30M', 5400],
    ['1w', 604800],
    ['2W1d', 1296000],
    ['1d1h1m1s', 90061],
    ['24855d3h14m7s', 2147483647],
    ['24855d3h14m8s', null],
    ['1h30', null], // BIND refuses a bare number after a unit...
    ['0h30', 30], // ...unless the units so far add up to zero
    ['', null],
    ['h', null],
    ['1x', null],
    ['-1', null],
    ['+1', null],
    ['1.5h', null],
    ['0x10', null],
  ];
  for (const [text, want] of table) {
    test(`"${text}" -> ${want ?? 'error'}`, () => {
      const v = parseTtl(text);
      if (want === null) assert.ok(typeof v !== 'number' && v.error.length > 0);
      else assert.equal(v, want);
    });
  }
});

describe('integer fields', () => {
  test('MX preference 65535 is the largest', () => expectRecord('MX', '65535 mail', null));
  test('MX preference 65536 is refused at the number', () => {
    expectRecord('MX', '65536 mail', '65536');
    assert.match(parseRecord('MX', '65536 mail').errors[0].message, /MX preference must be 0-65535/);
  });
  test('MX preference in hex is refused', () => expectRecord('MX', '0x10 mail', '0x10'));
  test('CAA flags 255 / 256', () => {
    expectRecord('CAA', '255 issue "ca.example"', null);
    expectRecord('CAA', '256 issue "ca.example"', '256');
  });
  test('SOA serial 4294967295 / 4294967296', () => {
    expectRecord('SOA', 'ns hm 4294967295 1 1 1 1', null);
    expectRecord('SOA', 'ns hm 4294967296 1 1 1 1', '4294967296');
  });
  test('SOA timers take units; expire over 2^32-1 is refused', () => {
    expectRecord('SOA', 'ns hm 1 1h 30m 4w 1d', null);
    expectRecord('SOA', 'ns hm 1 1h 30m 7102w 1d', '7102w');
  });
});

describe('names', () => {
  const l63 = 'a'.repeat(63);
  test('a 63-octet label is accepted, 64 is refused at the label', () => {
    expectRecord('NS', `${l63}.example.net.`, null);
    expectRecord('NS', `${'a'.repeat(64)}.example.net.`, 'a'.repeat(64));
  });
  test('a 255-octet name is accepted, 256 is refused', () => {
    const n255 = `${l63}.${l63}.${l63}.${'b'.repeat(61)}.`;
    const n256 = `${l63}.${l63}.${l63}.${'b'.repeat(62)}.`;
    expectRecord('CNAME', n255, null);
    expectRecord('CNAME', n256, n256);
  });
  test('a relative name that only overflows once the origin is appended', () => {
    // example.com. adds 12 octets: 3*64 + 50 + 12 = 254 fits, 3*64 + 52 + 12 = 256 does not.
    expectRecord('PTR', `${l63}.${l63}.${l63}.${'c'.repeat(49)}`, null);
    const tooLong = `${l63}.${l63}.${l63}.${'c'.repeat(51)}`;
    expectRecord('PTR', tooLong, tooLong);
    assert.match(parseRecord('PTR', tooLong).errors[0].message, /once the origin is appended/);
  });
  test('escaped dots and \\DDD count as one octet', () => {
    expectRecord('PTR', `${'a'.repeat(62)}\\..example.`, null);
    expectRecord('PTR', `${'a'.repeat(63)}\\..example.`, `${'a'.repeat(63)}\\.`);
  });
});

describe('IPv4', () => {
  const table: [string, string | null][] = [
    ['0.0.0.0', null],
    ['255.255.255.255', null],
    ['192.0.2.256', '256'],
    ['256.0.2.1', '256'],
    ['192.0.02.1', '02'],
    ['192.0.2.00', '00'],
    ['192.0.2', '192.0.2'],
    ['1.2.3.4.5', '5'],
    ['1..3.4', '..'],
    ['1.2.3.', '3.'],
    ['1.2.-3.4', '-3'],
    ['1.2.3.4/24', '4/24'],
  ];
  for (const [text, bad] of table) {
    // The error covers the dot closing an empty octet: the last character of `bad` in those rows.
    test(`${text} -> ${bad ?? 'ok'}`, () => {
      if (bad === '..' || bad === '3.') {
        const r = parseRecord('A', text);
        const dot = r.rdataStart + text.indexOf(bad) + bad.length - 1;
        assert.deepEqual(r.errors.map((e) => [e.start, e.end]), [[dot, dot + 1]]);
      } else expectRecord('A', text, bad);
    });
  }
});

describe('IPv6 text forms and their canonical (RFC 5952) value', () => {
  const ok: [string, string][] = [
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:DB8::A', '2001:db8::a'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::192.0.2.1', '::c000:201'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
  ];
  for (const [text, canonical] of ok) {
    test(`${text} -> ${canonical}`, () => {
      const r = parseRecord('AAAA', text);
      assert.deepEqual(r.errors, []);
      assert.equal(r.fields![0].value, canonical);
    });
  }
  const bad: [string, string, number?][] = [
    ['1::2::3', '::', 1],
    ['1:::2', '::', 1],
    [':1::', ':'],
    ['1:2:3:4:5:6:7:8:9', '9'],
    ['1:2:3:4:5:6:7', '1:2:3:4:5:6:7'],
    ['12345::', '12345'],
    ['::1.2.3', '1.2.3'],
    ['1.2.3.4::', '1.2.3.4'],
    ['fe80::1%eth0', '1%eth0'],
    ['::g', 'g'],
  ];
  for (const [text, part, occurrence] of bad) test(`${text} refused at "${part}"`, () => expectRecord('AAAA', text, part, occurrence ?? 0));
});

describe('fingerprints and digests whose length follows their type', () => {
  test('SSHFP: SHA-1 needs 20 octets, SHA-256 32, others any', () => {
    expectRecord('SSHFP', `1 1 ${'ab'.repeat(20)}`, null);
    expectRecord('SSHFP', `1 1 ${'ab'.repeat(19)}`, 'ab'.repeat(19));
    expectRecord('SSHFP', `1 1 ${'ab'.repeat(21)}`, 'ab'.repeat(21));
    expectRecord('SSHFP', `4 2 ${'ab'.repeat(32)}`, null);
    expectRecord('SSHFP', `4 2 ${'ab'.repeat(20)}`, 'ab'.repeat(20));
    expectRecord('SSHFP', `4 3 ab`, null);
  });
  test('SSHFP fingerprint split over words keeps the range of all of them', () => {
    const rdata = `1 1 ${'ab'.repeat(10)} ${'cd'.repeat(9)}`;
    expectRecord('SSHFP', rdata, `${'ab'.repeat(10)} ${'cd'.repeat(9)}`);
  });
  test('TLSA: a digest of the wrong size or an undefined usage loads, as BIND does (the tlsa-fields rule reports it)', () => {
    for (const rdata of [`3 1 1 ${'ab'.repeat(31)}`, `3 1 1 ${'ab'.repeat(32)}`, `3 1 2 ${'ab'.repeat(64)}`, '3 0 0 3082', '4 0 0 3082']) {
      const r = parseRecord('TLSA', rdata);
      assert.deepEqual(r.errors, [], rdata);
      assert.deepEqual(r.warnings, [], rdata);
    }
  });
  test('DS: SHA-256 digest of 31 / 32 / 33 octets', () => {
    expectRecord('DS', `1 8 2 ${'ab'.repeat(31)}`, 'ab'.repeat(31));
    expectRecord('DS', `1 8 2 ${'ab'.repeat(32)}`, null);
    expectRecord('DS', `1 8 2 ${'ab'.repeat(33)}`, 'ab'.repeat(33));
  });
});

describe('base64', () => {
  // [key, error range inside the key] or null when valid.
  const table: [string, [number, number] | null][] = [
    ['AAAA', null],
    ['AAA=', null],
    ['AA==', null],
    ['A===', [1, 4]], // too much padding
    ['AAAAA', [4, 5]], // not a multiple of four: the incomplete group
    ['=AAA', [1, 4]], // data after padding
    ['AA=A', [3, 4]],
    ['AB==', [0, 4]], // bits left over before the padding must be zero
    ['AAB=', [0, 4]],
    ['AAA', [0, 3]],
    ['AA*A', [2, 3]],
  ];
  for (const [key, bad] of table) {
    test(`DNSKEY key "${key}" -> ${bad ? `error at ${bad}` : 'ok'}`, () => {
      const r = parseRecord('DNSKEY', `256 3 8 ${key}`);
      if (!bad) {
        assert.deepEqual(r.errors, []);
        return;
      }
      const keyStart = r.rdataStart + '256 3 8 '.length;
      assert.equal(r.fields, null);
      assert.deepEqual(r.errors.map((e) => [e.start - keyStart, e.end - keyStart]), [bad]);
    });
  }
});
