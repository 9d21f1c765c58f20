import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('ns-target-is-cname: apex and delegation NS pointing at an alias, directly or by wildcard', () => {
  const text = `${HEAD}@ IN NS dns
;       ^^^ ns-target-is-cname
dns IN CNAME ns1
sub IN NS x.alias
;         ^^^^^^^ ns-target-is-cname
*.alias IN CNAME ns2
`;
  assertAnnotated(text, ['ns-target-is-cname']);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'ns-target-is-cname')!;
  assert.equal(text.slice(d.related![0].start, d.related![0].end), 'CNAME');
});

test('ns-target-is-cname: canonical targets, and targets outside the zone or below a delegation', () => {
  const text = `${HEAD}sub IN NS ns.sub
ns.sub IN A 192.0.2.3
other IN NS www.example.net.
other IN NS alias.sub
`;
  assertAnnotated(text, ['ns-target-is-cname']);
});

test('ns-target-is-cname: a target below a DNAME is an alias too (BIND: "is below a DNAME")', () => {
  const text = `${HEAD}sub IN NS ns.sub2.example.com.
;         ^^^^^^^^^^^^^^^^^^^^ ns-target-is-cname
sub2 IN DNAME example.net.
`;
  const found = assertAnnotated(text, ['ns-target-is-cname']);
  assert.match(found[0].message, /below the DNAME at sub2\.example\.com\./);
  // glue-missing leaves it to this rule.
  assertAnnotated(text, ['glue-missing']);
});

test('ns-target-is-cname: NS records below a DNAME are never served and not checked', () => {
  const text = `${HEAD}moved IN DNAME example.net.
sub.moved IN NS alias.moved
`;
  assertAnnotated(text, ['ns-target-is-cname', 'glue-missing']);
});
