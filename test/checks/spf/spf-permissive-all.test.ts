import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyPreferred, check, fixture, fixTitles, HEAD, only } from './helpers';

test('spf-permissive-all: annotated fixture', () => {
  assertAnnotated(fixture('spf-permissive-all.zone'), ['spf-permissive-all', 'spf-terms-after-all']);
});

test('spf-permissive-all: +all (written or implied) is an error, ?all a warning', () => {
  const c = check(fixture('spf-permissive-all.zone'));
  assert.deepEqual(
    only(c, 'spf-permissive-all').map((d) => [c.text.slice(d.start, d.end), d.severity]),
    [['+all', 'error'], ['all', 'error'], ['?ALL', 'warning']],
  );
  assert.match(only(c, 'spf-permissive-all')[0].message, /every host on the Internet pass/);
  assert.match(only(c, 'spf-permissive-all')[2].message, /neutral/);
});

test('spf-permissive-all: the fix writes ~all in place of the term', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 mx +all"\n`;
  assert.equal(applyPreferred(check(text), 'spf-permissive-all'), `${HEAD}@ IN TXT "v=spf1 mx ~all"\n`);
  const bare = `${HEAD}@ IN TXT ( "v=spf1 ip4:192.0.2.0/24"\n  " ?all" )\n`;
  assert.equal(applyPreferred(check(bare), 'spf-permissive-all'), `${HEAD}@ IN TXT ( "v=spf1 ip4:192.0.2.0/24"\n  " ~all" )\n`);
  const fixed = applyPreferred(check(`${HEAD}@ IN TXT "v=spf1 a all"\n`), 'spf-permissive-all');
  assert.equal(fixed, `${HEAD}@ IN TXT "v=spf1 a ~all"\n`);
  assert.deepEqual(only(check(fixed), 'spf-permissive-all'), []);
});

test('spf-permissive-all: no fix for a term split across two strings', () => {
  const c = check(`${HEAD}@ IN TXT "v=spf1 mx +a" "ll"\n`);
  assert.equal(only(c, 'spf-permissive-all').length, 1);
  assert.deepEqual(fixTitles(c, 'spf-permissive-all'), [[]]);
});
