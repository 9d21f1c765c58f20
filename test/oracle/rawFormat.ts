/**
 * Reader for BIND's "raw" master-file format (`named-compilezone -F raw`), which is the zone as
 * BIND holds it in memory: every RRset with its owner and rdata in uncompressed wire format.
 *
 * We compare against this rather than against BIND's text output because wire bytes come from
 * BIND's own rdata code, independent of ours: a record we misread (an escape, a relative name, a
 * TTL unit) shows up as different bytes, without any presentation-format normalisation in between
 * that could hide the difference.
 *
 * Layout (BIND 9 lib/dns/masterdump.c, version 1 header; all integers big-endian):
 *   header:  format u32 (2 = raw), version u32, dumptime u32, flags u32, sourceserial u32, lastxfrin u32
 *   rdataset: totallen u32 (this rdataset, totallen included), class u16, type u16, covers u16,
 *             ttl u32, nrdata u32, namelen u16, owner (wire, uncompressed),
 *             then nrdata times: rdlen u16, rdata
 */

export interface BindRecord {
  /** Owner in uncompressed wire format, case as BIND stored it. */
  owner: Uint8Array;
  ttl: number;
  class: number;
  type: number;
  /** For RRSIG/SIG rdatasets, the type covered; else 0. */
  covers: number;
  rdata: Uint8Array;
}

const RAW_FORMAT = 2;
const HEADER_BYTES = 24;

export class RawFormatError extends Error {}

export function parseRawDump(buf: Uint8Array): BindRecord[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < HEADER_BYTES) throw new RawFormatError(`raw dump is ${buf.length} bytes, shorter than its header`);
  const format = view.getUint32(0);
  const version = view.getUint32(4);
  if (format !== RAW_FORMAT) throw new RawFormatError(`not a raw dump (format ${format})`);
  if (version < 1) throw new RawFormatError(`raw dump version ${version} is not supported (need 1)`);
  const out: BindRecord[] = [];
  let pos = HEADER_BYTES;
  while (pos < buf.length) {
    need(buf, pos, 18, 'rdataset header');
    const totalLen = view.getUint32(pos);
    const end = pos + totalLen;
    if (totalLen < 18 || end > buf.length) throw new RawFormatError(`rdataset at ${pos} claims ${totalLen} bytes`);
    const cls = view.getUint16(pos + 4);
    const type = view.getUint16(pos + 6);
    const covers = view.getUint16(pos + 8);
    const ttl = view.getUint32(pos + 10);
    const count = view.getUint32(pos + 14);
    let p = pos + 18;
    need(buf, p, 2, 'owner length');
    const nameLen = view.getUint16(p);
    p += 2;
    need(buf, p, nameLen, 'owner');
    const owner = buf.slice(p, p + nameLen);
    p += nameLen;
    for (let i = 0; i < count; i++) {
      need(buf, p, 2, 'rdata length');
      const len = view.getUint16(p);
      p += 2;
      need(buf, p, len, 'rdata');
      out.push({ owner, ttl, class: cls, type, covers, rdata: buf.slice(p, p + len) });
      p += len;
    }
    if (p !== end) throw new RawFormatError(`rdataset at ${pos} ends at ${p}, not at ${end}`);
    pos = end;
  }
  return out;
}

function need(buf: Uint8Array, at: number, n: number, what: string): void {
  if (at + n > buf.length) throw new RawFormatError(`raw dump ends inside the ${what} at ${at}`);
}

/** A wire-format name as presentation text (for messages only): printable ASCII kept, the rest `\DDD`. */
export function wireNameToText(wire: Uint8Array): string {
  let text = '';
  let p = 0;
  while (p < wire.length) {
    const len = wire[p++];
    if (len === 0) break;
    for (let i = 0; i < len && p < wire.length; i++, p++) {
      const b = wire[p];
      if (b === 0x2e || b === 0x5c || b === 0x22 || b === 0x3b || b === 0x28 || b === 0x29 || b === 0x40 || b === 0x24) text += '\\' + String.fromCharCode(b);
      else if (b > 0x20 && b < 0x7f) text += String.fromCharCode(b);
      else text += '\\' + String(b).padStart(3, '0');
    }
    text += '.';
  }
  return text === '' ? '.' : text;
}

/** ASCII-lowercased copy of a byte string (DNS names compare case-insensitively, RFC 4343). */
export function asciiLower(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out[i] = b >= 0x41 && b <= 0x5a ? b + 32 : b;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
