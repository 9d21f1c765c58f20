import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated } from '../../helpers/annotations';
import { HEAD } from './helpers';

test('srv-target-is-cname: an SRV target that is an alias', () => {
  const text = `${HEAD}_imaps._tcp IN SRV 0 1 993 imap
;                          ^^^^ srv-target-is-cname
imap IN CNAME ns1
`;
  const found = assertAnnotated(text, ['srv-target-is-cname']);
  assert.match(found[0].message, /Use the CNAME's target \(ns1\.example\.com\.\)/);
});

test('srv-target-is-cname: canonical targets and out-of-zone targets', () => {
  assertAnnotated(`${HEAD}_imaps._tcp IN SRV 0 1 993 ns1\n_x._tcp IN SRV 0 1 1 alias.example.net.\n`, ['srv-target-is-cname']);
});
