import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBimiRecord } from '../../server/src/language/mail/bimi';
import { brief, charStrings, expected, span, wholeContent } from './source';

const check = (src: string) => validateBimiRecord(charStrings(src));
const LOGO = 'https://example.com/brand/logo.svg';
const VMC = 'https://example.com/brand/vmc.pem';

describe('bimi-syntax', () => {
  test('valid records: logo and evidence, logo only, declination, optional tags', () => {
    const full = check(`"v=BIMI1; l=${LOGO}; a=${VMC}; avp=personal; lps=false"`);
    assert.deepEqual(full.findings, []);
    assert.equal(full.declined, false);
    assert.deepEqual(check(`"v=BIMI1; l=${LOGO}"`).findings, []);
    assert.deepEqual(check('"v=BIMI1; l=https://cdn.example.com/logo.svgz?v=2"').findings, []);
    const declined = check('"v=BIMI1; l=; a=;"');
    assert.deepEqual(declined.findings, []);
    assert.equal(declined.declined, true);
  });

  test('v=BIMI1 missing, not first or wrong', () => {
    const missing = `"l=${LOGO}"`;
    assert.deepEqual(brief(check(missing).findings), [expected('bimi-syntax', 'error', wholeContent(missing))]);
    const late = `"l=${LOGO}; v=BIMI1"`;
    assert.deepEqual(brief(check(late).findings), [expected('bimi-syntax', 'error', span(late, 'v=BIMI1'))]);
    const wrong = `"v=bimi1; l=${LOGO}"`;
    assert.deepEqual(brief(check(wrong).findings), [expected('bimi-syntax', 'error', span(wrong, 'bimi1'))]);
  });

  test('l= missing', () => {
    const src = `"v=BIMI1; a=${VMC}"`;
    assert.deepEqual(brief(check(src).findings), [expected('bimi-syntax', 'error', wholeContent(src))]);
  });

  test('l= and a= must be single HTTPS URLs', () => {
    const http = '"v=BIMI1; l=http://example.com/logo.svg"';
    assert.deepEqual(brief(check(http).findings), [expected('bimi-syntax', 'error', span(http, 'http://example.com/logo.svg'))]);
    const two = `"v=BIMI1; l=${LOGO},https://example.com/b.svg"`;
    assert.deepEqual(brief(check(two).findings), [expected('bimi-syntax', 'error', span(two, ',https://example.com/b.svg'))]);
    const evidence = '"v=BIMI1; l=; a=ftp://example.com/vmc.pem"';
    assert.deepEqual(brief(check(evidence).findings), [expected('bimi-syntax', 'error', span(evidence, 'ftp://example.com/vmc.pem'))]);
    const noHost = '"v=BIMI1; l=https:///logo.svg"';
    assert.deepEqual(brief(check(noHost).findings), [expected('bimi-syntax', 'error', span(noHost, 'https:///logo.svg'))]);
  });

  test('the logo must be SVG', () => {
    const src = '"v=BIMI1; l=https://example.com/logo.png"';
    const f = check(src).findings;
    assert.deepEqual(brief(f), [expected('bimi-syntax', 'error', span(src, 'https://example.com/logo.png'))]);
    assert.match(f[0].message, /\.png/);
  });

  test('avp= and lps= values are exact', () => {
    const src = `"v=BIMI1; l=${LOGO}; avp=Brand; lps=yes"`;
    assert.deepEqual(brief(check(src).findings), [
      expected('bimi-syntax', 'error', span(src, 'yes')),
      expected('bimi-syntax', 'error', span(src, 'Brand')),
    ]);
  });

  test('unknown tags warn and duplicates are errors', () => {
    const src = `"v=BIMI1; l=${LOGO}; L=x; l=${LOGO}"`;
    assert.deepEqual(brief(check(src).findings), [
      expected('bimi-syntax', 'error', { start: src.lastIndexOf('l='), end: src.lastIndexOf('l=') + 1 }),
      expected('bimi-syntax', 'warning', span(src, 'L')),
    ]);
  });
});
