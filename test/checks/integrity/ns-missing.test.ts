import { test } from 'node:test';
import { assertFindings, HEAD } from './helpers';
import { assertAnnotated } from '../../helpers/annotations';

test('ns-missing: an apex without NS is reported on the SOA owner', () => {
  assertFindings('$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\nns1 IN A 192.0.2.1\n', 'ns-missing', ['2:0-1']);
});

test('ns-missing: NS records only below the apex (a delegation) do not count', () => {
  const text = `$TTL 3600
$ORIGIN example.com.
example.com. IN SOA ns1 hostmaster 1 14400 3600 1209600 3600
sub IN NS ns1.example.net.
`;
  assertFindings(text, 'ns-missing', ['3:0-12']);
});

test('ns-missing: apex NS present, or no SOA at all (soa-missing covers it)', () => {
  assertAnnotated(HEAD, ['ns-missing']);
  assertAnnotated('$TTL 3600\nwww IN A 192.0.2.1\n', ['ns-missing']);
});
