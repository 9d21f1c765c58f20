/**
 * Reading class, TTL and type tokens in place, without slicing or upper-casing the text: the
 * parser's hot path (see docs/performance.md).
 */
import { typeInfoByCode } from '../rrtypes/registry';

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS', 'NONE', 'ANY']);

const CLASS_BY_NUMBER: Record<string, string> = { '1': 'IN', '2': 'CS', '3': 'CH', '4': 'HS', '254': 'NONE', '255': 'ANY' };

/**
 * A number for a type token of up to 10 letters and digits, equal for two tokens exactly when
 * they are the same case-insensitively (base 37, digit values 1-36); -1 for anything else.
 */
export function typeKey(text: string, start: number, end: number): number {
  if (end - start > 10) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let v: number;
    if (c >= 0x41 && c <= 0x5a) v = c - 0x41 + 11;
    else if (c >= 0x61 && c <= 0x7a) v = c - 0x61 + 11;
    else if (c >= 0x30 && c <= 0x39) v = c - 0x30 + 1;
    else return -1;
    key = key * 37 + v;
  }
  return key;
}

export function plainSmallNumber(text: string, start: number, end: number): number {
  if (end - start > 9) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    v = v * 10 + (c - 0x30);
  }
  return end > start ? v : -1;
}

export function upperAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0x61 && c <= 0x7a ? c - 32 : c;
}

/** `IN` in any case. */
export function isInClass(text: string, s: number, e: number): boolean {
  return e - s === 2 && upperAt(text, s) === 0x49 && upperAt(text, s + 1) === 0x4e;
}

/** isClass on the token at [s, e), read in place (most tokens tested are types, not classes). */
export function isClassAt(text: string, s: number, e: number): boolean {
  const n = e - s;
  // Non-ASCII letters may upper-case to ASCII ones (U+0131 to I): left to isClass itself.
  for (let i = s; i < e && i < s + 4; i++) if (text.charCodeAt(i) >= 0x80) return isClass(text.slice(s, e));
  if (n === 2) {
    const a = upperAt(text, s);
    const b = upperAt(text, s + 1);
    // IN, CH, HS, CS
    return (a === 0x49 && b === 0x4e) || (a === 0x43 && b === 0x48) || (a === 0x48 && b === 0x53) || (a === 0x43 && b === 0x53);
  }
  if (n === 3) return upperAt(text, s) === 0x41 && upperAt(text, s + 1) === 0x4e && upperAt(text, s + 2) === 0x59; // ANY
  if (n === 4) return upperAt(text, s) === 0x4e && upperAt(text, s + 1) === 0x4f && upperAt(text, s + 2) === 0x4e && upperAt(text, s + 3) === 0x45; // NONE
  if (n < 6) return false;
  return isClass(text.slice(s, e));
}

/** Type codes that never hold zone data: 0, OPT, and the meta/query range 128-255 (RFC 6895 §3.1). */
export function isMetaType(code: number): boolean {
  return code === 0 || (code >= 128 && code <= 255) || typeInfoByCode(code)?.meta === true;
}

export function canonicalClass(t: string): string {
  const u = t.toUpperCase();
  const n = u.startsWith('CLASS') ? String(Number(u.slice(5))) : '';
  return CLASS_BY_NUMBER[n] ?? u;
}

export function isClass(t: string): boolean {
  const u = t.length <= 4 ? t.toUpperCase() : t.length > 5 ? t.slice(0, 5).toUpperCase() : '';
  return CLASSES.has(u) || (u === 'CLASS' && /^[0-9]{1,5}$/.test(t.slice(5)));
}
