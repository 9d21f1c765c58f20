import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, HEAD, only } from './helpers';

test('spf-ptr-deprecated: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-ptr-deprecated.zone'), ['spf-ptr-deprecated']);
  assert.equal(found.length, 3);
  assert.match(found[0].message, /RFC 7208 §5\.5/);
});

test('spf-ptr-deprecated: a warning, also for a ptr after all', () => {
  const c = check(`${HEAD}@ IN TXT "v=spf1 -all ptr"\n`);
  assert.deepEqual(only(c, 'spf-ptr-deprecated').map((d) => [c.text.slice(d.start, d.end), d.severity]), [['ptr', 'warning']]);
});
