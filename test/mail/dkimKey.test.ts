import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { validateDkimRecord } from '../../server/src/language/mail/dkim';
import { decodeBase64 } from '../../server/src/language/mail/base64';
import { inspectPublicKey } from '../../server/src/language/mail/publicKey';
import { brief, charStrings, expected, span } from './source';
import { ecSpkiBase64, ed25519RawBase64, ed25519SpkiBase64, rsaPkcs1Base64, rsaSpkiBase64 } from './keys';

const check = (src: string) => validateDkimRecord(charStrings(src));

function bytesOf(b64: string): Uint8Array {
  const r = decodeBase64(b64);
  assert.ok(r.ok, 'test key must be valid base64');
  return r.bytes;
}

/** Split `text` into `"..."` strings of at most `size` characters, separated by a space. */
function quotedChunks(text: string, size: number): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(`"${text.slice(i, i + size)}"`);
  return parts.join(' ');
}

describe('decodeBase64 agrees with Buffer on valid input', () => {
  test('for every padding length and with white space', () => {
    for (const sample of ['', 'a', 'ab', 'abc', 'abcd', 'hello world!', '\u00ff\u0000\u0080']) {
      const b64 = Buffer.from(sample, 'latin1').toString('base64');
      const spaced = b64.replace(/(.{3})/g, '$1 \t');
      assert.deepEqual(Buffer.from(bytesOf(spaced)), Buffer.from(sample, 'latin1'), `for ${JSON.stringify(sample)}`);
    }
  });

  test('rejects padding in the middle and too much padding', () => {
    const mid = decodeBase64('ab==cd==');
    assert.ok(!mid.ok);
    assert.deepEqual([mid.problem.from, mid.problem.to], [2, 4]);
    const many = decodeBase64('a===');
    assert.ok(!many.ok);
    assert.deepEqual([many.problem.from, many.problem.to], [3, 4]);
  });
});

describe('inspectPublicKey', () => {
  test('reads the RSA modulus length that OpenSSL generated, from SPKI and from PKCS#1', () => {
    for (const bits of [512, 1023, 1024, 2047, 2048]) {
      const spki = bytesOf(rsaSpkiBase64(bits));
      const reference = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }).asymmetricKeyDetails?.modulusLength;
      assert.equal(reference, bits);
      assert.deepEqual(inspectPublicKey(spki), { kind: 'rsa', form: 'spki', modulusBits: bits });
      assert.deepEqual(inspectPublicKey(bytesOf(rsaPkcs1Base64(bits))), { kind: 'rsa', form: 'pkcs1', modulusBits: bits });
    }
  });

  test('recognises Ed25519 raw and SPKI forms, other algorithms and garbage', () => {
    assert.deepEqual(inspectPublicKey(bytesOf(ed25519RawBase64())), { kind: 'ed25519-raw' });
    assert.deepEqual(inspectPublicKey(bytesOf(ed25519SpkiBase64())), { kind: 'ed25519-spki' });
    assert.deepEqual(inspectPublicKey(bytesOf(ecSpkiBase64())), { kind: 'other-spki', oid: '1.2.840.10045.2.1' });
    assert.deepEqual(inspectPublicKey(new Uint8Array([0x30, 0x05, 0x02, 0x01])), { kind: 'unknown' });
    const truncated = bytesOf(rsaSpkiBase64(2048)).subarray(0, 200);
    assert.deepEqual(inspectPublicKey(truncated), { kind: 'unknown' });
  });
});

