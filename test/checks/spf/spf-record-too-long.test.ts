import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, HEAD, only } from './helpers';

/** The expected size of a TXT answer, from the quoted strings as written (ASCII, no escapes). */
function answerSize(owner: string, records: string[][]): number {
  const question = owner.split('.').filter(Boolean).reduce((n, l) => n + 1 + l.length, 1) + 4;
  return 12 + question + records.reduce((n, strings) => n + 12 + strings.reduce((m, s) => m + 1 + s.length, 0), 0);
}

const stringsOf = (line: string): string[] => [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]);

test('spf-record-too-long: annotated fixture', () => {
  assertAnnotated(fixture('spf-record-too-long.zone'), ['spf-record-too-long']);
});

test('spf-record-too-long: the size counts every TXT record at the name', () => {
  const text = fixture('spf-record-too-long.zone');
  const c = check(text);
  const [long, crowded] = only(c, 'spf-record-too-long').map((d) => d.message);
  const longStrings = stringsOf(text.slice(text.indexOf('long IN TXT'), text.indexOf(')', text.indexOf('long IN TXT'))));
  const longSize = answerSize('long.example.com', [longStrings]);
  assert.ok(longSize > 450);
  assert.match(long, new RegExp(`^A TXT query for long\\.example\\.com returns about ${longSize} octets \\(the SPF record's own data is ${longStrings.reduce((n, s) => n + 1 + s.length, 0)} octets\\)`));
  const crowdedLines = text.split('\n').filter((l) => l.startsWith('crowded'));
  const crowdedSize = answerSize('crowded.example.com', crowdedLines.map(stringsOf));
  assert.match(crowded, new RegExp(`returns about ${crowdedSize} octets \\(the SPF record's data is 29 octets and the 2 other TXT records at this name add`));
});

test('spf-record-too-long: 450 octets is fine, 451 is not', () => {
  // owner example.com: 12 + 13 + 4 + 12 = 41 octets around the rdata; two strings of 203 and 203 make 409 octets of rdata.
  const pad = (n: number) => 'v=spf1 ip4:192.0.2.1 ' + 'a'.repeat(n - 21);
  const at = check(`${HEAD}@ IN TXT "${pad(203)}" "${'b'.repeat(204)}"\n`);
  assert.deepEqual(only(at, 'spf-record-too-long'), []);
  const over = check(`${HEAD}@ IN TXT "${pad(203)}" "${'b'.repeat(205)}"\n`);
  assert.match(only(over, 'spf-record-too-long')[0].message, /returns about 451 octets/);
});
