import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

const SOA = '$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n';

test('glue-missing: apex NS in the zone without addresses, and the apex itself', () => {
  const text = `${SOA}@ IN NS ns1
;       ^^^ glue-missing
@ IN NS ns2
@ IN NS @
;       ^ glue-missing
ns2 IN AAAA 2001:db8::2
`;
  assertAnnotated(text, ['glue-missing']);
});

test('glue-missing: delegation whose servers are inside it (glue) or in this zone (data)', () => {
  const text = `${HEAD}sub IN NS ns.sub
;         ^^^^^^ glue-missing
sub IN NS dns3
;         ^^^^ glue-missing
ok IN NS ns.ok
ok IN NS ns1
ns.ok IN A 192.0.2.7
`;
  assertAnnotated(text, ['glue-missing']);
});

test('glue-missing: not required below another delegation, outside the zone, or with wildcard glue (as Knot)', () => {
  const text = `${SOA}@ IN NS ns2.d
@ IN NS foreign.example.net.
d IN NS ns1.d
ns1.d IN A 192.0.2.1
x IN NS d
abc IN NS a.ns.abc
*.ns.abc IN AAAA ::1
deleg2 IN NS a.ns.ns.ns.xyz
*.ns.xyz IN AAAA ::2
`;
  assertAnnotated(text, ['glue-missing']);
});

test('glue-missing: a CNAME target is left to ns-target-is-cname', () => {
  assertAnnotated(`${HEAD}sub IN NS alias\nalias IN CNAME ns1\n`, ['glue-missing']);
});
