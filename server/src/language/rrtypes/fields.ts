/**
 * Reusable field codecs, one per FieldKind: each parses presentation tokens (reporting errors at
 * the exact token, or the exact characters inside it), encodes the parsed value to wire format,
 * and decodes it back. The record types in types/ are built from these.
 */
import type { FieldKind, FieldValue, RdataContext, RdataToken } from './spec';
import type { CharString } from '../text/charString';
import { WireReader, WireWriter, WireError } from './wire';
import { parseDecimal, parseTimeWithUnits, parseSigTime, isNumberError, MAX_U32 } from './numbers';
import { parseIpv4, parseIpv6, formatIpv4, formatIpv6, isAddressError, isCanonicalIpv4, canonicalIpv6 } from './addresses';
import { decodeCharString, isCharStringError, charStringToOctets, octetsToCharString, MAX_CHAR_STRING_OCTETS } from './charStrings';
import { type MnemonicTable, lookupMnemonic } from './mnemonics';
import { parseNameToken, encodeName, decodeName } from './nameWire';
import { parseTypeList, encodeTypeBitmap, decodeTypeBitmap } from './typeBitmap';
import { parseBinaryTokens, encodeBinary, decodeBinaryRest, type BinaryEncoding } from './binaryField';

export { parseTtl, parseTimeWithUnits, parseSigTime, parseDecimal, MAX_TTL } from './numbers';
export { parseIpv4, parseIpv6, formatIpv6 } from './addresses';

export interface ParsedField {
  value: FieldValue;
  relative?: boolean;
}

export interface FieldCodec {
  readonly kind: FieldKind;
  /** `one`: exactly one token; `rest`: every remaining token (at least `minTokens`). */
  readonly arity: 'one' | 'rest';
  readonly minTokens?: number;
  /** `what` names the field in messages, e.g. "MX preference". Returns null after reporting. */
  parse(tokens: readonly RdataToken[], ctx: RdataContext, what: string): ParsedField | null;
  encode(value: FieldValue, w: WireWriter): void;
  /** Throws WireError on bad data. `range` is where decoded values claim to come from. */
  decode(r: WireReader, what: string, range: { start: number; end: number }): FieldValue;
}

/** The text of a token that must not be quoted; reports and returns null when it is. */
export function unquoted(token: RdataToken, ctx: RdataContext, what: string): string | null {
  if (token.quoted) {
    ctx.error(token.start, token.end, `${what} cannot be a quoted string`);
    return null;
  }
  return token.text;
}

function unsigned(kind: 'u8' | 'u16' | 'u32', max: number, mnemonics?: MnemonicTable): FieldCodec {
  return {
    kind,
    arity: 'one',
    parse([t], ctx, what) {
      const text = unquoted(t, ctx, what);
      if (text === null) return null;
      const named = mnemonics ? lookupMnemonic(mnemonics, text) : undefined;
      if (named !== undefined) return { value: named };
      const v = parseDecimal(text, max, what);
      if (isNumberError(v)) {
        const hint = mnemonics && !/^[0-9]+$/.test(text) ? ` or a ${mnemonics.what} mnemonic (${[...mnemonics.byName.keys()].slice(0, 4).join(', ')}, ...)` : '';
        ctx.error(t.start, t.end, v.error + hint);
        return null;
      }
      return { value: v };
    },
    encode(value, w) {
      const v = value as number;
      if (kind === 'u8') w.u8(v);
      else if (kind === 'u16') w.u16(v);
      else w.u32(v);
    },
    decode(r, what) {
      return kind === 'u8' ? r.u8(what) : kind === 'u16' ? r.u16(what) : r.u32(what);
    },
  };
}

export const u8 = unsigned('u8', 255);
export const u16 = unsigned('u16', 65535);
export const u32 = unsigned('u32', MAX_U32);
/** An 8-bit number that may also be written as a mnemonic from `t` (DNSSEC algorithms, ...). */
export const u8Mnemonic = (t: MnemonicTable): FieldCodec => unsigned('u8', 255, t);
export const u16Mnemonic = (t: MnemonicTable): FieldCodec => unsigned('u16', 65535, t);

