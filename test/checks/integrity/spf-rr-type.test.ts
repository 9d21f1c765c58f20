import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyFix, HEAD, messagesOf } from './helpers';

test('spf-rr-type: every SPF-type record is reported on its type', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 mx -all"
@ IN SPF "v=spf1 mx -all"
;    ^^^ spf-rr-type
y 300 IN SPF "v=spf1 -all"
;        ^^^ spf-rr-type
`;
  assertAnnotated(text, ['spf-rr-type']);
  const [withTwin, alone] = messagesOf(text, 'spf-rr-type');
  assert.match(withTwin, /TXT record with the same text/);
  assert.match(alone, /Publish it as TXT instead/);
});

test('spf-rr-type: the fix turns the type into TXT', () => {
  const text = `${HEAD}@ IN SPF "v=spf1 mx -all"\n`;
  assert.equal(applyFix(text, 'spf-rr-type'), `${HEAD}@ IN TXT "v=spf1 mx -all"\n`);
});

test('spf-rr-type: with a TXT twin (text joined across strings) the fix deletes the SPF record', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 " "mx -all"\n@ IN SPF "v=spf1 mx -all" ; legacy\n@ IN MX 10 mail\n`;
  assert.equal(applyFix(text, 'spf-rr-type'), `${HEAD}@ IN TXT "v=spf1 " "mx -all"\n@ IN MX 10 mail\n`);
});

test('spf-rr-type: with a twin but an unsafe deletion, the type is converted instead', () => {
  const text = `${HEAD}mail IN TXT "v=spf1 -all"\nwww IN A 192.0.2.1\nmail IN SPF "v=spf1 -all"\n    IN A 192.0.2.9\n`;
  assert.equal(applyFix(text, 'spf-rr-type'), `${HEAD}mail IN TXT "v=spf1 -all"\nwww IN A 192.0.2.1\nmail IN TXT "v=spf1 -all"\n    IN A 192.0.2.9\n`);
});

test('spf-rr-type: TXT records are not reported', () => {
  assertAnnotated(`${HEAD}@ IN TXT "v=spf1 -all"\n`, ['spf-rr-type']);
});
