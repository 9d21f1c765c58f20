import { test } from 'node:test';
import { assertFindings, HEAD } from './helpers';

test('soa-not-at-apex: an SOA below the origin, written or inherited owner', () => {
  const text = `${HEAD}sub IN SOA ns1 hostmaster 1 14400 3600 1209600 3600
sub2 IN TXT "x"
    IN SOA ns1 hostmaster 2 14400 3600 1209600 3600
`;
  assertFindings(text, 'soa-not-at-apex', ['7:0-3', '9:7-10']);
});

test('soa-not-at-apex: the apex SOA is fine, however its owner is written', () => {
  assertFindings(HEAD, 'soa-not-at-apex', []);
  assertFindings('$TTL 1h\nexample.com. IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n', 'soa-not-at-apex', []);
});
