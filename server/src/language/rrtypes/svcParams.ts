/**
 * SvcParams of SVCB and HTTPS (RFC 9460 §2.1, §7 and Appendix A; dohpath from RFC 9461 §5):
 * turning one `key=value` (value already decoded as a character-string) into wire octets,
 * checking a key's wire value, and printing a canonical `key=value` back the way BIND does.
 */
import { parseIpv4, parseIpv6, formatIpv4, formatIpv6, isAddressError } from './addresses';
import { decodeBase64, encodeBase64, isEncodingError } from './encodings';
import { charStringToOctets } from './charStrings';

export const SVC_KEYS: ReadonlyMap<string, number> = new Map([
  ['mandatory', 0],
  ['alpn', 1],
  ['no-default-alpn', 2],
  ['port', 3],
  ['ipv4hint', 4],
  ['ech', 5],
  ['ipv6hint', 6],
  ['dohpath', 7],
]);
const KEY_NAMES = new Map([...SVC_KEYS].map(([n, c]) => [c, n]));

/** Key number of `mandatory`, `alpn`, ... or `keyNNNNN` (names are case-sensitive, as in BIND). */
export function svcKeyCode(text: string): number | undefined {
  const known = SVC_KEYS.get(text);
  if (known !== undefined) return known;
  const m = /^key([0-9]{1,5})$/.exec(text);
  return m && Number(m[1]) <= 65535 ? Number(m[1]) : undefined;
}

export function svcKeyName(code: number): string {
  return KEY_NAMES.get(code) ?? `key${code}`;
}

/** Split a value-list (RFC 9460 Appendix A.1) on commas, `\` escaping the next character. */
function splitValueList(octets: Uint8Array): number[][] {
  const items: number[][] = [[]];
  for (let i = 0; i < octets.length; i++) {
    const b = octets[i];
    if (b === 0x5c && i + 1 < octets.length) items[items.length - 1].push(octets[++i]);
    else if (b === 0x2c) items.push([]);
    else items[items.length - 1].push(b);
  }
  return items;
}

function ascii(octets: ArrayLike<number>): string {
  return String.fromCharCode(...Array.from(octets));
}

/**
 * Wire value for `key` given its presentation value (`value` null when no `=` was written).
 * Returns the octets or a message.
 */
export function svcValueToWire(key: number, value: string | null): Uint8Array | string {
  const octets = value === null ? new Uint8Array(0) : charStringToOctets(value);
  const name = svcKeyName(key);
  const needsValue = key === 0 || key === 1 || key === 3 || key === 4 || key === 6 || key === 7;
  if (needsValue && octets.length === 0) return `${name} needs a value (${name}=...)`;
  switch (key) {
    case 0: {
      const codes: number[] = [];
      for (const item of ascii(octets).split(',')) {
        const code = svcKeyCode(item);
        if (code === undefined) return `mandatory lists "${item}", which is not a SvcParamKey`;
        if (code === 0) return 'mandatory must not list itself (RFC 9460 §8)';
        if (codes.includes(code)) return `mandatory lists ${item} twice`;
        codes.push(code);
      }
      return Uint8Array.from(codes.sort((a, b) => a - b).flatMap((c) => [c >> 8, c & 0xff]));
    }
    case 1: {
      const out: number[] = [];
      for (const id of splitValueList(octets)) {
        if (id.length === 0) return 'alpn has an empty protocol id (check for a stray comma)';
        if (id.length > 255) return 'an alpn protocol id is longer than 255 octets';
        out.push(id.length, ...id);
      }
      return Uint8Array.from(out);
    }
    case 2:
      return octets.length === 0 ? octets : 'no-default-alpn takes no value';
    case 3: {
      const text = ascii(octets);
      if (!/^[0-9]{1,5}$/.test(text) || Number(text) > 65535) return `port must be a decimal number 0-65535; got "${text}"`;
      return Uint8Array.from([Number(text) >> 8, Number(text) & 0xff]);
    }
    case 4:
    case 6: {
      const out: number[] = [];
      for (const item of ascii(octets).split(',')) {
        const b = key === 4 ? parseIpv4(item) : parseIpv6(item);
        if (isAddressError(b)) return `${name}: ${b.error}`;
        out.push(...b);
      }
      return Uint8Array.from(out);
    }
    case 5: {
      const b = decodeBase64(ascii(octets));
      return isEncodingError(b) ? `ech: ${b.error}` : b;
    }
    default: {
      const problem = svcWireProblem(key, octets);
      return problem ?? octets;
    }
  }
}

