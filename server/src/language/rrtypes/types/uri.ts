import { defineType, field } from '../define';
import { u16, unprefixedString } from '../fields';

/** The target: one quoted string, not limited to 255 octets (it fills the rest of the rdata). */
const target = unprefixedString(true);

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