/** A 32-bit number of seconds in BIND's TTL syntax (`3600`, `1h`, `1w2d`), up to `max`. */
export function duration(max: number): FieldCodec {
  return {
    kind: 'ttl',
    arity: 'one',
    parse([t], ctx, what) {
      const text = unquoted(t, ctx, what);
      if (text === null) return null;
      const v = parseTimeWithUnits(text, max, what);
      if (isNumberError(v)) {
        ctx.error(t.start, t.end, v.error);
        return null;
      }
      return { value: v };
    },
    encode: (value, w) => w.u32(value as number),
    decode: (r, what) => r.u32(what),
  };
}

/** RRSIG expiration/inception: `YYYYMMDDHHmmSS` or seconds; the value is seconds modulo 2^32. */
export const sigTime: FieldCodec = {
  kind: 'time',
  arity: 'one',
  parse([t], ctx, what) {
    const text = unquoted(t, ctx, what);
    if (text === null) return null;
    const v = parseSigTime(text, what);
    if (isNumberError(v)) {
      ctx.error(t.start, t.end, v.error);
      return null;
    }
    return { value: v };
  },
  encode: (value, w) => w.u32(value as number),
  decode: (r, what) => r.u32(what),
};

export const domainName: FieldCodec = {
  kind: 'name',
  arity: 'one',
  parse([t], ctx, what) {
    const text = unquoted(t, ctx, what);
    if (text === null) return null;
    return parseNameToken(t, ctx, what);
  },
  encode: (value, w) => encodeName(value as string, w),
  decode: (r, what) => decodeName(r, what),
};

export const ipv4: FieldCodec = {
  kind: 'ipv4',
  arity: 'one',
  parse([t], ctx, what) {
    const text = unquoted(t, ctx, what);
    if (text === null) return null;
    // Canonical text (nearly every A record) is the value itself; the rest is parsed for its error.
    if (isCanonicalIpv4(text)) return { value: text };
    const b = parseIpv4(text);
    if (isAddressError(b)) {
      ctx.error(t.start + b.from, t.start + b.to, b.error);
      return null;
    }
    return { value: formatIpv4(b) };
  },
  encode: (value, w) => w.bytes(parseIpv4(value as string) as Uint8Array),
  decode: (r, what) => formatIpv4(r.take(4, what)),
};

export const ipv6: FieldCodec = {
  kind: 'ipv6',
  arity: 'one',
  parse([t], ctx, what) {
    const text = unquoted(t, ctx, what);
    if (text === null) return null;
    const canonical = canonicalIpv6(text);
    if (canonical !== undefined) return { value: canonical };
    const b = parseIpv6(text);
    if (isAddressError(b)) {
      ctx.error(t.start + b.from, t.start + b.to, b.error);
      return null;
    }
    return { value: formatIpv6(b) };
  },
  encode: (value, w) => w.bytes(parseIpv6(value as string) as Uint8Array),
  decode: (r, what) => formatIpv6(r.take(16, what)),
};

/** Decode one character-string token, reporting bad escapes and strings over 255 octets. */
export function parseCharStringToken(t: RdataToken, ctx: RdataContext): CharString | null {
  const d = decodeCharString(t);
  if (isCharStringError(d)) {
    ctx.error(d.start, d.end, d.error);
    return null;
  }
  if (d.octets > MAX_CHAR_STRING_OCTETS) {
    const message = `character-string is ${d.octets} octets; the limit is ${MAX_CHAR_STRING_OCTETS} (split it into several quoted strings)`;
    // Kept in the model when the caller can, so SPF/DKIM rules still read the record and a fix can split it.
    if (ctx.reportKept) {
      ctx.reportKept('txt-string-too-long', t.start, t.end, message);
      return d.charString;
    }
    ctx.error(t.start, t.end, message);
    return null;
  }
  return d.charString;
}

function encodeCharString(s: CharString, w: WireWriter): void {
  const octets = charStringToOctets(s.value);
  w.u8(octets.length);
  w.bytes(octets);
}

function decodeCharStringWire(r: WireReader, what: string, range: { start: number; end: number }): CharString {
  const len = r.u8(`length of the ${what}`);
  return octetsToCharString(r.take(len, what), range);
}

