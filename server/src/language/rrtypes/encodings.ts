/**
 * Binary data written as text in rdata: base64 (RFC 4648 §4, as BIND reads it: padded to a
 * multiple of four, unused bits zero), hex, and base32hex without padding (NSEC3, RFC 5155 §3.3).
 * Each decoder returns the octets or an error with the index of the bad character.
 */

export interface EncodingError {
  error: string;
  /** Index of the first bad character in the text, and one past the last. */
  from: number;
  to: number;
}

export function isEncodingError(v: Uint8Array | EncodingError): v is EncodingError {
  return !(v instanceof Uint8Array);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

export function decodeBase64(text: string): Uint8Array | EncodingError {
  const out: number[] = [];
  const n = text.length;
  let pad = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */) {
      pad = i;
      break;
    }
    if (c >= 128 || B64_VALUE[c] < 0) return { error: `"${text[i]}" is not a base64 character`, from: i, to: i + 1 };
  }
  const after = text.slice(pad).search(/[^=]/);
  if (after >= 0) return { error: 'base64 data continues after "=" padding', from: pad + after, to: n };
  if (n - pad > 2) return { error: 'base64 has too much "=" padding', from: pad, to: n };
  if (n % 4 !== 0) {
    return { error: `base64 length ${n} is not a multiple of 4 (missing "=" padding or a truncated value)`, from: Math.max(0, n - (n % 4)), to: n };
  }
  for (let i = 0; i < n; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (i + k < pad ? B64_VALUE[text.charCodeAt(i + k)] : 64));
    if (v[0] === 64 || v[1] === 64) return { error: 'base64 has too much "=" padding', from: pad, to: n };
    out.push((v[0] << 2) | (v[1] >> 4));
    if (v[2] !== 64) out.push(((v[1] & 0xf) << 4) | (v[2] >> 2));
    if (v[3] !== 64) out.push(((v[2] & 0x3) << 6) | v[3]);
    // The bits dropped by the padding must be zero (RFC 4648 §3.5; BIND checks this too).
    if ((v[2] === 64 && (v[1] & 0xf) !== 0) || (v[2] !== 64 && v[3] === 64 && (v[2] & 0x3) !== 0)) {
      return { error: 'base64 has non-zero bits before the "=" padding (the value is corrupted or truncated)', from: i, to: n };
    }
  }
  return Uint8Array.from(out);
}

export function encodeBase64(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    s += B64[b0 >> 2] + B64[((b0 & 3) << 4) | (b1 >> 4)];
    s += i + 1 < bytes.length ? B64[((b1 & 0xf) << 2) | (b2 >> 6)] : '=';
    s += i + 2 < bytes.length ? B64[b2 & 0x3f] : '=';
  }
  return s;
}

export function decodeHex(text: string): Uint8Array | EncodingError {
  const bad = text.search(/[^0-9a-fA-F]/);
  if (bad >= 0) return { error: `"${text[bad]}" is not a hex digit`, from: bad, to: bad + 1 };
  if (text.length % 2 !== 0) return { error: `hex data has an odd number of digits (${text.length})`, from: text.length - 1, to: text.length };
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** base32hex without padding (RFC 4648 §7), case-insensitive; unused trailing bits must be zero. */
export function decodeBase32Hex(text: string): Uint8Array | EncodingError {
  const upper = text.toUpperCase();
  const bad = upper.search(/[^0-9A-V]/);
  if (bad >= 0) return { error: `"${text[bad]}" is not a base32hex character (0-9, A-V)`, from: bad, to: bad + 1 };
  if ([1, 3, 6].includes(text.length % 8)) {
    return { error: `base32hex length ${text.length} does not encode a whole number of octets`, from: text.length - (text.length % 8), to: text.length };
  }
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < upper.length; i++) {
    acc = ((acc << 5) | B32HEX.indexOf(upper[i])) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return { error: 'base32hex value has non-zero unused trailing bits', from: text.length - 1, to: text.length };
  return Uint8Array.from(out);
}

export function encodeBase32Hex(bytes: ArrayLike<number>): string {
  let s = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    acc = ((acc << 8) | bytes[i]) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      s += B32HEX[(acc >> bits) & 31];
    }
  }
  if (bits > 0) s += B32HEX[(acc << (5 - bits)) & 31];
  return s;
}
