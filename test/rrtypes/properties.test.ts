/** Property tests against independent implementations (Node's Buffer and WHATWG URL) and round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatIpv6, parseIpv6 } from '../../server/src/language/rrtypes/addresses';
import { decodeBase32Hex, decodeBase64, encodeBase32Hex, encodeBase64 } from '../../server/src/language/rrtypes/encodings';
import { decodeCharString, formatCharString, charStringToOctets, isCharStringError } from '../../server/src/language/rrtypes/charStrings';
import { rrTypeByName } from '../../server/src/language/rrtypes/registry';
import { makeContext } from './tokenize';

/** Sixteen octets, mostly zero words, so that `::` runs of every length turn up. */
const ipv6Bytes = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }).map((words) => Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff])));

test('IPv6 text matches the WHATWG URL serializer (RFC 5952 compression) and parses back', () => {
  fc.assert(
    fc.property(ipv6Bytes, (b) => {
      const text = formatIpv6(b);
      assert.deepEqual(parseIpv6(text), b);
      // URL does not keep the dotted form of IPv4-mapped addresses; compare the rest.
      if (!text.startsWith('::ffff:') || !text.includes('.')) assert.equal(`[${text}]`, new URL(`http://[${text}]/`).hostname);
    }),
    { numRuns: 2000 },
  );
});

test('base64 agrees with Buffer and round-trips', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
      const text = encodeBase64(b);
      assert.equal(text, Buffer.from(b).toString('base64'));
      assert.deepEqual(decodeBase64(text), Uint8Array.from(b));
    }),
  );
});

test('base32hex round-trips and refuses nothing it produced', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (b) => {
      assert.deepEqual(decodeBase32Hex(encodeBase32Hex(b).toLowerCase()), Uint8Array.from(b));
    }),
  );
});

test('character-strings: the presentation form decodes to the same octets', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 60 }), (octets) => {
      const value = new TextDecoder('latin1').decode(octets); // any string will do as a start
      const source = formatCharString(value);
      const d = decodeCharString({ text: source.slice(1, -1), start: 0, end: source.length, quoted: true });
      assert.ok(!isCharStringError(d));
      assert.deepEqual(charStringToOctets(d.charString.value), charStringToOctets(value));
      assert.equal(d.octets, charStringToOctets(value).length);
    }),
  );
});

test('TXT rdata octets decode and re-encode unchanged', () => {
  const txt = rrTypeByName('TXT')!;
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 255 }), { minLength: 1, maxLength: 4 }), (strings) => {
      const wire = Uint8Array.from(strings.flatMap((s) => [s.length, ...s]));
      const ctx = makeContext([]);
      const fields = txt.fromWire(wire, { start: 0, end: 1 }, ctx);
      assert.deepEqual(ctx.errors, []);
      assert.deepEqual(txt.toWire(fields!), wire);
    }),
  );
});
