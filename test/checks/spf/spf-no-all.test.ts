import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyEdits } from '../../../server/src/language/features/codeActions';
import { check, fixesFor, fixture, HEAD, only } from './helpers';

test('spf-no-all: annotated fixture', () => {
  const found = assertAnnotated(fixture('spf-no-all.zone'), ['spf-no-all', 'spf-permissive-all']);
  assert.match(found[0].message, /neutral/);
  assert.ok(only(check(fixture('spf-no-all.zone')), 'spf-no-all').every((d) => d.severity === 'information'));
});

test('spf-no-all: two fixes, neither applied by default: append ~all or -all to the last string', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 mx" " a"\n`;
  const c = check(text);
  const fixes = fixesFor(c, only(c, 'spf-no-all')[0]);
  assert.deepEqual(fixes.map((f) => f.isPreferred ?? false), [false, false]);
  assert.equal(applyEdits(text, fixes[0].edits), `${HEAD}@ IN TXT "v=spf1 mx" " a ~all"\n`);
  assert.equal(applyEdits(text, fixes[1].edits), `${HEAD}@ IN TXT "v=spf1 mx" " a -all"\n`);
  assert.deepEqual(only(check(applyEdits(text, fixes[1].edits)), 'spf-no-all'), []);
});

test('spf-no-all: a record ending with a space gets no second one', () => {
  const text = `${HEAD}@ IN TXT "v=spf1 mx "\n`;
  const c = check(text);
  assert.equal(applyEdits(text, fixesFor(c, only(c, 'spf-no-all')[0])[0].edits), `${HEAD}@ IN TXT "v=spf1 mx ~all"\n`);
});
