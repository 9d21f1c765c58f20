import type { RRTypeSpec } from '../spec';
import { defineType, field } from '../define';
import { binary, u8, u8Mnemonic } from '../fields';
import type { FieldCodec } from '../fields';
import { DNSSEC_ALGORITHMS } from '../mnemonics';
import { parseDecimal, isNumberError } from '../numbers';

/** BIND also reads the flags as mnemonics joined with `|` (`ZONE|KSK`), from the old KEY flag names (RFC 2535 §3.1.2). */
const FLAG_NAMES: Record<string, number> = {
  NOCONF: 0x4000, NOAUTH: 0x8000, NOKEY: 0xc000, FLAG2: 0x2000, EXTEND: 0x1000, FLAG4: 0x800, FLAG5: 0x400,
  USER: 0, ZONE: 0x100, HOST: 0x200, NTYP3: 0x300, FLAG8: 0x80, FLAG9: 0x40, FLAG10: 0x20, FLAG11: 0x10, KSK: 0x1,
  ...Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`SIG${i}`, i])),
};

const keyFlags: FieldCodec = {
  kind: 'u16',
  arity: 'one',
  parse([t], ctx, what) {
    if (!t.quoted && /^[A-Za-z][A-Za-z0-9|]*$/.test(t.text)) {
      let v = 0;
      for (const part of t.text.toUpperCase().split('|')) {
        if (FLAG_NAMES[part] === undefined) {
          ctx.error(t.start, t.end, `${what}: unknown flag "${part}" (use a number such as 256 or 257, or names like ZONE|KSK)`);
          return null;
        }
        v |= FLAG_NAMES[part];
      }
      return { value: v };
    }
    const v = t.quoted ? { error: `${what} cannot be a quoted string` } : parseDecimal(t.text, 65535, what);
    if (isNumberError(v)) {
      ctx.error(t.start, t.end, v.error);
      return null;
    }
    return { value: v };
  },
  encode: (value, w) => w.u16(value as number),
  decode: (r, what) => r.u16(what),
};

/** DNSKEY and CDNSKEY share one layout (RFC 4034 §2.1, RFC 7344 §3.2). */
export function makeDnskeyType(name: string, code: number, summary: string, rfc: string): RRTypeSpec {
  return defineType({
    name,
    code,
    summary,
    rfc,
    fields: [
      field('flags', keyFlags, 'Key flags: 256 for a zone-signing key, 257 for a key-signing key (Zone Key bit 7 plus the SEP bit 15); bit 8 (128) marks a revoked key.'),
      field('protocol', u8, 'Always 3 (RFC 4034 §2.1.2); other values make the key unusable for DNSSEC.'),
      field('algorithm', u8Mnemonic(DNSSEC_ALGORITHMS), 'DNSSEC algorithm of the key: a number (8 RSASHA256, 13 ECDSAP256SHA256, 15 ED25519, ...) or its mnemonic.'),
      field('publicKey', binary('base64'), 'The public key in base64, in the format of the algorithm; it may be split over several words.'),
    ],
    // A protocol other than 3 loads in BIND: the dnskey-fields rule reports it.
  });
}

export const DNSKEY = makeDnskeyType('DNSKEY', 48, 'A public key of the zone used to verify its DNSSEC signatures (RRSIG).', 'RFC 4034 §2');
