/**
 * tlsa-fields: TLSA (and SMIMEA) parameters as RFC 6698 §2.1 and RFC 7218 define them:
 * usage 0-3, selector 0-1, matching type 0-2 (255 is private use, RFC 6698 §7), and a
 * SHA-256 (32 octets) or SHA-512 (64 octets) digest for matching types 1 and 2. A record that
 * can never match makes DANE clients, SMTP senders included (RFC 7672), fail authentication.
 */
import type { Rule } from '../rule';
import { fieldNamed, fieldPlace, numberOf } from './common';

const DIGEST_OCTETS: Record<number, number> = { 1: 32, 2: 64 };
const LIMITS = [
  { name: 'usage', max: 3, what: 'certificate usage', known: '0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE' },
  { name: 'selector', max: 1, what: 'selector', known: '0 full certificate, 1 SubjectPublicKeyInfo' },
  { name: 'matchingType', max: 2, what: 'matching type', known: '0 exact, 1 SHA-256, 2 SHA-512' },
];

export const tlsaFields: Rule = {
  id: 'tlsa-fields',
  defaultSeverity: 'error',
  summary: 'A TLSA/SMIMEA record with an undefined usage, selector or matching type, or a digest of the wrong length.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofTypes(['TLSA', 'SMIMEA'], true)) {
      for (const l of LIMITS) {
        const x = numberOf(r, l.name);
        if (x && x.v > l.max && x.v !== 255) {
          report({ ...fieldPlace(r, x.f), message: `${r.type} ${l.what} ${x.v} is not defined (${l.known}; RFC 6698 §2.1, RFC 7218); clients treat the record as unusable.` });
        }
      }
      const mt = numberOf(r, 'matchingType');
      const data = fieldNamed(r, 'data');
      if (!mt || !data || typeof data.value !== 'string') continue;
      const expected = DIGEST_OCTETS[mt.v];
      const octets = data.value.length / 2;
      if (expected !== undefined && octets !== expected) {
        report({
          ...fieldPlace(r, data),
          message: `${r.type} matching type ${mt.v} (${mt.v === 1 ? 'SHA-256' : 'SHA-512'}) needs a ${expected}-octet digest (${expected * 2} hex digits); this one has ${octets} octets, so it can never match a certificate and DANE authentication fails.`,
        });
      }
    }
  },
};
