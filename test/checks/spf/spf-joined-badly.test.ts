import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyPreferred, check, covered, fixture, HEAD, only } from './helpers';

test('spf-joined-badly: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-joined-badly.zone'), ['spf-joined-badly', 'spf-syntax']);
  assert.match(found[0].message, /reads 'v=spf1mx'/);
});

test('spf-joined-badly: the fix ends the first string with a space, and the record is then SPF', () => {
  const text = `${HEAD}@ IN TXT "v=spf1" "mx -all"\nwww IN A 192.0.2.80\n`;
  const fixed = applyPreferred(check(text), 'spf-joined-badly');
  assert.equal(fixed, `${HEAD}@ IN TXT "v=spf1 " "mx -all"\nwww IN A 192.0.2.80\n`);
  const after = check(fixed);
  assert.deepEqual(only(after, 'spf-joined-badly'), []);
  assert.deepEqual(covered(after, 'spf-no-all'), []);
});

test('spf-joined-badly: with an empty string after v=spf1, the space goes into the last string before the glue', () => {
  const text = `${HEAD}@ IN TXT "v=spf1" "" "a -all"\n`;
  assert.equal(applyPreferred(check(text), 'spf-joined-badly'), `${HEAD}@ IN TXT "v=spf1" " " "a -all"\n`);
});

test('spf-joined-badly: bare words are quoted so they can hold the space', () => {
  assert.equal(applyPreferred(check(`${HEAD}@ IN TXT v=spf1 "mx -all"\n`), 'spf-joined-badly'), `${HEAD}@ IN TXT v=spf1 " mx -all"\n`);
  assert.equal(applyPreferred(check(`${HEAD}@ IN TXT v=spf1 mx\n`), 'spf-joined-badly'), `${HEAD}@ IN TXT "v=spf1 " mx\n`);
  assert.equal(only(check(`${HEAD}@ IN TXT "v=spf1 " mx\n`), 'spf-joined-badly').length, 0);
});

test('spf-joined-badly: a record split over lines in parentheses', () => {
  const text = `${HEAD}@ IN TXT ( "v=spf1"\n           "ip4:192.0.2.0/24 -all" )\n`;
  const c = check(text);
  assert.deepEqual(covered(c, 'spf-joined-badly'), ['v=spf1"\n           "ip4:192.0.2.0/24']);
  assert.equal(applyPreferred(c, 'spf-joined-badly'), `${HEAD}@ IN TXT ( "v=spf1 "\n           "ip4:192.0.2.0/24 -all" )\n`);
});