describe('dkim-weak-key', () => {
  test('512 and 1023 bits are errors', () => {
    for (const bits of [512, 1023]) {
      const key = rsaSpkiBase64(bits);
      const src = `"v=DKIM1; k=rsa; p=${key}"`;
      const f = check(src).findings;
      assert.deepEqual(brief(f), [expected('dkim-weak-key', 'error', span(src, key))]);
      assert.match(f[0].message, new RegExp(`${bits} bits`));
    }
  });

  test('1024 and 2047 bits are warnings', () => {
    for (const bits of [1024, 2047]) {
      const key = rsaSpkiBase64(bits);
      const src = `"v=DKIM1; p=${key}"`;
      assert.deepEqual(brief(check(src).findings), [expected('dkim-weak-key', 'warning', span(src, key))]);
    }
  });

  test('2048 bits is fine', () => {
    assert.deepEqual(check(`"v=DKIM1; p=${rsaSpkiBase64(2048)}"`).findings, []);
  });

  test('a bare PKCS#1 key is measured too, with a warning about its form', () => {
    const key = rsaPkcs1Base64(2048);
    const src = `"v=DKIM1; p=${key}"`;
    assert.deepEqual(brief(check(src).findings), [expected('dkim-syntax', 'warning', span(src, key))]);
    const weak = rsaPkcs1Base64(512);
    const weakSrc = `"p=${weak}"`;
    assert.deepEqual(brief(check(weakSrc).findings), [
      expected('dkim-syntax', 'warning', span(weakSrc, weak)),
      expected('dkim-weak-key', 'error', span(weakSrc, weak)),
    ]);
  });

  test('a 2048-bit key split across 255-character strings is joined correctly', () => {
    const key = rsaSpkiBase64(2048);
    const src = `"v=DKIM1; k=rsa; " ${quotedChunks(`p=${key}`, 255)}`;
    const r = check(src);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.key, { kind: 'rsa', form: 'spki', modulusBits: 2048 });
    const p = r.tags.find((t) => t.name === 'p')!;
    assert.equal(p.value, key);
    assert.deepEqual(p.valueRange, { start: src.indexOf('"p=') + 3, end: src.lastIndexOf('"') });
  });

  test('a 1024-bit key split across strings with spaces inside the value still decodes, range spans the strings', () => {
    const key = rsaSpkiBase64(1024);
    const src = `"p=${key.slice(0, 100)} " "${key.slice(100)}"`;
    const r = check(src);
    assert.deepEqual(brief(r.findings), [expected('dkim-weak-key', 'warning', { start: 3, end: src.lastIndexOf('"') })]);
  });

  test('a string missing from a split key is reported, not misread', () => {
    const key = rsaSpkiBase64(2048);
    const missing = key.slice(0, 200) + key.slice(252);
    const src = `"p=${missing}"`;
    const f = check(src).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'dkim-syntax');
    assert.deepEqual([f[0].start, f[0].end], [span(src, missing).start, span(src, missing).end]);
  });
});

describe('dkim-key-type-mismatch', () => {
  test('k=ed25519 with a raw 32-byte key is fine', () => {
    assert.deepEqual(check(`"v=DKIM1; k=ed25519; p=${ed25519RawBase64()}"`).findings, []);
  });

  test('an Ed25519-sized key without k= or with k=rsa', () => {
    const key = ed25519RawBase64();
    for (const src of [`"v=DKIM1; p=${key}"`, `"v=DKIM1; k=rsa; p=${key}"`]) {
      assert.deepEqual(brief(check(src).findings), [expected('dkim-key-type-mismatch', 'error', span(src, key))]);
    }
  });

  test('k=ed25519 with an RSA key, an SPKI-wrapped Ed25519 key, or a key of the wrong size', () => {
    const rsaKey = rsaSpkiBase64(2048);
    const wrapped = ed25519SpkiBase64();
    const short = Buffer.alloc(31, 7).toString('base64');
    for (const key of [rsaKey, wrapped, short]) {
      const src = `"v=DKIM1; k=ed25519; p=${key}"`;
      assert.deepEqual(brief(check(src).findings), [expected('dkim-key-type-mismatch', 'error', span(src, key))], key);
    }
  });

  test('k=rsa with an SPKI Ed25519 key or an EC key', () => {
    for (const key of [ed25519SpkiBase64(), ecSpkiBase64()]) {
      const src = `"k=rsa; p=${key}"`;
      assert.deepEqual(brief(check(src).findings), [expected('dkim-key-type-mismatch', 'error', span(src, key))]);
    }
  });
});
