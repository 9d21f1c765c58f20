import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('cname-target-missing: targets in the zone that do not exist or have no records', () => {
  const text = `${HEAD}www IN CNAME web
;            ^^^ cname-target-missing
x IN CNAME empty
;          ^^^^^ cname-target-missing
a.b.empty IN TXT "only below"
`;
  const found = assertAnnotated(text, ['cname-target-missing']);
  assert.match(found[0].message, /does not exist in this zone/);
  assert.match(found[1].message, /has no records of its own/);
});

test('cname-target-missing: existing targets, wildcards, delegations, DNAME, other zones, and chains report only the last link', () => {
  const text = `${HEAD}a IN CNAME ns1
b IN CNAME anything.wild
*.wild IN A 192.0.2.9
c IN CNAME host.sub
sub IN NS ns.example.net.
d IN CNAME x.moved
moved IN DNAME example.net.
e IN CNAME www.example.org.
f IN CNAME g
g IN CNAME gone
;          ^^^^ cname-target-missing
`;
  assertAnnotated(text, ['cname-target-missing']);
});

test('cname-target-missing: CNAMEs that are occluded (below a delegation or DNAME) are not checked', () => {
  assertAnnotated(`${HEAD}sub IN NS ns1\nx.sub IN CNAME gone\nold IN DNAME example.net.\ny.old IN CNAME gone\n`, ['cname-target-missing']);
});

test('cname-target-missing: a target written like a full name without its dot gets a hint', () => {
  const text = `${HEAD}verify IN CNAME gv-abc.dv.googlehosted.com
;               ^^^^^^^^^^^^^^^^^^^^^^^^^^ cname-target-missing
`;
  const found = assertAnnotated(text, ['cname-target-missing']);
  assert.match(found[0].message, /"gv-abc\.dv\.googlehosted\.com" has no trailing dot, so the origin was appended; write "gv-abc\.dv\.googlehosted\.com\." if the name is complete\./);
});
