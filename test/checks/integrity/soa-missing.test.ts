import { test } from 'node:test';
import { assertFindings, HEAD } from './helpers';

test('soa-missing: a zone without SOA is reported on its first record', () => {
  assertFindings('$TTL 3600\n@ IN NS ns1.example.net.\nwww IN A 192.0.2.1\n', 'soa-missing', ['2:0-1']);
});

test('soa-missing: an SOA only below the apex does not count', () => {
  const text = '$TTL 3600\nwww IN A 192.0.2.1\nsub IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n';
  assertFindings(text, 'soa-missing', ['2:0-3']);
});

test('soa-missing: a zone with an apex SOA, and an empty document, are fine', () => {
  assertFindings(HEAD, 'soa-missing', []);
  assertFindings('; nothing here yet\n', 'soa-missing', []);
  assertFindings('$ORIGIN example.com.\n@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n', 'soa-missing', []);
});
