/**
 * sshfp-fields: SSHFP parameters: key algorithm 1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448
 * (RFC 4255 §3.1.1, RFC 6594, RFC 7479, RFC 8709), fingerprint type 1 SHA-1 (20 octets) or
 * 2 SHA-256 (32 octets) (RFC 6594 §3). SSH clients ignore records they cannot use.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, numberOf } from './common';

const ALGORITHMS: Record<number, string> = { 1: 'RSA', 2: 'DSA', 3: 'ECDSA', 4: 'Ed25519', 6: 'Ed448' };
const FINGERPRINT_OCTETS: Record<number, number> = { 1: 20, 2: 32 };

export const sshfpFields: Rule = {
  id: 'sshfp-fields',
  defaultSeverity: 'warning',
  summary: 'An SSHFP record with an unknown algorithm or fingerprint type, or a fingerprint of the wrong length.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('SSHFP')) {
      const alg = numberOf(r, 'algorithm');
      if (alg && !ALGORITHMS[alg.v]) {
        report({ ...fieldPlace(r, alg.f), message: `SSHFP algorithm ${alg.v} is not defined (1 RSA, 2 DSA, 3 ECDSA, 4 Ed25519, 6 Ed448; RFC 4255, 6594, 7479, 8709); SSH clients ignore the record.` });
      }
      const type = numberOf(r, 'fingerprintType');
      if (!type) continue;
      const expected = FINGERPRINT_OCTETS[type.v];
      if (expected === undefined) {
        report({ ...fieldPlace(r, type.f), message: `SSHFP fingerprint type ${type.v} is not defined (1 SHA-1, 2 SHA-256; RFC 4255 §3.1.2, RFC 6594 §3); SSH clients ignore the record.` });
        continue;
      }
      const fp = fieldNamed(r, 'fingerprint');
      if (fp && typeof fp.value === 'string' && fp.value.length / 2 !== expected) {
        report({ ...fieldPlace(r, fp), message: `SSHFP fingerprint type ${type.v} needs ${expected} octets (${expected * 2} hex digits); this one has ${fp.value.length / 2}, so it never matches a host key.` });
      }
    }
  },
};
