/**
 * Domain names as rdata fields: parsing a token against the origin with errors at the right
 * characters, and converting canonical names (names.ts) to and from uncompressed wire labels.
 */
import type { RdataContext, RdataToken } from './spec';
import type { AnchoredRdataContext } from './define';
import { parseName, nameToLabels, MAX_NAME_OCTETS } from './names';
import { WireReader, WireWriter, WireError } from './wire';

/** Parse a name token; `relative` is set when the source lacked the trailing dot. */
export function parseNameToken(t: RdataToken, ctx: RdataContext, what: string): { value: string; relative: boolean } | null {
  const names = (ctx as AnchoredRdataContext).names;
  const r = names ? names.parse(t.text, ctx.origin) : parseName(t.text, ctx.origin);
  if (r.error) {
    const from = t.start + r.error.from;
    const to = t.start + r.error.to;
    ctx.error(from, to > from ? to : t.end, `${what}: ${r.error.message}`);
    return null;
  }
  return { value: r.name, relative: !r.absolute };
}

/** The octets of one canonical label (escapes resolved). */
export function labelOctets(label: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const d = label.charCodeAt(i + 1);
    if (d >= 0x30 && d <= 0x39) {
      out.push(Number(label.slice(i + 1, i + 4)));
      i += 3;
    } else {
      out.push(d);
      i += 1;
    }
  }
  return out;
}

/** Uncompressed wire form of a canonical absolute name (already lowercase). */
export function encodeName(name: string, w: WireWriter): void {
  for (const label of nameToLabels(name)) {
    const octets = labelOctets(label);
    w.u8(octets.length);
    w.bytes(octets);
  }
  w.u8(0);
}

export function nameToWire(name: string): Uint8Array {
  const w = new WireWriter();
  encodeName(name, w);
  return w.finish();
}

/** Read an uncompressed name and return its canonical text. Compression pointers are refused (RFC 3597 §4). */
export function decodeName(r: WireReader, what: string): string {
  let text = '';
  let total = 1;
  for (;;) {
    const len = r.u8(what);
    if (len === 0) break;
    if (len >= 0xc0) throw new WireError(`${what} uses a compression pointer, which is not allowed in \\# rdata`);
    if (len > 63) throw new WireError(`${what} has a label length octet of ${len} (labels are at most 63 octets)`);
    total += len + 1;
    if (total > MAX_NAME_OCTETS) throw new WireError(`${what} is longer than ${MAX_NAME_OCTETS} octets`);
    for (const b of r.take(len, what)) {
      const plain = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f;
      text += plain ? String.fromCharCode(b) : '\\' + String(b).padStart(3, '0');
    }
    text += '.';
  }
  if (text === '') return '.';
  // Let names.ts produce the canonical spelling, so both paths agree on escapes and case.
  const parsed = parseName(text, null);
  if (parsed.error) throw new WireError(`${what}: ${parsed.error.message}`);
  return parsed.name;
}
