import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, only } from './helpers';

test('spf-redirect-with-all: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-redirect-with-all.zone'), ['spf-redirect-with-all']);
  assert.match(found[0].message, /never followed: '-all' always matches first.*RFC 7208 §6\.1/);
});

test('spf-redirect-with-all: the all mechanism is the related location', () => {
  const c = check(fixture('spf-redirect-with-all.zone'));
  assert.deepEqual(only(c, 'spf-redirect-with-all').map((d) => d.related?.map((r) => c.text.slice(r.start, r.end))), [['-all'], ['~all']]);
});
