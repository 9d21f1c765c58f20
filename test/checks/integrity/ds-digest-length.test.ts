import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAnnotated, diagnosticsOf } from '../../helpers/annotations';
import { HEAD } from './helpers';

const DELEG = 'sub IN NS ns.example.net.\n';

test('ds-digest-length: digest type 0 outside the CDS delete form, and unknown digest types', () => {
  const text = `${HEAD}${DELEG}sub IN DS 60485 13 0 C5
;                  ^ ds-digest-length
sub IN DS 60485 13 127 C5
;                  ^^^ ds-digest-length
@ IN CDS 1 13 0 00
;             ^ ds-digest-length
`;
  assertAnnotated(text, ['ds-digest-length']);
  const severities = diagnosticsOf(text).raw.filter((d) => d.code === 'ds-digest-length').map((d) => d.severity);
  assert.deepEqual(severities, ['error', 'warning', 'error']);
});

test('ds-digest-length: digest types 5 and 6 have 32 octets; 1-4 are checked while parsing', () => {
  const text = `${HEAD}${DELEG}sub IN DS 1 13 5 ${'AA'.repeat(20)}
;                ${'^'.repeat(40)} ds-digest-length
sub IN DS 1 13 6 ${'AA'.repeat(32)}
`;
  assertAnnotated(text, ['ds-digest-length']);
  // The record types reject wrong lengths of digest types 1-4 as BIND does; no second finding.
  const short = `${HEAD}${DELEG}sub IN DS 1 13 2 AABB\n`;
  const codes = diagnosticsOf(short).actual.map((a) => a.code);
  assert.ok(codes.includes('rdata-invalid'));
  assert.ok(!codes.includes('ds-digest-length'));
});

test('ds-digest-length: well-formed DS/CDS and the CDS delete form', () => {
  const text = `${HEAD}${DELEG}sub IN DS 1 13 2 ${'AB'.repeat(32)}
sub IN DS 1 13 4 ${'AB'.repeat(48)}
sub IN DS 1 13 1 ${'AB'.repeat(20)}
@ IN CDS 0 0 0 00
`;
  assertAnnotated(text, ['ds-digest-length']);
});
