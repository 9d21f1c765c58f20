/** Character-string decoding: values, octet counts, document offsets of every character, errors. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { charStringToOctets, decodeCharString, formatCharString, isCharStringError, octetsToCharString } from '../../server/src/language/rrtypes/charStrings';
import { charStringOffset, JoinedText } from '../../server/src/language/text/charString';
import type { RdataToken } from '../../server/src/language/rrtypes/spec';
import { parseRecord } from './tokenize';

/** A token as the lexer would give it for `source` (with quotes when quoted) placed at offset 100. */
function token(source: string): RdataToken {
  const quoted = source.startsWith('"');
  return { text: quoted ? source.slice(1, -1) : source, start: 100, end: 100 + source.length, quoted };
}

function decode(source: string) {
  const r = decodeCharString(token(source));
  if (isCharStringError(r)) throw new Error(r.error);
  return r;
}

describe('decodeCharString', () => {
  test('a quoted string without escapes has no map; content starts after the quote', () => {
    const { charString, octets } = decode('"v=spf1 -all"');
    assert.equal(charString.value, 'v=spf1 -all');
    assert.equal(charString.start, 101);
    assert.equal(charString.end, 112);
    assert.equal(charString.map, undefined);
    assert.equal(charString.quoted, true);
    assert.equal(octets, 11);
    assert.equal(charStringOffset(charString, 7), 108);
  });

  test('an unquoted string starts at the token', () => {
    const { charString } = decode('abc');
    assert.deepEqual([charString.value, charString.start, charString.end, charString.quoted], ['abc', 100, 103, false]);
  });

  test('\\X and \\DDD escapes are decoded and mapped to where they start', () => {
    const { charString, octets } = decode('"a\\"b\\065\\\\"');
    assert.equal(charString.value, 'a"bA\\');
    assert.equal(octets, 5);
    // a at 101, \" at 102, b at 104, \065 at 105, \\ at 109, end at 111.
    assert.deepEqual(Array.from(charString.map!), [101, 102, 104, 105, 109, 111]);
    assert.equal(charString.end, 111);
  });

  test('octets are counted in UTF-8, and escaped UTF-8 reads as the same character', () => {
    const raw = decode('"é"');
    const escaped = decode('"\\195\\169"');
    assert.equal(raw.octets, 2);
    assert.equal(escaped.octets, 2);
    assert.equal(raw.charString.value, 'é');
    assert.equal(escaped.charString.value, 'é');
    assert.deepEqual(Array.from(escaped.charString.map!), [101, 109]);
  });

  test('an octet that is not UTF-8 survives the round trip to octets', () => {
    const { charString, octets } = decode('"x\\255y"');
    assert.equal(octets, 3);
    assert.deepEqual(Array.from(charStringToOctets(charString.value)), [0x78, 0xff, 0x79]);
  });

  test('astral characters keep their two UTF-16 units mapped', () => {
    const { charString, octets } = decode('"\\065😀"');
    assert.equal(octets, 5);
    assert.equal(charString.value, 'A😀');
    assert.deepEqual(Array.from(charString.map!), [101, 105, 106, 107]);
  });

  const errors: [string, number, number][] = [
    ['"\\256"', 101, 105],
    ['"ab\\12"', 103, 106],
    ['"\\1x3"', 101, 105],
    ['ab\\', 102, 103],
  ];
  for (const [source, start, end] of errors) {
    test(`${source} is refused at [${start}, ${end})`, () => {
      const r = decodeCharString(token(source));
      assert.ok(isCharStringError(r));
      assert.deepEqual([r.start, r.end], [start, end]);
    });
  }
});

describe('the 255-octet limit of one character-string', () => {
  test('255 octets are accepted, 256 refused with the octet count', () => {
    assert.deepEqual(parseRecord('TXT', `"${'x'.repeat(255)}"`).errors, []);
    const r = parseRecord('TXT', `"ok" "${'x'.repeat(256)}"`);
    assert.equal(r.fields, null);
    assert.equal(r.errors.length, 1);
    assert.equal(r.errors[0].message, 'character-string is 256 octets; the limit is 255 (split it into several quoted strings)');
    assert.deepEqual([r.errors[0].start, r.errors[0].end], [r.rdataStart + 5, r.rdataStart + 5 + 258]);
  });
  test('the limit counts UTF-8 octets and escapes as one octet each', () => {
    assert.deepEqual(parseRecord('TXT', `"${'é'.repeat(127)}x"`).errors, []);
    assert.match(parseRecord('TXT', `"${'é'.repeat(128)}"`).errors[0].message, /256 octets/);
    assert.deepEqual(parseRecord('TXT', `"${'\\065'.repeat(255)}"`).errors, []);
    assert.match(parseRecord('TXT', `"${'\\065'.repeat(256)}"`).errors[0].message, /256 octets/);
  });
  test('a CAA value and a URI target are not character-strings and may be longer', () => {
    assert.deepEqual(parseRecord('CAA', `0 issue "${'x'.repeat(300)}"`).errors, []);
    assert.deepEqual(parseRecord('URI', `1 1 "https://example.com/${'x'.repeat(300)}"`).errors, []);
  });
});

describe('TXT strings joined with their document offsets', () => {
  test('a term split across strings and escapes maps back to the source', () => {
    const rdata = '"v=spf1 " "\\105nclude:_spf.example.com -all"';
    const r = parseRecord('TXT', rdata);
    const joined = new JoinedText(r.fields![0].value as never);
    assert.equal(joined.value, 'v=spf1 include:_spf.example.com -all');
    const at = joined.value.indexOf('include');
    // `\105` is the `i`; the term ends just after "com".
    const range = joined.rangeOf(at, at + 'include:_spf.example.com'.length);
    assert.equal(range.start, r.rdataStart + rdata.indexOf('\\105'));
    assert.equal(range.end, r.rdataStart + rdata.indexOf(' -all'));
  });
});

describe('wire conversions', () => {
  test('octetsToCharString maps every character to the start of the rdata', () => {
    const s = octetsToCharString([0x68, 0x69, 0xc3, 0xa9, 0xff], { start: 10, end: 30 });
    assert.equal(s.value, 'hié\udcff');
    assert.equal(charStringOffset(s, 2), 10);
    assert.equal(charStringOffset(s, s.value.length), 30);
    assert.deepEqual(Array.from(charStringToOctets(s.value)), [0x68, 0x69, 0xc3, 0xa9, 0xff]);
  });
  test('formatCharString escapes quotes, backslashes and non-printable octets', () => {
    assert.equal(formatCharString('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(formatCharString('é\u0000'), '"\\195\\169\\000"');
  });
});
