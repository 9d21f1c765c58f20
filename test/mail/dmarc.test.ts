import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDmarcRecord } from '../../server/src/language/mail/dmarc';
import { brief, charStrings, expected, only, span, wholeContent, within } from './source';

const check = (src: string) => validateDmarcRecord(charStrings(src));
/** Findings other than the informational policy advice, to test syntax in isolation. */
const syntax = (src: string) => brief(only(check(src).findings, 'dmarc-syntax'));
const RUA = 'rua=mailto:dmarc@example.com';

describe('DMARC record: valid records', () => {
  test('RFC 7489 and DMARCbis tags together have no findings', () => {
    const src = `"v=DMARC1; p=reject; sp=quarantine; np=reject; adkim=s; aspf=r; pct=100; ${RUA},mailto:x@reports.example.net!10m; ruf=mailto:f@example.com!500k; fo=0:1:d:s; rf=afrf; ri=3600; t=n; psd=u"`;
    const r = check(src);
    assert.deepEqual(r.findings, []);
    assert.equal(r.policy, 'reject');
  });

  test('tag names and keyword values are case-insensitive; split strings and spaces are fine', () => {
    const src = `"v = DMARC1 ; P=Reject;" " RUA = mailto:a@example.com , MAILTO:b@example.com ;"`;
    const r = check(src);
    assert.deepEqual(r.findings, []);
    assert.equal(r.policy, 'reject');
  });
});

describe('dmarc-syntax', () => {
  test('v=DMARC1 missing, not first, or wrong', () => {
    const missing = `"p=reject; ${RUA}"`;
    assert.deepEqual(syntax(missing), [expected('dmarc-syntax', 'error', wholeContent(missing))]);
    const late = `"p=reject; v=DMARC1; ${RUA}"`;
    assert.deepEqual(syntax(late), [expected('dmarc-syntax', 'error', span(late, 'v=DMARC1'))]);
    const lower = `"v=dmarc1; p=reject; ${RUA}"`;
    assert.deepEqual(syntax(lower), [expected('dmarc-syntax', 'error', span(lower, 'dmarc1'))]);
  });

  test('p= missing or invalid', () => {
    const missing = `"v=DMARC1; ${RUA}"`;
    assert.deepEqual(syntax(missing), [expected('dmarc-syntax', 'error', wholeContent(missing))]);
    const bad = `"v=DMARC1; p=block; ${RUA}"`;
    assert.deepEqual(syntax(bad), [expected('dmarc-syntax', 'error', span(bad, 'block'))]);
    const empty = `"v=DMARC1; p=; ${RUA}"`;
    assert.deepEqual(syntax(empty), [expected('dmarc-syntax', 'error', span(empty, 'p='))]);
  });

  test('sp=, np=, adkim=, aspf=, t=, psd= values', () => {
    const src = `"v=DMARC1; p=none; sp=strict; np=rejects; adkim=x; aspf=relaxed; t=yes; psd=maybe; ${RUA}"`;
    assert.deepEqual(syntax(src), [
      expected('dmarc-syntax', 'error', span(src, 'strict')),
      expected('dmarc-syntax', 'error', span(src, 'rejects')),
      expected('dmarc-syntax', 'error', within(src, 'adkim=x', 'x')),
      expected('dmarc-syntax', 'error', span(src, 'relaxed')),
      expected('dmarc-syntax', 'error', span(src, 'yes')),
      expected('dmarc-syntax', 'error', span(src, 'maybe')),
    ]);
  });

  test('pct= must be an integer 0-100', () => {
    for (const bad of ['101', '50.5', '-1', 'half', '1000']) {
      const src = `"v=DMARC1; p=reject; pct=${bad}; ${RUA}"`;
      assert.deepEqual(syntax(src), [expected('dmarc-syntax', 'error', within(src, `pct=${bad}`, bad))], bad);
    }
    assert.deepEqual(syntax(`"v=DMARC1; p=reject; pct=0; ${RUA}"`), []);
  });

  test('ri= must be an integer', () => {
    const src = `"v=DMARC1; p=reject; ri=1d; ${RUA}"`;
    assert.deepEqual(syntax(src), [expected('dmarc-syntax', 'error', span(src, '1d'))]);
    const big = `"v=DMARC1; p=reject; ri=4294967296; ${RUA}"`;
    assert.deepEqual(syntax(big), [expected('dmarc-syntax', 'error', span(big, '4294967296'))]);
  });

  test('rua=/ruf= URIs: missing scheme, bad address, bad size, empty item, spaces', () => {
    const src = '"v=DMARC1; p=reject; rua=dmarc@example.com, mailto:nobody, mailto:a@example.com!10x,, mailto:b@example.com!5K; ruf=mailto:a @example.com"';
    const f = only(check(src).findings, 'dmarc-syntax');
    assert.deepEqual(brief(f), [
      expected('dmarc-syntax', 'error', span(src, 'dmarc@example.com')),
      expected('dmarc-syntax', 'error', span(src, 'mailto:nobody')),
      expected('dmarc-syntax', 'error', span(src, '!10x')),
      expected('dmarc-syntax', 'error', { start: span(src, ',,').start + 1, end: span(src, ',,').end }),
      expected('dmarc-syntax', 'error', within(src, 'mailto:a @', ' ')),
    ]);
    assert.match(f[0].message, /mailto:dmarc@example\.com/);
  });

  test('rua= with another scheme is a warning', () => {
    const src = '"v=DMARC1; p=reject; rua=https://reports.example.com/dmarc"';
    assert.deepEqual(syntax(src), [expected('dmarc-syntax', 'warning', span(src, 'https://reports.example.com/dmarc'))]);
  });

  test('empty rua=', () => {
    const src = '"v=DMARC1; p=reject; rua="';
    assert.deepEqual(syntax(src), [expected('dmarc-syntax', 'error', span(src, 'rua='))]);
  });

  test('fo= and rf= values', () => {
    const src = `"v=DMARC1; p=reject; fo=1:x:; rf=iodef; ${RUA}"`;
    assert.deepEqual(syntax(src), [
      expected('dmarc-syntax', 'error', within(src, 'fo=1:x', 'x')),
      expected('dmarc-syntax', 'error', { start: span(src, 'fo=1:x:').end - 1, end: span(src, 'fo=1:x:').end }),
      expected('dmarc-syntax', 'warning', span(src, 'iodef')),
    ]);
  });

  test('unknown tags warn, duplicates (any case) are errors', () => {
    const src = `"v=DMARC1; p=reject; ruaa=mailto:x@example.com; P=none; ${RUA}"`;
    assert.deepEqual(syntax(src), [
      expected('dmarc-syntax', 'error', span(src, 'P')),
      expected('dmarc-syntax', 'warning', span(src, 'ruaa')),
    ]);
  });
});

