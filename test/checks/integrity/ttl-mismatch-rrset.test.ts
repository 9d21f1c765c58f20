import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { applyFix, fixesOf, HEAD } from './helpers';

test('ttl-mismatch-rrset: differing TTLs in one RRset, on the TTL or the type', () => {
  const text = `${HEAD}www 300 IN A 192.0.2.1
www 600 IN A 192.0.2.2
;   ^^^ ttl-mismatch-rrset
www IN A 192.0.2.3
;      ^ ttl-mismatch-rrset
www 300 IN AAAA 2001:db8::1
www 5m IN A 192.0.2.4
`;
  const found = assertAnnotated(text, ['ttl-mismatch-rrset']);
  assert.match(found[0].message, /TTL 600 differs from the TTL 300/);
});

test('ttl-mismatch-rrset: RRSIGs of different types may differ; equal TTLs are fine', () => {
  const text = `${HEAD}www 300 IN RRSIG A 13 3 300 20300101000000 20200101000000 12345 example.com. AAAA
www 600 IN RRSIG TXT 13 3 600 20300101000000 20200101000000 12345 example.com. AAAA
www 1h IN A 192.0.2.1
www 3600 IN A 192.0.2.2
`;
  assertAnnotated(text, ['ttl-mismatch-rrset']);
});

test('ttl-mismatch-rrset: the fix writes the first TTL, replacing or inserting', () => {
  const text = `${HEAD}www 300 IN A 192.0.2.1\nwww 600 IN A 192.0.2.2\nwww IN A 192.0.2.3\nwww A 192.0.2.4\n`;
  assert.equal(applyFix(text, 'ttl-mismatch-rrset', 0), `${HEAD}www 300 IN A 192.0.2.1\nwww 300 IN A 192.0.2.2\nwww IN A 192.0.2.3\nwww A 192.0.2.4\n`);
  assert.equal(applyFix(text, 'ttl-mismatch-rrset', 1), `${HEAD}www 300 IN A 192.0.2.1\nwww 600 IN A 192.0.2.2\nwww 300 IN A 192.0.2.3\nwww A 192.0.2.4\n`);
  assert.equal(applyFix(text, 'ttl-mismatch-rrset', 2), `${HEAD}www 300 IN A 192.0.2.1\nwww 600 IN A 192.0.2.2\nwww IN A 192.0.2.3\nwww 300 A 192.0.2.4\n`);
});

test('ttl-mismatch-rrset: no fix while TTLs are inherited RFC 1035 style', () => {
  const text = `@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.1\nwww 300 IN A 192.0.2.1\nwww 600 IN A 192.0.2.2\n`;
  assert.deepEqual(fixesOf(text, 'ttl-mismatch-rrset'), [[]]);
});
