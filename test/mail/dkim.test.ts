import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDkimRecord } from '../../server/src/language/mail/dkim';
import { brief, charStrings, expected, only, span, wholeContent, within } from './source';
import { rsaSpkiBase64 } from './keys';

const RSA2048 = rsaSpkiBase64(2048);
const check = (src: string) => validateDkimRecord(charStrings(src));

describe('DKIM key record: syntax (dkim-syntax)', () => {
  test('a complete, modern record has no findings', () => {
    const r = check(`"v=DKIM1; k=rsa; h=sha256; s=email; t=s; n=rotated 2024; p=${RSA2048}"`);
    assert.deepEqual(r.findings, []);
    assert.equal(r.key?.kind, 'rsa');
    assert.equal(r.revoked, false);
  });

  test('v= is optional', () => {
    assert.deepEqual(check(`"p=${RSA2048}"`).findings, []);
  });

  test('v= not first', () => {
    const src = `"k=rsa; v=DKIM1; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', span(src, 'v=DKIM1'))]);
  });

  test('v= with another version', () => {
    const src = `"v=DKIM2; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', span(src, 'DKIM2'))]);
  });

  test('missing p=', () => {
    const src = '"v=DKIM1; k=rsa"';
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', wholeContent(src))]);
  });

  test('duplicate tag', () => {
    const src = `"v=DKIM1; p=${RSA2048}; k=rsa; k=rsa"`;
    const second = src.lastIndexOf('k=rsa');
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', { start: second, end: second + 1 })]);
  });

  test('unknown k=, wrong case and empty k=', () => {
    const unknown = `"k=dsa; p=${RSA2048}"`;
    assert.deepEqual(brief(check(unknown).findings), [expected('dkim-syntax', 'error', span(unknown, 'dsa'))]);
    const upper = `"k=RSA; p=${RSA2048}"`;
    const f = check(upper).findings;
    assert.deepEqual(brief(f), [expected('dkim-syntax', 'error', span(upper, 'RSA'))]);
    assert.match(f[0].message, /k=rsa/);
    const empty = `"k=; p=${RSA2048}"`;
    assert.deepEqual(brief(check(empty).findings), [expected('dkim-syntax', 'error', span(empty, 'k='))]);
  });

  test('bad h= values', () => {
    const src = `"h=sha256::sha_2; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [
      // The empty algorithm between `::` is shown on the second `:`.
      expected('dkim-syntax', 'error', { start: span(src, '::').start + 1, end: span(src, '::').end }),
      expected('dkim-syntax', 'error', span(src, 'sha_2')),
    ]);
    const unknown = `"h=sha512; p=${RSA2048}"`;
    assert.deepEqual(brief(check(unknown).findings), [
      expected('dkim-syntax', 'warning', span(unknown, 'sha512')),
      expected('dkim-syntax', 'error', span(unknown, 'sha512')),
    ]);
    const mixed = `"h=sha512:sha256; p=${RSA2048}"`;
    assert.deepEqual(brief(check(mixed).findings), [expected('dkim-syntax', 'warning', span(mixed, 'sha512'))]);
  });

  test('bad s= values', () => {
    const other = `"s=web; p=${RSA2048}"`;
    assert.deepEqual(brief(check(other).findings), [expected('dkim-syntax', 'warning', span(other, 'web'))]);
    const invalid = `"s=email:x y; p=${RSA2048}"`;
    assert.deepEqual(brief(check(invalid).findings), [expected('dkim-syntax', 'error', span(invalid, 'x y'))]);
    assert.deepEqual(check(`"s=*; p=${RSA2048}"`).findings, []);
    assert.deepEqual(check(`"s=web:email; p=${RSA2048}"`).findings, []);
  });

  test('bad t= flags', () => {
    const src = `"t=s:z:; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [
      expected('dkim-syntax', 'warning', span(src, 'z')),
      // The empty flag after the last `:` is shown on that `:`.
      expected('dkim-syntax', 'error', { start: span(src, 't=s:z:').end - 1, end: span(src, 't=s:z:').end }),
    ]);
    const bad = `"t=1x; p=${RSA2048}"`;
    assert.deepEqual(brief(check(bad).findings), [expected('dkim-syntax', 'error', span(bad, '1x'))]);
  });

  test('invalid base64 in p= is reported at the bad character', () => {
    const src = `"p=${RSA2048.slice(0, 40)}*${RSA2048.slice(41)}"`;
    const f = check(src).findings;
    assert.deepEqual(brief(f), [expected('dkim-syntax', 'error', span(src, '*'))]);
  });

  test('base64url characters get a hint', () => {
    const src = `"p=${RSA2048.slice(0, 40)}-${RSA2048.slice(41)}"`;
    const f = check(src).findings;
    assert.deepEqual(brief(f), [expected('dkim-syntax', 'error', span(src, '-'))]);
    assert.match(f[0].message, /base64url/);
  });

  test('a truncated key (length not a multiple of 4) is reported over the value', () => {
    const cut = RSA2048.slice(0, 101);
    const src = `"p=${cut}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', span(src, cut))]);
  });

  test('valid base64 that is not a key', () => {
    const src = '"p=aGVsbG8gd29ybGQ="';
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'error', span(src, 'aGVsbG8gd29ybGQ='))]);
  });

  test('unknown tags warn; wrong-case known tags say so', () => {
    const src = `"v=DKIM1; P=x; g=*; zz=1; p=${RSA2048}"`;
    const f = check(src).findings;
    assert.deepEqual(brief(f), [
      expected('dkim-syntax', 'warning', span(src, 'P')),
      expected('dkim-syntax', 'warning', span(src, 'g')),
      expected('dkim-syntax', 'warning', span(src, 'zz')),
    ]);
    assert.match(f[0].message, /case-sensitive/);
    assert.match(f[1].message, /removed/);
  });
});

describe('DKIM key record: semantic rules', () => {
  test('dkim-key-revoked: empty p=', () => {
    const src = '"v=DKIM1; k=rsa; p="';
    const r = check(src);
    assert.deepEqual(brief(r.findings), [expected('dkim-key-revoked', 'warning', span(src, 'p='))]);
    assert.equal(r.revoked, true);
    const spaced = '"v=DKIM1; p= ; n=gone"';
    assert.deepEqual(brief(check(spaced).findings), [expected('dkim-key-revoked', 'warning', span(spaced, 'p='))]);
  });

  test('dkim-testing-mode: t=y, alone or with s', () => {
    const src = `"v=DKIM1; t=y; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-testing-mode', 'information', within(src, 't=y', 'y'))]);
    const both = `"v=DKIM1; t=s:y; p=${RSA2048}"`;
    assert.deepEqual(brief(check(both).findings), [expected('dkim-testing-mode', 'information', within(both, 't=s:y', 'y'))]);
    assert.deepEqual(only(check(`"t=s; p=${RSA2048}"`).findings, 'dkim-testing-mode'), []);
  });

  test('dkim-sha1: h=sha1 only', () => {
    const src = `"v=DKIM1; h=sha1; p=${RSA2048}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-sha1', 'warning', span(src, 'sha1'))]);
    assert.deepEqual(check(`"h=sha1:sha256; p=${RSA2048}"`).findings, []);
    assert.deepEqual(check(`"h=sha256; p=${RSA2048}"`).findings, []);
  });
});
