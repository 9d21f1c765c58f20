import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('soa-multiple: a second, different SOA at the apex', () => {
  const text = `${HEAD}@ IN SOA ns1 hostmaster 2024010102 14400 3600 1209600 3600
;    ^^^ soa-multiple
`;
  assertAnnotated(text, ['soa-multiple']);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'soa-multiple');
  assert.equal(d?.related?.length, 1);
  assert.equal(text.slice(d!.related![0].start, d!.related![0].end), 'SOA');
  assert.ok(d!.related![0].start < 30, 'related points at the first SOA');
});

test('soa-multiple: an identical copy is a duplicate, not a second SOA', () => {
  const text = `${HEAD}@ IN SOA ns1.example.com. hostmaster 2024010101 4h 3600 1209600 1h
`;
  assertAnnotated(text, ['soa-multiple']);
  assert.ok(diagnosticsOf(text).actual.some((a) => a.code === 'duplicate-record'));
});

test('soa-multiple: three SOAs, two of them equal, give one finding per distinct extra one', () => {
  const text = `${HEAD}@ IN SOA ns1 hostmaster 2 14400 3600 1209600 3600
;    ^^^ soa-multiple
@ IN SOA ns1 hostmaster 2 14400 3600 1209600 3600
@ IN SOA ns1 hostmaster 3 14400 3600 1209600 3600
;    ^^^ soa-multiple
`;
  assertAnnotated(text, ['soa-multiple']);
});
