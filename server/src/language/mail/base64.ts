/**
 * Strict base64 (RFC 4648 §4) as DKIM uses it for `p=` (RFC 6376 `base64string`): whitespace
 * may appear between characters, `=` padding only at the end. Written here rather than with
 * `Buffer` so that the language service stays free of Node-only APIs and so that each problem
 * can be located at its exact character.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** What is wrong with a base64 string, as a range of indices into it. */
export interface Base64Problem {
  from: number;
  to: number;
  message: string;
}

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; problem: Base64Problem };

/** Check and decode `s`; the first problem found is returned with its position. */
export function decodeBase64(s: string): Base64Result {
  const sextets: number[] = [];
  let padding = 0;
  let firstPad = -1;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (isSpace(ch)) continue;
    if (ch === '=') {
      if (firstPad < 0) firstPad = i;
      padding++;
      if (padding > 2) return fail(i, i + 1, 'Too much `=` padding: base64 ends with at most two `=`.');
      continue;
    }
    const code = ch.charCodeAt(0);
    const value = code < 128 ? DECODE[code] : -1;
    if (value < 0) {
      const hint = ch === '-' || ch === '_' ? ' (that is base64url; use `+` and `/` instead)' : '';
      return fail(i, i + 1, `\`${ch}\` is not a base64 character${hint}.`);
    }
    if (padding > 0) return fail(firstPad, firstPad + padding, '`=` padding may only appear at the end of base64 data.');
    sextets.push(value);
  }
  const total = sextets.length + padding;
  const lastChar = lastNonSpace(s);
  if (total % 4 !== 0) {
    return fail(firstNonSpace(s), lastChar + 1, `The base64 data has ${total} characters, which is not a multiple of 4: it is truncated or has a stray character (check that no string of the record is missing).`);
  }
  const bytes = new Uint8Array(Math.floor((sextets.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let out = 0;
  for (const v of sextets) {
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}

function fail(from: number, to: number, message: string): Base64Result {
  return { ok: false, problem: { from, to, message } };
}

function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpace(s[i])) i--;
  return i;
}
