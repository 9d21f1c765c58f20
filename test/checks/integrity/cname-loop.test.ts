import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('cname-loop: one finding per loop, on its first record, the others related', () => {
  const text = `${HEAD}a IN CNAME b
;          ^ cname-loop
b IN CNAME c.example.com.
c IN CNAME a
self IN CNAME self
;             ^^^^ cname-loop
`;
  const found = assertAnnotated(text, ['cname-loop']);
  assert.match(found[0].message, /a\.example\.com\. → b\.example\.com\. → c\.example\.com\. → a\.example\.com\./);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'cname-loop')!;
  assert.equal(d.related?.length, 2);
});

test('cname-loop: a loop through a wildcard, and a chain that leads into a loop reports only the loop', () => {
  const text = `${HEAD}entry IN CNAME x.w
*.w IN CNAME y.w
;            ^^^ cname-loop
`;
  assertAnnotated(text, ['cname-loop']);
});

test('cname-loop: long chains that end, and chains leaving the zone, are fine', () => {
  assertAnnotated(`${HEAD}a IN CNAME b\nb IN CNAME c\nc IN CNAME ns1\nd IN CNAME www.example.net.\n`, ['cname-loop']);
});