describe('DMARC advice rules', () => {
  test('dmarc-policy-none', () => {
    const src = `"v=DMARC1; p=none; ${RUA}"`;
    const r = check(src);
    assert.deepEqual(brief(r.findings), [expected('dmarc-policy-none', 'information', span(src, 'none'))]);
    assert.match(r.findings[0].message, /monitoring only/);
    assert.deepEqual(only(check(`"v=DMARC1; p=quarantine; ${RUA}"`).findings, 'dmarc-policy-none'), []);
    // sp=none alone is not the main policy
    assert.deepEqual(only(check(`"v=DMARC1; p=reject; sp=none; ${RUA}"`).findings, 'dmarc-policy-none'), []);
  });

  test('dmarc-pct-partial', () => {
    const src = `"v=DMARC1; p=quarantine; pct=25; ${RUA}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dmarc-pct-partial', 'information', span(src, '25'))]);
    assert.deepEqual(check(`"v=DMARC1; p=quarantine; pct=100; ${RUA}"`).findings, []);
    // with p=none nothing is enforced, so the percentage is not worth a second note
    assert.deepEqual(only(check(`"v=DMARC1; p=none; pct=25; ${RUA}"`).findings, 'dmarc-pct-partial'), []);
  });

  test('dmarc-no-rua', () => {
    const src = '"v=DMARC1; p=reject"';
    assert.deepEqual(brief(check(src).findings), [expected('dmarc-no-rua', 'information', span(src, 'v=DMARC1'))]);
    assert.deepEqual(only(check(`"v=DMARC1; p=reject; ${RUA}"`).findings, 'dmarc-no-rua'), []);
  });
});
