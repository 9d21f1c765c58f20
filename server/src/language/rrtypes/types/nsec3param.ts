import { defineType, field } from '../define';
import { binary, u16, u8 } from '../fields';
import { SALT_DOC } from './nsec3';

/** RFC 5155 §4: the NSEC3 parameters the zone's authoritative servers use. */
export const NSEC3PARAM = defineType({
  name: 'NSEC3PARAM',
  code: 51,
  summary: 'NSEC3 parameters used at the zone apex to build NSEC3 responses.',
  rfc: 'RFC 5155 §4',
  fields: [
    field('hashAlgorithm', u8, 'Hash algorithm: 1 is SHA-1, the only one defined.'),
    field('flags', u8, 'Flags; must be 0 in NSEC3PARAM (the Opt-Out bit belongs in NSEC3 records).'),
    field('iterations', u16, 'Extra hash iterations; RFC 9276 §3.1 recommends 0.'),
    field('salt', binary('hex', { oneToken: true, dash: true, lengthPrefix: true }), SALT_DOC),
  ],
});