export const charString: FieldCodec = {
  kind: 'charstring',
  arity: 'one',
  parse([t], ctx) {
    const s = parseCharStringToken(t, ctx);
    return s ? { value: s } : null;
  },
  encode: (value, w) => encodeCharString(value as CharString, w),
  decode: decodeCharStringWire,
};

/** One or more character-strings (TXT, SPF). */
export const charStrings: FieldCodec = {
  kind: 'charstrings',
  arity: 'rest',
  minTokens: 1,
  parse(tokens, ctx) {
    // Sized to the strings: the model keeps this array (one grown by push has room for 17).
    const out: CharString[] = new Array<CharString>(tokens.length);
    let ok = true;
    for (let i = 0; i < tokens.length; i++) {
      const s = parseCharStringToken(tokens[i], ctx);
      if (s) out[i] = s;
      else ok = false;
    }
    return ok ? { value: out } : null;
  },
  encode(value, w) {
    for (const s of value as CharString[]) encodeCharString(s, w);
  },
  decode(r, what, range) {
    const out: CharString[] = [];
    do out.push(decodeCharStringWire(r, what, range));
    while (!r.atEnd);
    return out;
  },
};

/**
 * Binary data written over one or more tokens. `minTokens` 0 lets the field be absent;
 * `dash` lets a single `-` stand for no data (NSEC3 salt).
 */
export function binary(encoding: BinaryEncoding, options: { minTokens?: number; oneToken?: boolean; dash?: boolean; lengthPrefix?: boolean } = {}): FieldCodec {
  const kind: FieldKind = encoding === 'base64' ? 'base64' : 'hex';
  return {
    kind,
    arity: options.oneToken ? 'one' : 'rest',
    minTokens: options.minTokens ?? 1,
    parse(tokens, ctx, what) {
      const v = parseBinaryTokens(tokens, ctx, what, encoding, options.dash ?? false);
      if (v === null) return null;
      if (options.lengthPrefix && encodeBinary(encoding, v).length > 255) {
        ctx.error(tokens[0].start, tokens[tokens.length - 1].end, `${what} is longer than 255 octets`);
        return null;
      }
      return { value: v };
    },
    encode(value, w) {
      const bytes = encodeBinary(encoding, value as string);
      if (options.lengthPrefix) w.u8(bytes.length);
      w.bytes(bytes);
    },
    decode(r, what) {
      if (options.lengthPrefix) return decodeBinaryRest(encoding, r.take(r.u8(`length of the ${what}`), what));
      const bytes = r.rest();
      // BIND refuses empty data on the wire wherever the text form needs at least one word.
      if (bytes.length === 0 && (options.minTokens ?? 1) > 0) throw new WireError(`${what} is empty`);
      return decodeBinaryRest(encoding, bytes);
    },
  };
}

/** NSEC/NSEC3/CSYNC type bitmaps (RFC 4034 §4.1.2): a list of type mnemonics or TYPEnnn. */
export const typeBitmap: FieldCodec = {
  kind: 'typebitmap',
  arity: 'rest',
  minTokens: 0,
  parse(tokens, ctx, what) {
    const v = parseTypeList(tokens, ctx, what);
    return v ? { value: v } : null;
  },
  encode: (value, w) => encodeTypeBitmap(value as string[], w),
  decode: (r, what) => decodeTypeBitmap(r, what),
};

/** A wire-format problem in the middle of a field. */
export function wireError(message: string): never {
  throw new WireError(message);
}

/**
 * A character-string that fills the rest of the rdata with no length octet, so it has no
 * 255-octet limit (CAA value, URI target). `quotedOnly` refuses an unquoted word.
 */
export function unprefixedString(quotedOnly: boolean): FieldCodec {
  return {
    kind: 'charstring',
    arity: 'one',
    parse([t], ctx, what) {
      if (quotedOnly && !t.quoted) {
        ctx.error(t.start, t.end, `${what} must be a quoted string`);
        return null;
      }
      const d = decodeCharString(t);
      if (isCharStringError(d)) {
        ctx.error(d.start, d.end, d.error);
        return null;
      }
      return { value: d.charString };
    },
    encode: (v, w) => w.bytes(charStringToOctets((v as CharString).value)),
    decode: (r, _what, range) => octetsToCharString(r.rest(), range),
  };
}
