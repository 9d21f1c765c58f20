import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { looksLikeAddress } from '../../../server/src/language/checks/integrity/ns-target-is-ip';
import { HEAD } from './helpers';

test('ns-target-is-ip: IPv4 and IPv6 addresses written as NS targets', () => {
  const text = `${HEAD}@ IN NS 192.0.2.53
;       ^^^^^^^^^^ ns-target-is-ip
sub IN NS 198.51.100.7.
;         ^^^^^^^^^^^^^ ns-target-is-ip
sub IN NS 2001:db8::53
;         ^^^^^^^^^^^^ ns-target-is-ip
`;
  const found = assertAnnotated(text, ['ns-target-is-ip']);
  assert.match(found[0].message, /192\.0\.2\.53\.example\.com\./);
});

test('ns-target-is-ip: host names that contain digits are fine', () => {
  assertAnnotated(`${HEAD}sub IN NS ns1.192-0-2-1.example.net.\nsub IN NS 1.2.3.example.net.\n`, ['ns-target-is-ip']);
  assert.equal(looksLikeAddress('10.0.0.1'), 'IPv4');
  assert.equal(looksLikeAddress('10.0.0.256'), null);
  assert.equal(looksLikeAddress('::1'), 'IPv6');
  assert.equal(looksLikeAddress('ns1.example.com.'), null);
});
