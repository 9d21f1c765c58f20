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
    validate(fields, report) {
      const m = fields[2].value as number;
      const expected = MATCHING_OCTETS.get(m);
      const octets = (fields[3].value as string).length / 2;
      // BIND loads any length, but a digest of the wrong size can never match a certificate.
      if (expected !== undefined && octets !== expected) {
        report.warning(fields[3], `${name} matching type ${m} is a ${expected}-octet digest; this data has ${octets} octets and can never match`);
      }
      for (const [i, max, what] of [[0, 3, 'usage'], [1, 1, 'selector'], [2, 2, 'matching type']] as const) {
        if ((fields[i].value as number) > max && (fields[i].value as number) < 255) {
          report.warning(fields[i], `${name} ${what} ${fields[i].value} is not defined (0-${max}); clients will ignore the record`);
        }
      }
    },
  });
}

export const TLSA = makeTlsaType('TLSA', 52, 'DANE: binds a TLS certificate or public key to a service port (`_25._tcp.mx.example.com` for SMTP).', 'RFC 6698 §2');
