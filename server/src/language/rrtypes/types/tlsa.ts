import type { RRTypeSpec } from '../spec';
import { defineType, field } from '../define';
import { binary, u8 } from '../fields';

/** Digest lengths of matching types 1 (SHA-256) and 2 (SHA-512), RFC 6698 §2.1.3. */
const MATCHING_OCTETS: ReadonlyMap<number, number> = new Map([
  [1, 32],
  [2, 64],
]);

/** TLSA and SMIMEA share one layout (RFC 6698 §2.1, RFC 8162 §2). */
export function makeTlsaType(name: string, code: number, summary: string, rfc: string): RRTypeSpec {
  return defineType({
    name,
    code,
    summary,
    rfc,
    fields: [
      field('usage', u8, 'Certificate usage: 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE (SMTP uses 2 or 3, RFC 7672 §3.1).'),
      field('selector', u8, 'What is matched: 0 the full certificate, 1 the SubjectPublicKeyInfo.'),
      field('matchingType', u8, 'How it is matched: 0 exact data, 1 SHA-256 digest (32 octets), 2 SHA-512 digest (64 octets).'),
      field('data', binary('hex'), 'Certificate association data in hex; it may be split over several words.'),
    ],
    // Digest length and undefined parameters load in BIND: the tlsa-fields rule reports them.
  });
}

export const TLSA = makeTlsaType('TLSA', 52, 'DANE: binds a TLS certificate or public key to a service port (`_25._tcp.mx.example.com` for SMTP).', 'RFC 6698 §2');
