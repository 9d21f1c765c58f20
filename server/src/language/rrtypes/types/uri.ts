import type { CharString } from '../../text/charString';
import { defineType, field } from '../define';
import type { FieldCodec } from '../fields';
import { u16 } from '../fields';
import { charStringToOctets, decodeCharString, isCharStringError, octetsToCharString } from '../charStrings';

/** The target: one quoted string, not limited to 255 octets (it fills the rest of the rdata). */
const target: FieldCodec = {
  kind: 'charstring',
  arity: 'one',
  parse([t], ctx, what) {
    if (!t.quoted) {
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

/** RFC 7553 §4: a URI for a service, owner `_service._proto.name`. */
export const URI = defineType({
  name: 'URI',
  code: 256,
  summary: 'Maps a service name (`_service._proto.domain`) to a URI.',
  rfc: 'RFC 7553 §4',
  fields: [
    field('priority', u16, 'Priority 0-65535; clients use the lowest value first.'),
    field('weight', u16, 'Relative weight for targets of the same priority.'),
    field('target', target, 'The URI, as one quoted string (RFC 3986).'),
  ],
});
