import { test } from 'node:test';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('ns-single: one apex NS is reported on its target', () => {
  const text = `$TTL 3600
@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600
@ IN NS ns1.example.net.
;       ^^^^^^^^^^^^^^^^ ns-single
sub IN NS a.example.net.
sub IN NS b.example.net.
`;
  assertAnnotated(text, ['ns-single']);
});

test('ns-single: two or more apex NS, a single NS for a delegation, and no NS at all are not reported', () => {
  assertAnnotated(HEAD, ['ns-single']);
  assertAnnotated(`${HEAD}sub IN NS ns.example.net.\n`, ['ns-single']);
  assertAnnotated('$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n', ['ns-single']);
});
