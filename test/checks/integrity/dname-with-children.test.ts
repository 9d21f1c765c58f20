import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('dname-with-children: one finding on the DNAME, the names below it as related', () => {
  const text = `${HEAD}foo IN DNAME bar
;      ^^^^^ dname-with-children
bar.foo IN A 192.0.2.1
x.y.foo IN TXT "hidden"
`;
  const found = assertAnnotated(text, ['dname-with-children']);
  assert.match(found[0].message, /2 names below it/);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'dname-with-children')!;
  assert.deepEqual(d.related!.map((r) => text.slice(r.start, r.end)), ['bar.foo', 'x.y.foo']);
});

test('dname-with-children: a DNAME without children, and NSEC3 names below an apex DNAME, are fine', () => {
  assertAnnotated(`${HEAD}foo IN DNAME bar.example.net.\nfoobar IN A 192.0.2.1\n`, ['dname-with-children']);
  const apex = `$TTL 3600
@ IN SOA ns1.example.net. hostmaster 1 14400 3600 1209600 3600
@ IN NS ns1.example.net.
@ IN DNAME example.net.
abcdefghijklmnopqrstuv0123456789 IN NSEC3 1 0 0 - ABCDEFGHIJKLMNOPQRSTUV0123456789 A
abcdefghijklmnopqrstuv0123456789 IN RRSIG NSEC3 13 3 3600 20300101000000 20200101000000 12345 example.com. AAAA
`;
  assertAnnotated(apex, ['dname-with-children']);
  const withChild = apex + 'www IN A 192.0.2.1\n';
  assert.equal(diagnosticsOf(withChild).actual.filter((a) => a.code === 'dname-with-children').length, 1);
});

test('dname-with-children: a DNAME at a delegation point is occluded, the names below are glue', () => {
  const text = `${HEAD}ns-and-dname IN NS ns.ns-and-dname
    IN DNAME example.net.
ns.ns-and-dname IN A 192.0.2.9
`;
  assertAnnotated(text, ['dname-with-children']);
});
