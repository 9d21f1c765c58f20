import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

const KEY = 'AwEAAag=';

test('dnskey-fields: flags, protocol and algorithm, each on its field', () => {
  const text = `${HEAD}@ IN DNSKEY 1 3 13 ${KEY}
;           ^ dnskey-fields
@ IN DNSKEY 257 5 13 ${KEY}
;               ^ dnskey-fields
@ IN DNSKEY 256 3 99 ${KEY}
;                 ^^ dnskey-fields
@ IN DNSKEY 258 3 13 ${KEY}
;           ^^^ dnskey-fields
@ IN CDNSKEY 257 3 1 ${KEY}
;                  ^ dnskey-fields
`;
  assertAnnotated(text, ['dnskey-fields']);
  const severities = diagnosticsOf(text).raw.filter((d) => d.code === 'dnskey-fields').map((d) => d.severity);
  assert.deepEqual(severities, ['error', 'error', 'error', 'error', 'warning']);
});

test('dnskey-fields: ZSK, KSK, revoked keys, mnemonics and the CDNSKEY delete form', () => {
  const text = `${HEAD}@ IN DNSKEY 256 3 13 ${KEY}
@ IN DNSKEY 257 3 ECDSAP256SHA256 ${KEY}
@ IN DNSKEY 385 3 8 ${KEY}
@ IN CDNSKEY 0 3 0 AA==
`;
  assertAnnotated(text, ['dnskey-fields']);
});
