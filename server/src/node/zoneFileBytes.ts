/**
 * Zone files as BIND reads them are bytes, ASCII or UTF-8 (RFC 1035 §5; BIND 9 has no other
 * encoding). A file saved as UTF-16 (Windows editors do that) read as UTF-8 would be a NUL between
 * every two characters, and every name in it "invalid". Such a file is decoded as what it is, so
 * its records are checked, and its encoding is named, so the parser can say once that BIND will
 * refuse it (rule file-encoding). `zonelint --fix` writes a file back in the encoding it had.
 */

export interface ZoneFileEncoding {
  name: 'UTF-16LE' | 'UTF-16BE';
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
}

export interface DecodedZoneFile {
  text: string;
  /** Set when the file is not ASCII/UTF-8. */
  encoding?: ZoneFileEncoding;
}

/** Bytes of a zone file to text: UTF-16 when its byte-order mark or its NULs say so, else UTF-8. */
export function decodeZoneFile(bytes: Uint8Array): DecodedZoneFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString('utf16le'), encoding: { name: 'UTF-16LE', bom: true } };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: swapPairs(buf.subarray(2)).toString('utf16le'), encoding: { name: 'UTF-16BE', bom: true } };
  const order = nulPattern(buf);
  if (order === 'le') return { text: buf.toString('utf16le'), encoding: { name: 'UTF-16LE', bom: false } };
  if (order === 'be') return { text: swapPairs(buf).toString('utf16le'), encoding: { name: 'UTF-16BE', bom: false } };
  return { text: buf.toString('utf8') };
}

/**
 * A zone file's text, read the fast way (as UTF-8, with no buffer of the bytes for the collector
 * to account for: on a 44 MB zone that alone costs 5% more CPU in extra collections), and again
 * as bytes only when that text shows the signs of UTF-16: a byte-order mark read as two
 * replacement characters (FF FE, FE FF), or a NUL near the start.
 */
export function readZoneFile(read: { utf8: () => string; bytes: () => Uint8Array }): DecodedZoneFile {
  const text = read.utf8();
  const head = text.slice(0, SNIFF);
  if (text.charCodeAt(0) !== 0xfffd && !head.includes('\0')) return { text };
  return decodeZoneFile(read.bytes());
}

/** Text to the bytes of a zone file in `encoding` (UTF-8 when none). */
export function encodeZoneFile(text: string, encoding?: ZoneFileEncoding): Buffer {
  if (!encoding) return Buffer.from(text, 'utf8');
  const le = Buffer.from((encoding.bom ? '\ufeff' : '') + text, 'utf16le');
  return encoding.name === 'UTF-16LE' ? le : swapPairs(le);
}

/** For the file-encoding finding: `UTF-16LE (with a byte-order mark)`. */
export function describeEncoding(encoding: ZoneFileEncoding): string {
  return `${encoding.name} (${encoding.bom ? 'with a' : 'no'} byte-order mark)`;
}

/** How many leading bytes the heuristic looks at. */
const SNIFF = 1024;

/**
 * UTF-16 without a byte-order mark: ASCII text then has a NUL in every other byte (the high byte
 * of each character), which no zone file in UTF-8 has. Told from the first bytes: at least
 * 16 characters, nearly all (90%) with a NUL on one side and none on the other.
 */
function nulPattern(buf: Buffer): 'le' | 'be' | undefined {
  const n = Math.min(buf.length, SNIFF) & ~1;
  if (n < 32) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'be';
  return undefined;
}

/** A copy with the bytes of each pair swapped (UTF-16 big-endian to little-endian and back); an odd last byte is dropped. */
function swapPairs(buf: Buffer): Buffer {
  const out = Buffer.alloc(buf.length & ~1);
  for (let i = 0; i + 1 < buf.length; i += 2) {
    out[i] = buf[i + 1];
    out[i + 1] = buf[i];
  }
  return out;
}
