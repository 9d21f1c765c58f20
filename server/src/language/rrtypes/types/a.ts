import { defineType, field } from '../define';
import { ipv4 } from '../fields';

/** RFC 1035 §3.4.1: an IPv4 host address. */
export const A = defineType({
  name: 'A',
  code: 1,
  summary: 'IPv4 address of the owner name.',
  rfc: 'RFC 1035 §3.4.1',
  fields: [field('address', ipv4, 'IPv4 address in dotted-quad form, four decimal octets 0-255 without leading zeros.')],
});
