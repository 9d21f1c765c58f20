/**
 * Recognises the public key in a DKIM `p=` tag from its bytes: an RSA key as DER
 * SubjectPublicKeyInfo (RFC 6376 §3.6.1, what everyone publishes) or as a bare PKCS#1
 * RSAPublicKey (RFC 3447 A.1.1, which some verifiers also accept), or a raw 32-byte Ed25519
 * key (RFC 8463 §4.2). A minimal DER walk is enough for this and keeps the language service
 * free of `node:crypto`.
 */

export type PublicKeyShape =
  | { kind: 'rsa'; form: 'spki' | 'pkcs1'; modulusBits: number }
  | { kind: 'ed25519-raw' }
  /** An Ed25519 key wrapped in SubjectPublicKeyInfo: DKIM wants the raw 32 bytes instead. */
  | { kind: 'ed25519-spki' }
  /** Some other algorithm in SubjectPublicKeyInfo (e.g. an EC key), by dotted OID. */
  | { kind: 'other-spki'; oid: string }
  | { kind: 'unknown' };

/** Length in bytes of a raw Ed25519 public key. */
export const ED25519_KEY_BYTES = 32;

const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const OID_ED25519 = '1.3.101.112';

const TAG_INTEGER = 0x02;
const TAG_BIT_STRING = 0x03;
const TAG_OID = 0x06;
const TAG_SEQUENCE = 0x30;

/** One DER element: its tag and where its content lies in the buffer. */
interface Element {
  tag: number;
  start: number;
  end: number;
}

/** Read the element at `pos`, or null if it does not fit in [pos, limit). */
function readElement(buf: Uint8Array, pos: number, limit: number): Element | null {
  if (pos + 2 > limit) return null;
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    // Indefinite length is not DER; more than 4 length bytes cannot describe a real key.
    if (count === 0 || count > 4 || start + count > limit) return null;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[start + i];
    start += count;
  }
  const end = start + len;
  if (end > limit) return null;
  return { tag, start, end };
}

/** The elements directly inside a constructed element, or null if they do not tile it exactly. */
function children(buf: Uint8Array, parent: Element): Element[] | null {
  const out: Element[] = [];
  let pos = parent.start;
  while (pos < parent.end) {
    const el = readElement(buf, pos, parent.end);
    if (!el) return null;
    out.push(el);
    pos = el.end;
  }
  return out;
}

function decodeOid(buf: Uint8Array, el: Element): string {
  if (el.end <= el.start) return '';
  const first = buf[el.start];
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let acc = 0;
  for (let i = el.start + 1; i < el.end; i++) {
    acc = acc * 128 + (buf[i] & 0x7f);
    if (!(buf[i] & 0x80)) {
      parts.push(acc);
      acc = 0;
    }
  }
  return parts.join('.');
}

/** Bit length of a non-negative DER INTEGER (leading zero octets ignored). */
function integerBits(buf: Uint8Array, el: Element): number {
  let i = el.start;
  while (i < el.end && buf[i] === 0) i++;
  if (i === el.end) return 0;
  return (el.end - i - 1) * 8 + (32 - Math.clz32(buf[i]));
}

/** Modulus bit length of a PKCS#1 RSAPublicKey `SEQUENCE { n INTEGER, e INTEGER }` filling [pos, limit). */
function rsaPublicKeyBits(buf: Uint8Array, pos: number, limit: number): number | null {
  const seq = readElement(buf, pos, limit);
  if (!seq || seq.tag !== TAG_SEQUENCE || seq.end !== limit) return null;
  const parts = children(buf, seq);
  if (!parts || parts.length !== 2 || parts[0].tag !== TAG_INTEGER || parts[1].tag !== TAG_INTEGER) return null;
  const bits = integerBits(buf, parts[0]);
  return bits > 0 ? bits : null;
}

/** `SEQUENCE { SEQUENCE { algorithm OID, parameters ANY OPTIONAL }, subjectPublicKey BIT STRING }`. */
function inspectSpki(buf: Uint8Array): PublicKeyShape | null {
  const outer = readElement(buf, 0, buf.length);
  if (!outer || outer.tag !== TAG_SEQUENCE || outer.end !== buf.length) return null;
  const parts = children(buf, outer);
  if (!parts || parts.length !== 2 || parts[0].tag !== TAG_SEQUENCE || parts[1].tag !== TAG_BIT_STRING) return null;
  const algorithm = children(buf, parts[0]);
  if (!algorithm || algorithm.length < 1 || algorithm[0].tag !== TAG_OID) return null;
  const oid = decodeOid(buf, algorithm[0]);
  const key = parts[1];
  // The first content octet of a BIT STRING counts unused bits; a key uses whole octets.
  if (key.end <= key.start || buf[key.start] !== 0) return null;
  if (oid === OID_RSA_ENCRYPTION) {
    const bits = rsaPublicKeyBits(buf, key.start + 1, key.end);
    return bits === null ? null : { kind: 'rsa', form: 'spki', modulusBits: bits };
  }
  if (oid === OID_ED25519) return { kind: 'ed25519-spki' };
  return { kind: 'other-spki', oid };
}

/** Work out what kind of public key `bytes` holds. */
export function inspectPublicKey(bytes: Uint8Array): PublicKeyShape {
  // 32 bytes cannot hold a useful DER RSA key, so this length alone identifies Ed25519.
  if (bytes.length === ED25519_KEY_BYTES) return { kind: 'ed25519-raw' };
  const spki = inspectSpki(bytes);
  if (spki) return spki;
  const bits = rsaPublicKeyBits(bytes, 0, bytes.length);
  if (bits !== null) return { kind: 'rsa', form: 'pkcs1', modulusBits: bits };
  return { kind: 'unknown' };
}
