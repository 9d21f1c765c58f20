/**
 * Binary fields written as base64, hex or base32hex over one or more whitespace-separated tokens
 * (BIND joins them before decoding). Errors point at the bad characters inside the right token.
 * The field value is the normalised text: base64 joined, hex and base32hex upper-case.
 */
import type { RdataContext, RdataToken } from './spec';
import { decodeBase64, decodeHex, decodeBase32Hex, encodeBase64, encodeBase32Hex, isEncodingError, type EncodingError } from './encodings';
import { bytesToHex } from './wire';

export type BinaryEncoding = 'base64' | 'hex' | 'base32hex';

function decode(encoding: BinaryEncoding, text: string): Uint8Array | EncodingError {
  return encoding === 'base64' ? decodeBase64(text) : encoding === 'hex' ? decodeHex(text) : decodeBase32Hex(text);
}

export function parseBinaryTokens(tokens: readonly RdataToken[], ctx: RdataContext, what: string, encoding: BinaryEncoding, dash: boolean): string | null {
  if (tokens.length === 0) return '';
  for (const t of tokens) {
    if (t.quoted) {
      ctx.error(t.start, t.end, `${what} cannot be a quoted string`);
      return null;
    }
  }
  if (dash && tokens.length === 1 && tokens[0].text === '-') return '';
  const text = tokens.map((t) => t.text).join('');
  const r = decode(encoding, text);
  if (isEncodingError(r)) {
    const from = documentOffset(tokens, r.from);
    const to = Math.max(from + 1, documentOffset(tokens, Math.max(r.from, r.to - 1)) + 1);
    ctx.error(from, Math.min(to, tokenAt(tokens, r.from).end), `${what}: ${r.error}`);
    return null;
  }
  return encoding === 'base64' ? text : text.toUpperCase();
}

function tokenAt(tokens: readonly RdataToken[], index: number): RdataToken {
  let k = index;
  for (const t of tokens) {
    if (k < t.text.length) return t;
    k -= t.text.length;
  }
  return tokens[tokens.length - 1];
}

/** Document offset of character `index` of the joined text. */
function documentOffset(tokens: readonly RdataToken[], index: number): number {
  let k = index;
  for (const t of tokens) {
    if (k < t.text.length) return t.start + k;
    k -= t.text.length;
  }
  const last = tokens[tokens.length - 1];
  return Math.max(last.start, last.end - 1);
}

/** Octets of a normalised value (validated when it was parsed or decoded). */
export function encodeBinary(encoding: BinaryEncoding, value: string): Uint8Array {
  if (value === '') return new Uint8Array(0);
  const r = decode(encoding, value);
  return isEncodingError(r) ? new Uint8Array(0) : r;
}

export function decodeBinaryRest(encoding: BinaryEncoding, bytes: Uint8Array): string {
  return encoding === 'base64' ? encodeBase64(bytes) : encoding === 'hex' ? bytesToHex(bytes, true) : encodeBase32Hex(bytes);
}
