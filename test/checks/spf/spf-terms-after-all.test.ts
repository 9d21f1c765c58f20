import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { check, fixture, only } from './helpers';

test('spf-terms-after-all: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-terms-after-all.zone'), ['spf-terms-after-all']);
  assert.match(found[0].message, /'ip4:192\.0\.2\.0\/24' comes after '-all'.*never evaluated/);
});

test('spf-terms-after-all: each finding relates to the all mechanism', () => {
  const c = check(fixture('spf-terms-after-all.zone'));
  assert.deepEqual(only(c, 'spf-terms-after-all').map((d) => d.related?.map((r) => c.text.slice(r.start, r.end))), [['-all'], ['-all'], ['~all']]);
});
