import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateMtaStsRecord, validateTlsRptRecord } from '../../server/src/language/mail/extensionRecords';
import { brief, charStrings, expected, span, wholeContent, within } from './source';

const sts = (src: string) => brief(validateMtaStsRecord(charStrings(src)).findings);
const rpt = (src: string) => brief(validateTlsRptRecord(charStrings(src)).findings);

describe('mta-sts-syntax', () => {
  test('valid records, with extension fields and a trailing `;`', () => {
    assert.deepEqual(sts('"v=STSv1; id=20240131120000;"'), []);
    assert.deepEqual(sts('"v=STSv1;id=abc123; ext-1.x=some:value"'), []);
    assert.deepEqual(sts(`"v=STSv1; id=${'a'.repeat(32)}"`), []);
  });

  test('v=STSv1 missing, not first, or wrong case', () => {
    const missing = '"id=1"';
    assert.deepEqual(sts(missing), [expected('mta-sts-syntax', 'error', wholeContent(missing))]);
    const late = '"id=1; v=STSv1"';
    assert.deepEqual(sts(late), [expected('mta-sts-syntax', 'error', span(late, 'v=STSv1'))]);
    const lower = '"v=stsv1; id=1"';
    assert.deepEqual(sts(lower), [expected('mta-sts-syntax', 'error', span(lower, 'stsv1'))]);
  });

  test('id= missing, too long, empty or with bad characters', () => {
    const missing = '"v=STSv1;"';
    assert.deepEqual(sts(missing), [expected('mta-sts-syntax', 'error', wholeContent(missing))]);
    const long = 'a'.repeat(33);
    const tooLong = `"v=STSv1; id=${long}"`;
    assert.deepEqual(sts(tooLong), [expected('mta-sts-syntax', 'error', span(tooLong, long))]);
    const dashed = '"v=STSv1; id=2024-01-31"';
    assert.deepEqual(sts(dashed), [expected('mta-sts-syntax', 'error', span(dashed, '2024-01-31'))]);
    const empty = '"v=STSv1; id="';
    assert.deepEqual(sts(empty), [expected('mta-sts-syntax', 'error', span(empty, 'id='))]);
  });

  test('spaces around `=` are not allowed', () => {
    const src = '"v=STSv1; id = 1"';
    assert.deepEqual(sts(src), [expected('mta-sts-syntax', 'error', within(src, 'id = 1', ' = '))]);
    const after = '"v=STSv1; id= 1"';
    assert.deepEqual(sts(after), [expected('mta-sts-syntax', 'error', within(after, 'id= 1', ' '))]);
  });

  test('extension names and values follow RFC 8461 grammar', () => {
    const src = '"v=STSv1; id=1; -bad=1; ok=a b; empty="';
    assert.deepEqual(sts(src), [
      expected('mta-sts-syntax', 'error', span(src, '-bad')),
      expected('mta-sts-syntax', 'error', span(src, 'a b')),
      expected('mta-sts-syntax', 'error', span(src, 'empty=')),
    ]);
  });

  test('duplicate id', () => {
    const src = '"v=STSv1; id=1; id=2"';
    assert.deepEqual(sts(src), [expected('mta-sts-syntax', 'error', span(src, 'id', 1))]);
  });
});

describe('tlsrpt-syntax', () => {
  test('valid records with mailto and https destinations', () => {
    assert.deepEqual(rpt('"v=TLSRPTv1; rua=mailto:tls@example.com"'), []);
    assert.deepEqual(rpt('"v=TLSRPTv1;rua=mailto:tls@example.com , https://reports.example.net/tls;"'), []);
  });

  test('v=TLSRPTv1 missing, not first or wrong', () => {
    const missing = '"rua=mailto:tls@example.com"';
    assert.deepEqual(rpt(missing), [expected('tlsrpt-syntax', 'error', wholeContent(missing))]);
    const late = '"rua=mailto:tls@example.com; v=TLSRPTv1"';
    assert.deepEqual(rpt(late), [expected('tlsrpt-syntax', 'error', span(late, 'v=TLSRPTv1'))]);
    const wrong = '"v=TLSRPT1; rua=mailto:tls@example.com"';
    assert.deepEqual(rpt(wrong), [expected('tlsrpt-syntax', 'error', span(wrong, 'TLSRPT1'))]);
  });

  test('rua= missing, empty, or with bad URIs', () => {
    const missing = '"v=TLSRPTv1"';
    assert.deepEqual(rpt(missing), [expected('tlsrpt-syntax', 'error', wholeContent(missing))]);
    const empty = '"v=TLSRPTv1; rua="';
    assert.deepEqual(rpt(empty), [expected('tlsrpt-syntax', 'error', span(empty, 'rua='))]);
    const src = '"v=TLSRPTv1; rua=http://example.com/r,tls@example.com,https://localhost/x,mailto:x@example.com!10m"';
    assert.deepEqual(rpt(src), [
      expected('tlsrpt-syntax', 'error', span(src, 'http://example.com/r')),
      expected('tlsrpt-syntax', 'error', span(src, 'tls@example.com')),
      expected('tlsrpt-syntax', 'error', span(src, 'https://localhost/x')),
      expected('tlsrpt-syntax', 'error', span(src, 'mailto:x@example.com!10m')),
    ]);
  });

  test('spaces around `=` are not allowed', () => {
    const src = '"v=TLSRPTv1; rua =mailto:tls@example.com"';
    assert.deepEqual(rpt(src), [expected('tlsrpt-syntax', 'error', within(src, 'rua =', ' '))]);
  });
});
