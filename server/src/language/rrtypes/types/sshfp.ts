import { defineType, field } from '../define';
import { binary, u8 } from '../fields';

/** Fingerprint lengths of the defined fingerprint types (RFC 4255 §3.1.2, RFC 6594 §3). */
const FINGERPRINT_OCTETS: ReadonlyMap<number, number> = new Map([
  [1, 20],
  [2, 32],
]);

/** RFC 4255 §3: a fingerprint of a host's SSH key. */
export const SSHFP = defineType({
  name: 'SSHFP',
  code: 44,
  summary: 'SSH host key fingerprint, so SSH clients can verify a server key through DNSSEC.',
  rfc: 'RFC 4255 §3',
  fields: [
    field('algorithm', u8, 'SSH key algorithm: 1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448.'),
    field('fingerprintType', u8, 'Fingerprint hash: 1 SHA-1 (20 octets), 2 SHA-256 (32 octets).'),
    field('fingerprint', binary('hex'), 'The fingerprint in hex; its length must match the fingerprint type.'),
  ],
  validate(fields, report) {
    const type = fields[1].value as number;
    const expected = FINGERPRINT_OCTETS.get(type);
    const octets = (fields[2].value as string).length / 2;
    if (expected !== undefined && octets !== expected) {
      report.error(fields[2], `SSHFP fingerprint type ${type} needs ${expected} octets (${expected * 2} hex digits); this one has ${octets}`);
    }
  },
});
