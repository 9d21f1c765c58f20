/**
 * The txt-string-too-long fix on arbitrary long strings (escapes `\"`, `\\`, `\DDD` of any octet,
 * non-ASCII text, spaces, semicolons and parentheses inside quotes): the strings it writes are at
 * most 255 octets each and join to exactly the octets of the string it split (a DKIM key split
 * wrongly would no longer verify), and it adds no finding of the parser.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, validate } from '../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../server/src/language/workspace/workspace';
import { applyEdits, ruleFixes } from '../../server/src/language/features/codeActions';
import { charStringToOctets } from '../../server/src/language/rrtypes/charStrings';
import type { CharString } from '../../server/src/language/text/charString';
import { fuzzParams } from './config';
import { grownCodes, show, syntaxCounts } from './invariants';

const HEAD = '$ORIGIN example.com.\n$TTL 1h\n@ IN SOA ns1 hm 1 4h 1h 2w 1h\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';

/** One character of a quoted string as written: plain, an escaped character, \DDD, or non-ASCII. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', ';', '(', ')', '=', '+', '/', '.', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('\\"', '\\\\', '\\;', '\\ ') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }).map((n) => '\\' + String(n).padStart(3, '0')) },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', '€', '😀', '中') },
);

const octetsOf = (strings: readonly CharString[]): number[] => strings.flatMap((s) => [...charStringToOctets(s.value)]);

function txtStrings(text: string): { zone: ReturnType<typeof parseDocument>; strings: CharString[] } {
  const zone = parseDocument({ text, origin: 'example.com.' });
  const txt = zone.records.find((r) => r.type === 'TXT');
  assert.ok(txt && txt.valid, `the TXT record parses in ${show(text)}`);
  return { zone, strings: txt.rdata[0].value as CharString[] };
}

describe('the txt-string-too-long fix on arbitrary strings', () => {
  test('splits into strings of at most 255 octets that join to the same octets', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 200, maxLength: 700 }), fc.boolean(), (pieces, split) => {
        const body = pieces.join('');
        // Sometimes a short string before the long one: the fix must leave it alone.
        const text = `${HEAD}@ IN TXT ${split ? '"v=DKIM1; k=rsa; " ' : ''}"${body}"\n`;
        const { zone, strings } = txtStrings(text);
        const before = octetsOf(strings);
        const diagnostics = validate(zone, singleZoneWorkspace('z', zone));
        const d = diagnostics.find((x) => x.code === 'txt-string-too-long');
        if (!d) {
          assert.ok(strings.every((s) => charStringToOctets(s.value).length <= 255), `unreported long string in ${show(text)}`);
          return;
        }
        const fix = ruleFixes(d, zone, singleZoneWorkspace('z', zone))[0];
        assert.ok(fix, `no fix for ${show(text)}`);
        const fixed = applyEdits(text, fix.edits);
        const after = txtStrings(fixed);
        const context = `${show(text)} became ${show(fixed)}`;
        assert.deepEqual(octetsOf(after.strings), before, context);
        for (const s of after.strings) assert.ok(charStringToOctets(s.value).length <= 255, context);
        assert.deepEqual(grownCodes(syntaxCounts(zone.parseDiagnostics), syntaxCounts(after.zone.parseDiagnostics)), [], context);
      }),
      fuzzParams(150, 2),
    );
  });
});
