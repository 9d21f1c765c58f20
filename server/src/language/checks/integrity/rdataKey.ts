/**
 * A canonical key for a record's rdata, so that `mail.example.com.` and `mail` (relative),
 * `3600` and `1h`, or `\# 4 C0000201` and `192.0.2.1` compare equal: the wire form when the
 * type is known, else the normalised RFC 3597 text.
 */
import type { ZoneRecord } from '../../model/types';
import { rrTypeByName } from '../../rrtypes/registry';
import type { FieldValue } from '../../rrtypes/spec';

/**
 * The octets as one character each (U+0000 to U+00FF): a key only compared with other keys, so
 * any one-to-one text does, and this one costs a character per octet instead of two hex digits
 * made with a string each (duplicate-record encodes every record of a shared RRset).
 */
function octets(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += OCTET_CHUNK) s += String.fromCharCode.apply(null, bytes.subarray(i, i + OCTET_CHUNK) as unknown as number[]);
  return s;
}

/** Octets per String.fromCharCode call: well below any engine's limit on arguments. */
const OCTET_CHUNK = 4096;

function valueKey(v: FieldValue): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : x.value)).join('\u0000');
  return v.value;
}

/** `zone` text is needed only for records of types we cannot encode (their rdata is compared as written). */
export function rdataKey(r: ZoneRecord, sourceText?: string): string {
  const spec = rrTypeByName(r.type);
  if (spec && r.rdata.length > 0) {
    try {
      return 'w:' + octets(spec.toWire(r.rdata));
    } catch {
      // Fall through to the field values.
    }
    return 'f:' + r.rdata.map((f) => `${f.name}=${valueKey(f.value)}`).join('\u0001');
  }
  const text = sourceText === undefined ? '' : sourceText.slice(r.rdataStart, r.rdataEnd);
  return 't:' + text.replace(/\s+/g, '').toUpperCase();
}
