import { test } from 'node:test';
import { assertFindings, HEAD } from './helpers';
import { assertAnnotated } from '../../helpers/annotations';

test('glue-orphan: address records below a delegation that no NS names', () => {
  const text = `${HEAD}sub IN NS ns.sub
ns.sub IN A 192.0.2.3
old.sub IN A 192.0.2.4
    IN AAAA 2001:db8::4
;      ^^^^ glue-orphan
sub IN A 192.0.2.5
`;
  assertFindings(text, 'glue-orphan', ['9:0-7', '10:7-11', '12:0-3']);
});

test('glue-orphan: glue used by any NS (sibling glue too), wildcard glue, and data outside delegations', () => {
  const text = `${HEAD}a IN NS ns.a
b IN NS ns.a
ns.a IN A 192.0.2.3
c IN NS x.ns.c
*.ns.c IN AAAA ::1
www IN A 192.0.2.9
`;
  assertAnnotated(text, ['glue-orphan']);
});
