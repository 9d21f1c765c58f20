import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { mark } from './helpers';

const TAIL = '@ IN NS ns1\n@ IN NS ns2.example.net.\nns1 IN A 192.0.2.1\n';

test('soa-mname-not-authoritative: a hidden primary is information on the MNAME field', () => {
  const text = `$TTL 3600
@ IN SOA hidden-primary hostmaster 1 14400 3600 1209600 3600
${mark(9, 23, 'soa-mname-not-authoritative')}
${TAIL}hidden-primary IN A 192.0.2.9
`;
  assertAnnotated(text, ['soa-mname-not-authoritative']);
  const d = diagnosticsOf(text).raw.find((x) => x.code === 'soa-mname-not-authoritative')!;
  assert.equal(d.severity, 'information');
  assert.match(d.message, /ns1\.example\.com\., ns2\.example\.net\./);
});

test('soa-mname-not-authoritative: MNAME among the NS targets, absolute or relative, or no NS at all', () => {
  assertAnnotated(`$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n${TAIL}`, ['soa-mname-not-authoritative']);
  assertAnnotated(`$TTL 3600\n@ IN SOA NS2.Example.NET. hostmaster 1 14400 3600 1209600 3600\n${TAIL}`, ['soa-mname-not-authoritative']);
  assertAnnotated(`$TTL 3600\n@ IN SOA elsewhere. hostmaster 1 14400 3600 1209600 3600\n`, ['soa-mname-not-authoritative']);
});
