import type { FieldCodec } from '../fields';
import { defineType, field } from '../define';

/** A MAC-style address written as `octets` hex groups joined by `-` (RFC 7043 §3.2, §4.2). */
export function euiCodec(octets: number): FieldCodec {
  // BIND reads each group with %2x, so a single digit is accepted too.
  const pattern = new RegExp(`^[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){${octets - 1}}$`);
  const example = Array.from({ length: octets }, (_, i) => ['00', '00', '5e', '00', '53', '2a', 'ff', 'fe'][i]).join('-');
  return {
    kind: 'hex',
    arity: 'one',
    parse([t], ctx, what) {
      if (t.quoted || !pattern.test(t.text)) {
        ctx.error(t.start, t.end, `${what} must be ${octets} two-digit hex groups separated by "-", e.g. ${example}`);
        return null;
      }
      return { value: t.text.toLowerCase().split('-').map((g) => g.padStart(2, '0')).join('-') };
    },
    encode(value, w) {
      for (const part of (value as string).split('-')) w.u8(parseInt(part, 16));
    },
    decode(r, what) {
      return Array.from(r.take(octets, what), (b) => b.toString(16).padStart(2, '0')).join('-');
    },
  };
}

/** RFC 7043 §3: a 48-bit extended unique identifier. */
export const EUI48 = defineType({
  name: 'EUI48',
  code: 108,
  summary: 'A 48-bit MAC address (EUI-48); RFC 7043 §7 warns against publishing them in the public DNS.',
  rfc: 'RFC 7043 §3',
  fields: [field('address', euiCodec(6), 'Six hex octets separated by hyphens, e.g. 00-00-5e-00-53-2a.')],
});
