/**
 * Character-strings (RFC 1035 §3.3 and §5.1): decoding a token's `\X` and `\DDD` escapes into
 * a `CharString` that remembers where each decoded character came from, and converting
 * between a `CharString` value and the octets it stands for on the wire.
 *
 * Value convention: the decoded octets are read as UTF-8, so `"é"` and `"\195\169"` give the
 * same value `é` (they are the same two octets on the wire). An octet that is not part of
 * valid UTF-8 (say a lone `\255`) becomes the lone surrogate U+DC00 + octet, the
 * "surrogateescape" trick: the value stays a JS string and converting back is lossless.
 */
import type { CharString } from '../text/charString';
import type { RdataToken } from './spec';

export const MAX_CHAR_STRING_OCTETS = 255;

export interface DecodedCharString {
  charString: CharString;
  /** Octets the string occupies on the wire (without the length octet). Over 255 is not legal in one string. */
  octets: number;
}

export interface CharStringError {
  error: string;
  /** Document range of the bad escape. */
  start: number;
  end: number;
}

/** Decode one character-string token (quoted or not). Escape errors are returned, never thrown. */
export function decodeCharString(token: RdataToken): DecodedCharString | CharStringError {
  const text = token.text;
  const start = token.quoted ? token.start + 1 : token.start;
  if (text.indexOf('\\') < 0) {
    const octets = utf8Length(text);
    return { charString: { value: text, start, end: start + text.length, quoted: token.quoted }, octets };
  }
  const bytes: number[] = [];
  const origin: number[] = []; // document offset of the source of each octet
  const raw: boolean[] = []; // the octet came from an unescaped character
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c) {
      const cp = text.codePointAt(i)!;
      const at = start + i;
      if (cp > 0xffff) i++;
      for (const b of encodeCodePoint(cp)) {
        bytes.push(b);
        origin.push(at);
        raw.push(true);
      }
      continue;
    }
    if (i + 1 >= n) return { error: 'a backslash at the end of a character-string escapes nothing', start: start + i, end: start + i + 1 };
    const d = text.charCodeAt(i + 1);
    if (d >= 0x30 && d <= 0x39) {
      const digits = text.slice(i + 1, i + 4);
      if (!/^[0-9]{3}$/.test(digits)) {
        return { error: '`\\DDD` escape needs exactly three decimal digits', start: start + i, end: start + Math.min(n, i + 4) };
      }
      const v = Number(digits);
      if (v > 255) return { error: `\`\\${digits}\` is not an octet value (0-255)`, start: start + i, end: start + i + 4 };
      bytes.push(v);
      origin.push(start + i);
      raw.push(false);
      i += 3;
    } else {
      const cp = text.codePointAt(i + 1)!;
      for (const b of encodeCodePoint(cp)) {
        bytes.push(b);
        origin.push(start + i);
        raw.push(false);
      }
      i += cp > 0xffff ? 2 : 1;
    }
  }
  const end = start + n;
  const { value, map } = decodeWithMap(bytes, origin, raw, end);
  return { charString: { value, start, end, map, quoted: token.quoted }, octets: bytes.length };
}

export function isCharStringError(r: DecodedCharString | CharStringError): r is CharStringError {
  return (r as CharStringError).error !== undefined;
}

/** The wire octets of a decoded value (inverse of the decoding convention above). */
export function charStringToOctets(value: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff) {
      out.push(c - 0xdc00);
      continue;
    }
    const cp = value.codePointAt(i)!;
    if (cp > 0xffff) i++;
    for (const b of encodeCodePoint(cp)) out.push(b);
  }
  return Uint8Array.from(out);
}

/** charStringToOctets(value).length, counted without making the octets. */
export function charStringOctetLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 || (c >= 0xdc80 && c <= 0xdcff)) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Octets taken from the wire as a CharString whose every character maps to `range.start`. */
export function octetsToCharString(octets: ArrayLike<number>, range: { start: number; end: number }): CharString {
  const bytes = Array.from(octets);
  const origin = bytes.map(() => range.start);
  const raw = bytes.map(() => false);
  const { value } = decodeWithMap(bytes, origin, raw, range.end);
  const map = new Int32Array(value.length + 1).fill(range.start);
  map[value.length] = range.end;
  return { value, start: range.start, end: range.end, map, quoted: true };
}

/** Presentation form of a value: quoted, `"` and `\` escaped, other non-printable octets as `\DDD`. */
export function formatCharString(value: string): string {
  let s = '"';
  for (const b of charStringToOctets(value)) {
    if (b === 0x22 || b === 0x5c) s += '\\' + String.fromCharCode(b);
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += '\\' + String(b).padStart(3, '0');
  }
  return s + '"';
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function encodeCodePoint(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp >= 0xd800 && cp <= 0xdfff) return [0xef, 0xbf, 0xbd]; // a lone surrogate in the source: U+FFFD
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the octet there does not start one. */
function sequenceLength(bytes: readonly number[], i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  let len: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
  else return 0;
  if (i + len > bytes.length) return 0;
  let cp = b & (0x7f >> len);
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k];
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

function decodeWithMap(bytes: readonly number[], origin: readonly number[], raw: readonly boolean[], end: number): { value: string; map: Int32Array } {
  const units: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      units.push(0xdc00 + bytes[i]);
      offsets.push(origin[i]);
      i++;
      continue;
    }
    let cp = len === 1 ? bytes[i] : bytes[i] & (0x7f >> len);
    for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      // A raw astral character occupies two source units; an escaped one maps both to its escape.
      offsets.push(origin[i], raw[i] ? origin[i] + 1 : origin[i]);
    } else {
      units.push(cp);
      offsets.push(origin[i]);
    }
    i += len;
  }
  let value = '';
  for (let i = 0; i < units.length; i += 4096) value += String.fromCharCode(...units.slice(i, i + 4096));
  const map = new Int32Array(units.length + 1);
  for (let i = 0; i < offsets.length; i++) map[i] = offsets[i];
  map[units.length] = end;
  return { value, map };
}
