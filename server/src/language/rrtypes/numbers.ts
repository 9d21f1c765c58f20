/**
 * Numbers in rdata: plain decimal integers, BIND's TTL syntax with units (`1h30m`, `2W`), and
 * RRSIG times (`YYYYMMDDHHmmSS` or seconds). Each returns a value or a message, never throws.
 */

export interface NumberError {
  error: string;
}

export function isNumberError(v: number | NumberError): v is NumberError {
  return typeof v !== 'number';
}

/** Decimal digits only (no sign, no hex), then a range check. `what` names the field in messages. */
export function parseDecimal(text: string, max: number, what: string): number | NumberError {
  if (!/^[0-9]+$/.test(text)) return { error: `${what} must be a decimal number 0-${max}; got "${text}"` };
  const v = text.length > 16 ? Infinity : Number(text);
  if (v > max) return { error: `${what} must be 0-${max}` };
  return v;
}

export const MAX_TTL = 2147483647;
export const MAX_U32 = 4294967295;

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/**
 * BIND's TTL and SOA-timer syntax: a plain number, or one or more `<number><unit>` groups with
 * units w d h m s in either case (`1h30m`, `1W2D`). A bare number after a unit group (`1h30`) is
 * rejected, as BIND does (except after groups worth zero, see below).
 */
export function parseTimeWithUnits(text: string, max: number, what: string): number | NumberError {
  // BIND copies the text into a 64-octet buffer and refuses anything longer.
  if (text.length === 0 || text.length > 63) return { error: `${what} must be a number of seconds or use units w d h m s (e.g. 1h30m); got "${text}"` };
  if (/^[0-9]+$/.test(text)) {
    const v = text.length > 16 ? Infinity : Number(text);
    if (v > max) return { error: `${what} must be 0-${max}` };
    return v;
  }
  const group = /([0-9]+)([wdhmsWDHMS])/y;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    group.lastIndex = pos;
    const m = group.exec(text);
    // BIND quirk: trailing digits without a unit are taken as seconds when the groups so far
    // add up to zero (`0h30` is 30), and rejected otherwise (`1h30`).
    if (!m && total === 0 && /^[0-9]+$/.test(text.slice(pos))) {
      total = Number(text.slice(pos));
      break;
    }
    if (!m) {
      return { error: `${what} "${text}" is not a number of seconds or a duration with units w d h m s (e.g. 1h30m)` };
    }
    total += Number(m[1]) * UNIT_SECONDS[m[2].toLowerCase()];
    pos = group.lastIndex;
  }
  if (total > max) return { error: `${what} must be 0-${max} seconds; "${text}" is ${total}` };
  return total;
}

/** A record TTL or `$TTL` value: 0-2147483647 seconds (RFC 2181 §8), units allowed. */
export function parseTtl(text: string): number | NumberError {
  return parseTimeWithUnits(text, MAX_TTL, 'TTL');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * An RRSIG expiration or inception time (RFC 4034 §3.2): `YYYYMMDDHHmmSS` in UTC, or the
 * number of seconds since 1970 when the text has at most 10 digits. Dates are reduced modulo
 * 2^32 (serial number arithmetic, RFC 4034 §3.1.5).
 */
export function parseSigTime(text: string, what: string): number | NumberError {
  if (/^[0-9]{1,10}$/.test(text)) {
    const v = Number(text);
    if (v > MAX_U32) return { error: `${what} must be 0-${MAX_U32} seconds, or a date YYYYMMDDHHmmSS` };
    return v;
  }
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})$/.exec(text);
  if (!m) return { error: `${what} must be a date YYYYMMDDHHmmSS (UTC) or seconds since 1970; got "${text}"` };
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const monthDays = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 60) {
    return { error: `${what} "${text}" is not a valid UTC date and time (YYYYMMDDHHmmSS, from 1970)` };
  }
  const seconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  return seconds % 2 ** 32;
}

/**
 * Presentation of an RRSIG time as BIND writes it, YYYYMMDDHHmmSS: the 32-bit value is read with
 * serial number arithmetic as the moment closest to `now` (seconds), so it can fall before 1970
 * or after 2106.
 */
export function formatSigTime(value: number, now: number = Math.floor(Date.now() / 1000)): string {
  const diff = (value - now) % 2 ** 32;
  const forward = diff < 0 ? diff + 2 ** 32 : diff;
  const t = forward > 0 && forward < 2 ** 31 ? now + forward : now - ((2 ** 32 - forward) % 2 ** 32);
  const d = new Date(t * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
