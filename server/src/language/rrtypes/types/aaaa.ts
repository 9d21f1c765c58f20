import { defineType, field } from '../define';
import { ipv6 } from '../fields';

/** RFC 3596 §2.2: an IPv6 host address. */
export const AAAA = defineType({
  name: 'AAAA',
  code: 28,
  summary: 'IPv6 address of the owner name.',
  rfc: 'RFC 3596 §2.2',
  fields: [field('address', ipv6, 'IPv6 address in any RFC 4291 text form (`::` shorthand and a trailing dotted IPv4 part are allowed).')],
});
