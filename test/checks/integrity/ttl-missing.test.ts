import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { applyFix, fixesOf } from './helpers';

test('ttl-missing: RFC 1035 inheritance is reported once, on the first record that uses it', () => {
  const text = `@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600
@ IN NS ns1
;    ^^ ttl-missing
ns1 IN A 192.0.2.1
`;
  const found = assertAnnotated(text, ['ttl-missing']);
  assert.match(found[0].message, /this record and 1 more record take the TTL of the record before \(3600/);
  assert.equal(diagnosticsOf(text).raw.find((d) => d.code === 'ttl-missing')!.severity, 'warning');
});

test('ttl-missing: no TTL at all is an error; the SOA minimum fallback a warning, reported once', () => {
  const none = `www IN A 192.0.2.1
;      ^ ttl-missing
@ IN SOA ns1 hostmaster 1 14400 3600 1209600 600
;    ^^^ ttl-missing
@ IN NS ns1
ns1 IN A 192.0.2.1
`;
  const found = assertAnnotated(none, ['ttl-missing']);
  assert.match(found[1].message, /SOA minimum \(600\) as the TTL of this record and 2 more records/);
  const severities = diagnosticsOf(none).raw.filter((d) => d.code === 'ttl-missing').map((d) => d.severity);
  assert.deepEqual(severities, ['error', 'warning']);
  // BIND's rule: the SOA minimum stays the default even after an explicit TTL.
  const fixed = applyFix('@ IN SOA ns1 hostmaster 1 14400 3600 1209600 600\nwww 60 IN A 192.0.2.1\nmail IN A 192.0.2.2\n', 'ttl-missing');
  assert.equal(fixed, '$TTL 600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 600\nwww 60 IN A 192.0.2.1\nmail IN A 192.0.2.2\n');
  assert.deepEqual(diagnosticsOf(fixed).zone.records.map((r) => r.ttl), [600, 60, 600]);
});

test('ttl-missing: $TTL, or a TTL on every record, is fine', () => {
  assertAnnotated('$TTL 1h\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 600\n@ IN NS ns1\n', ['ttl-missing']);
  assertAnnotated('@ 60 IN SOA ns1 hostmaster 1 14400 3600 1209600 600\n@ 60 IN NS ns1\n', ['ttl-missing']);
});

test('ttl-missing: the fix adds $TTL with the inherited value when that keeps every TTL', () => {
  const text = '@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
  assert.equal(applyFix(text, 'ttl-missing'), '$TTL 3600\n' + text);
  const fixed = applyFix(text, 'ttl-missing');
  assert.deepEqual(diagnosticsOf(fixed).zone.records.map((r) => r.ttl), diagnosticsOf(text).zone.records.map((r) => r.ttl));
});

test('ttl-missing: when inherited TTLs differ, or none is known, only a snippet is offered', () => {
  const differing = '@ 3600 IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS ns1\nwww 300 IN A 192.0.2.1\nmail IN A 192.0.2.2\n';
  const fixes = fixesOf(differing, 'ttl-missing');
  assert.equal(fixes.length, 1);
  assert.equal(fixes[0].length, 1);
  assert.equal(fixes[0][0].isPreferred, undefined);
  assert.equal(fixes[0][0].snippet, true);
  assert.equal(fixes[0][0].edits[0].newText, '\\$TTL ${1:3600}\n');
});
