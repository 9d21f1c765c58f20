import type { RRTypeSpec } from '../spec';
import { defineType, field } from '../define';
import { binary, u16, u8Mnemonic } from '../fields';
import { DNSSEC_ALGORITHMS, DS_DIGEST_LENGTHS, DS_DIGEST_TYPES } from '../mnemonics';

/** DS and CDS share one layout (RFC 4034 §5.1, RFC 7344 §3.1). */
export function makeDsType(name: string, code: number, summary: string, rfc: string): RRTypeSpec {
  return defineType({
    name,
    code,
    summary,
    rfc,
    fields: [
      field('keyTag', u16, 'Key tag of the DNSKEY this digest identifies (RFC 4034 Appendix B), 0-65535.'),
      field('algorithm', u8Mnemonic(DNSSEC_ALGORITHMS), 'DNSSEC algorithm of that key: a number (8 RSASHA256, 13 ECDSAP256SHA256, 15 ED25519, ...) or its mnemonic.'),
      field('digestType', u8Mnemonic(DS_DIGEST_TYPES), 'Digest algorithm: 1 SHA-1 (deprecated), 2 SHA-256, 4 SHA-384; mnemonics SHA-1, SHA-256, SHA-384 are accepted.'),
      field('digest', binary('hex'), 'Digest of the owner name and DNSKEY rdata, in hex (may be split over several words): 20 octets for SHA-1, 32 for SHA-256, 48 for SHA-384.'),
    ],
    validate(fields, report) {
      const type = fields[2].value as number;
      const expected = DS_DIGEST_LENGTHS.get(type);
      const octets = (fields[3].value as string).length / 2;
      if (expected !== undefined && octets !== expected) {
        report.error(fields[3], `${name} digest type ${type} needs a ${expected}-octet digest; this one has ${octets} octets`);
      }
    },
  });
}

export const DS = makeDsType('DS', 43, 'Delegation signer: in the parent zone, the digest of a DNSKEY of the delegated child zone (the DNSSEC chain of trust).', 'RFC 4034 §5');
