/**
 * Type bitmaps (RFC 4034 §4.1.2, reused by NSEC3 and CSYNC): presentation is a list of type
 * mnemonics or `TYPEnnn`; the wire form is a run of windows, each a window number, a bitmap
 * length of 1-32 octets and the bitmap with trailing zero octets left out.
 */
import type { RdataContext, RdataToken } from './spec';
import { typeCodeOf, typeMnemonic } from './typeCodes';
import { WireReader, WireWriter, WireError } from './wire';

/** Canonical list: mnemonics (or TYPEnnn) in ascending code order, without duplicates. */
export function parseTypeList(tokens: readonly RdataToken[], ctx: RdataContext, what: string): string[] | null {
  const codes = new Set<number>();
  let ok = true;
  for (const t of tokens) {
    const code = t.quoted ? undefined : typeCodeOf(t.text);
    if (code === undefined) {
      ctx.error(t.start, t.end, `${what}: "${t.text}" is not a known record type mnemonic or TYPEnnn (0-65535)`);
      ok = false;
      continue;
    }
    codes.add(code);
  }
  return ok ? codesToList([...codes]) : null;
}

function codesToList(codes: number[]): string[] {
  return codes.sort((a, b) => a - b).map(typeMnemonic);
}

export function encodeTypeBitmap(types: readonly string[], w: WireWriter): void {
  const codes = [...new Set(types.map((t) => typeCodeOf(t)!))].sort((a, b) => a - b);
  let i = 0;
  while (i < codes.length) {
    const window = codes[i] >> 8;
    const bitmap = new Uint8Array(32);
    let used = 0;
    for (; i < codes.length && codes[i] >> 8 === window; i++) {
      const low = codes[i] & 0xff;
      bitmap[low >> 3] |= 0x80 >> (low & 7);
      used = (low >> 3) + 1;
    }
    w.u8(window);
    w.u8(used);
    w.bytes(bitmap.subarray(0, used));
  }
}

/** Decode the windows up to the end of the rdata, checking the RFC 4034 rules on order and length. */
export function decodeTypeBitmap(r: WireReader, what: string): string[] {
  const codes: number[] = [];
  let last = -1;
  while (!r.atEnd) {
    const window = r.u8(`${what} window number`);
    const len = r.u8(`${what} bitmap length`);
    if (window <= last) throw new WireError(`${what}: windows must appear in increasing order without repeats`);
    if (len < 1 || len > 32) throw new WireError(`${what}: window ${window} has a bitmap length of ${len} (must be 1-32)`);
    const bitmap = r.take(len, `${what} bitmap`);
    if (bitmap[len - 1] === 0) throw new WireError(`${what}: window ${window} ends with a zero octet (trailing zero octets must be left out)`);
    for (let k = 0; k < len; k++) {
      for (let bit = 0; bit < 8; bit++) if (bitmap[k] & (0x80 >> bit)) codes.push(window * 256 + k * 8 + bit);
    }
    last = window;
  }
  return codesToList(codes);
}
