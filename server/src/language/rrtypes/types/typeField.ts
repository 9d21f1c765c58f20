/** A field holding one record type, as in RRSIG's "type covered": a mnemonic or TYPEnnn. */
import type { FieldCodec } from '../fields';
import { typeCodeOf, typeMnemonic } from '../typeCodes';

export const typeMnemonicCodec: FieldCodec = {
  kind: 'special',
  arity: 'one',
  parse([t], ctx, what) {
    const code = t.quoted ? undefined : typeCodeOf(t.text);
    if (code === undefined) {
      ctx.error(t.start, t.end, `${what}: "${t.text}" is not a known record type mnemonic or TYPEnnn (0-65535)`);
      return null;
    }
    return { value: typeMnemonic(code) };
  },
  encode: (value, w) => w.u16(typeCodeOf(value as string)!),
  decode: (r, what) => typeMnemonic(r.u16(what)),
};
