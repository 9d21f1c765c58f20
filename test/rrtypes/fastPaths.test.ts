/**
 * The fast paths the parser takes for common input give what the general code gives: canonical
 * IPv4 text kept as is, IPv6 groups formatted without intermediate octets, plain names parsed
 * in one scan, repeated names served from the parse's cache, octets counted without encoding.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalIpv6, formatIpv4, formatIpv6, isAddressError, isCanonicalIpv4, parseIpv4, parseIpv6 } from '../../server/src/language/rrtypes/addresses';
import { canonicalWireLength, nameToLabels, NameCache, parseName } from '../../server/src/language/rrtypes/names';
import { charStringOctetLength, charStringToOctets } from '../../server/src/language/rrtypes/charStrings';

const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('255', '256', '249', '250', '199', '1000', '00', '01', '010', '', 'a', '1e2', ' 1'));
const quad = fc.array(octet, { minLength: 4, maxLength: 4 }).map((os) => os.join('.'));
const ipv4Text = fc.oneof(
  quad,
  fc.array(octet, { minLength: 1, maxLength: 6 }).map((os) => os.join('.')),
  fc.array(fc.constantFrom(...'0123456789.'.split('')), { maxLength: 16 }).map((cs) => cs.join('')),
);

const group = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)), fc.constantFrom('0', '00000', 'FFFF', 'abcd', 'g', '', '1.2.3.4'));
const ipv6Text = fc.oneof(
  fc.tuple(fc.array(group, { maxLength: 9 }), fc.integer({ min: -1, max: 9 })).map(([gs, at]) => (at >= 0 && at <= gs.length ? `${gs.slice(0, at).join(':')}::${gs.slice(at).join(':')}` : gs.join(':'))),
  fc.array(fc.constantFrom(...'0af:.F'.split('')), { maxLength: 20 }).map((cs) => cs.join('')),
);

describe('address fast paths', () => {
  test('isCanonicalIpv4: exactly the text parseIpv4 accepts, which formats back to itself', () => {
    fc.assert(
      fc.property(ipv4Text, (text) => {
        const parsed = parseIpv4(text);
        assert.equal(isCanonicalIpv4(text), !isAddressError(parsed), text);
        if (!isAddressError(parsed)) assert.equal(formatIpv4(parsed), text);
      }),
      { numRuns: 20000 },
    );
  });

  test('canonicalIpv6: the RFC 5952 text of every hex-group address, nothing for the rest', () => {
    let accepted = 0;
    fc.assert(
      fc.property(ipv6Text, (text) => {
        const fast = canonicalIpv6(text);
        const parsed = parseIpv6(text);
        if (fast !== undefined) {
          accepted++;
          assert.ok(!isAddressError(parsed), text);
          assert.equal(fast, formatIpv6(parsed), text);
        } else if (!isAddressError(parsed)) {
          // Only the dotted IPv4 tail is left to the general parser.
          assert.ok(text.includes('.'), text);
        }
      }),
      { numRuns: 20000 },
    );
    assert.ok(accepted > 1000, `only ${accepted} addresses took the fast path`);
  });

  test('IPv4-mapped and compressed forms', () => {
    assert.equal(canonicalIpv6('0:0:0:0:0:ffff:c000:201'), '::ffff:192.0.2.1');
    assert.equal(canonicalIpv6('2001:DB8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
    assert.equal(canonicalIpv6('::'), '::');
    assert.equal(canonicalIpv6('1::'), '1::');
    assert.equal(canonicalIpv6('1:::2'), undefined);
    assert.equal(canonicalIpv6('1:2:3:4:5:6:7:8:9'), undefined);
  });
});

const plainLabel = fc.stringMatching(/^[A-Za-z0-9_*-]{1,8}$/);
const plainName = fc.array(plainLabel, { minLength: 1, maxLength: 5 }).chain((ls) => fc.constantFrom(ls.join('.'), ls.join('.') + '.'));
const origin = fc.constantFrom(null, '.', 'example.com.', 'x.', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.`);

/** The same name with its first character written as a `\DDD` escape, which the plain path does not take. */
function escapedFirst(name: string): string {
  return '\\' + String(name.charCodeAt(0)).padStart(3, '0') + name.slice(1);
}

describe('name fast paths', () => {
  test('a plain name parses as its escaped spelling does (the general path)', () => {
    fc.assert(
      fc.property(plainName, origin, (name, o) => {
        const fast = parseName(name, o);
        const general = parseName(escapedFirst(name), o);
        assert.equal(fast.name, general.name, name);
        assert.equal(fast.absolute, general.absolute, name);
        assert.equal(fast.error === undefined, general.error === undefined, name);
      }),
      { numRuns: 20000 },
    );
  });

  test('long names and labels are refused by the plain path as by the general one', () => {
    const long = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.');
    for (const o of ['example.com.', null]) {
      for (const text of [long, long + '.', 'a'.repeat(64), 'a'.repeat(64) + '.x.', 'a..b', 'b.', 'x'.repeat(63)]) {
        assert.equal(parseName(text, o).error === undefined, parseName(escapedFirst(text), o).error === undefined, text);
      }
    }
  });

  test('NameCache gives what parseName gives, across origin changes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(plainName, fc.constantFrom('@', '', 'a\\.b', 'x..y', 'é.')), origin), { maxLength: 60 }), (calls) => {
        const cache = new NameCache();
        for (const [text, o] of calls) {
          assert.deepEqual(cache.parse(text, o), parseName(text, o), `${text} in ${o}`);
          // Asked again: served from the cache, still the same.
          assert.deepEqual(cache.parse(text, o), parseName(text, o), `${text} in ${o}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('canonicalWireLength counts the octets of the labels', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^([a-z0-9-]|\\[0-9]{3}|\\[.\\"])+$/), { maxLength: 5 }), (labels) => {
        const name = labels.length === 0 ? '.' : labels.join('.') + '.';
        const octets = nameToLabels(name).reduce((n, l) => n + 1 + l.replace(/\\([0-9]{3}|.)/g, 'x').length, 1);
        assert.equal(canonicalWireLength(name), octets, name);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('character-string octets', () => {
  test('charStringOctetLength is the length of charStringToOctets', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdc80, 0xdcff, 0xdd00, 0x7f, 0x80, 0x7ff, 0x800));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }).map((cs) => String.fromCharCode(...cs)), (s) => {
        assert.equal(charStringOctetLength(s), charStringToOctets(s).length);
      }),
      { numRuns: 20000 },
    );
  });
});
