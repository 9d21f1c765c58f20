import { defineType, field } from '../define';
import { binary, typeBitmap, u16, u8 } from '../fields';

export const SALT_DOC = 'Salt appended to the name before hashing, in hex, or `-` for none (RFC 9276 §3.1 recommends no salt).';

const salt = binary('hex', { oneToken: true, dash: true, lengthPrefix: true });

/** RFC 5155 §3: hashed authenticated denial of existence. */
export const NSEC3 = defineType({
  name: 'NSEC3',
  code: 50,
  summary: 'Hashed next secure record: denial of existence over hashed owner names (DNSSEC).',
  rfc: 'RFC 5155 §3',
  fields: [
    field('hashAlgorithm', u8, 'Hash algorithm: 1 is SHA-1, the only one defined.'),
    field('flags', u8, 'Flags: 1 is Opt-Out (unsigned delegations may be skipped); other bits must be zero.'),
    field('iterations', u16, 'Extra hash iterations; RFC 9276 §3.1 recommends 0.'),
    field('salt', salt, SALT_DOC),
    field('nextHashedOwner', binary('base32hex', { oneToken: true, lengthPrefix: true }), 'Hash of the next owner name in hash order, in base32hex without padding (32 characters for SHA-1).'),
    field('types', typeBitmap, 'The record types present at the original owner name (mnemonics or TYPEnnn); may be empty.', true),
  ],
  // Hash algorithm 1 (SHA-1) produces 20 octets; BIND refuses other lengths for it.
  validate(fields, report) {
    const next = fields[4];
    // base32hex: 8 characters encode 5 octets; the value was validated when it was read.
    const octets = Math.floor(((next.value as string).length * 5) / 8);
    if (octets === 0) report.error(next, 'NSEC3 next hashed owner name must not be empty');
    else if (fields[0].value === 1 && octets !== 20) report.error(next, `NSEC3 hash algorithm 1 (SHA-1) gives 20-octet hashes (32 base32hex characters); this one has ${octets} octets`);
  },
});
