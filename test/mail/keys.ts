import { generateKeyPairSync } from 'node:crypto';

/**
 * Real keys generated at test time, so the key-length and key-type rules are checked against
 * what OpenSSL produces rather than against hand-made bytes. Cached per size: RSA generation
 * is slow.
 */

const rsaCache = new Map<number, { spki: Buffer; pkcs1: Buffer }>();

function rsa(bits: number): { spki: Buffer; pkcs1: Buffer } {
  let pair = rsaCache.get(bits);
  if (!pair) {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    pair = {
      spki: publicKey.export({ format: 'der', type: 'spki' }),
      pkcs1: publicKey.export({ format: 'der', type: 'pkcs1' }),
    };
    rsaCache.set(bits, pair);
  }
  return pair;
}

/** Base64 DER SubjectPublicKeyInfo of a fresh RSA key, as DKIM publishes it. */
export function rsaSpkiBase64(bits: number): string {
  return rsa(bits).spki.toString('base64');
}

/** Base64 DER PKCS#1 RSAPublicKey of the same RSA key. */
export function rsaPkcs1Base64(bits: number): string {
  return rsa(bits).pkcs1.toString('base64');
}

let ed: Buffer | undefined;

/** DER SubjectPublicKeyInfo of a fresh Ed25519 key (its last 32 bytes are the raw key). */
function ed25519Spki(): Buffer {
  if (!ed) ed = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  return ed;
}

/** Base64 raw 32-byte Ed25519 public key, as RFC 8463 publishes it. */
export function ed25519RawBase64(): string {
  const spki = ed25519Spki();
  return spki.subarray(spki.length - 32).toString('base64');
}

/** Base64 SubjectPublicKeyInfo of the Ed25519 key (the wrong form for DKIM). */
export function ed25519SpkiBase64(): string {
  return ed25519Spki().toString('base64');
}

/** Base64 SubjectPublicKeyInfo of a P-256 EC key (an algorithm DKIM does not use). */
export function ecSpkiBase64(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}