/** Why a wire value is not valid for its key (also applied to `keyN=` written for a known key), or null. */
export function svcWireProblem(key: number, v: Uint8Array): string | null {
  const name = svcKeyName(key);
  switch (key) {
    case 0:
      if (v.length === 0 || v.length % 2 !== 0) return 'mandatory value must be a non-empty list of 2-octet keys';
      for (let i = 0; i < v.length; i += 2) {
        const k = (v[i] << 8) | v[i + 1];
        if (k === 0) return 'mandatory must not list itself';
        if (i > 0 && k <= ((v[i - 2] << 8) | v[i - 1])) return 'mandatory keys must be in increasing order without repeats';
      }
      return null;
    case 1:
      if (v.length === 0) return 'alpn value must not be empty';
      for (let i = 0; i < v.length; i += 1 + v[i]) {
        if (v[i] === 0) return 'alpn has an empty protocol id';
        if (i + 1 + v[i] > v.length) return 'alpn protocol id runs past the end of the value';
      }
      return null;
    case 2:
      return v.length === 0 ? null : 'no-default-alpn must have an empty value';
    case 3:
      return v.length === 2 ? null : 'port value must be exactly 2 octets';
    case 4:
    case 6: {
      const size = key === 4 ? 4 : 16;
      return v.length > 0 && v.length % size === 0 ? null : `${name} value must be a non-empty multiple of ${size} octets`;
    }
    case 7: {
      const text = Buffer.from(v).toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(Buffer.from(v))) return 'dohpath must be UTF-8';
      if (!text.startsWith('/')) return 'dohpath must be a relative URI template starting with "/" (RFC 9461 §5)';
      if (!hasDnsVariable(text)) return 'dohpath must contain the "dns" variable, e.g. /dns-query{?dns} (RFC 9461 §5)';
      return null;
    }
    default:
      return null;
  }
}

/** Escape octets for a quoted presentation value: `"` and `\` with a backslash, others as `\DDD`. */
function quote(octets: ArrayLike<number>, escapeComma = false): string {
  let s = '';
  for (let i = 0; i < octets.length; i++) {
    const b = octets[i];
    if (escapeComma && (b === 0x2c || b === 0x5c)) s += b === 0x2c ? '\\\\,' : '\\\\\\\\';
    else if (b === 0x22 || b === 0x5c) s += '\\' + String.fromCharCode(b);
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += '\\' + String(b).padStart(3, '0');
  }
  return s;
}

/** Canonical `key=value` for a valid wire value (named keys as names, like BIND's output). */
export function formatSvcParam(key: number, v: Uint8Array): string {
  const name = svcKeyName(key);
  switch (key) {
    case 0: {
      const names: string[] = [];
      for (let i = 0; i < v.length; i += 2) names.push(svcKeyName((v[i] << 8) | v[i + 1]));
      return `${name}=${names.join(',')}`;
    }
    case 1: {
      const ids: string[] = [];
      for (let i = 0; i < v.length; i += 1 + v[i]) ids.push(quote(v.subarray(i + 1, i + 1 + v[i]), true));
      return `${name}="${ids.join(',')}"`;
    }
    case 2:
      return name;
    case 3:
      return `${name}=${(v[0] << 8) | v[1]}`;
    case 4:
    case 6: {
      const size = key === 4 ? 4 : 16;
      const parts: string[] = [];
      for (let i = 0; i < v.length; i += size) parts.push(key === 4 ? formatIpv4(v.subarray(i, i + 4)) : formatIpv6(v.subarray(i, i + 16)));
      return `${name}=${parts.join(',')}`;
    }
    case 5:
      return v.length === 0 ? name : `${name}=${encodeBase64(v)}`;
    default:
      return v.length === 0 ? name : `${name}="${quote(v)}"`;
  }
}

/**
 * Whether a URI template has an expression whose variable list names `dns` (RFC 6570 §2.2). The
 * lists are matched first and searched after: `([A-Za-z0-9_%.]+,)*dns(,...)*` backtracks
 * quadratically on a long `{dns,dns,dns,...` that never closes.
 */
function hasDnsVariable(template: string): boolean {
  for (const m of template.matchAll(/\{[+#./;?&]?([A-Za-z0-9_%.]+(?:,[A-Za-z0-9_%.]+)*)\}/g)) {
    if (m[1].split(',').includes('dns')) return true;
  }
  return false;
}
