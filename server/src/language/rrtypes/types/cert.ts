import { defineType, field } from '../define';
import { binary, u16, u16Mnemonic, u8Mnemonic } from '../fields';
import { CERT_TYPES, DNSSEC_ALGORITHMS } from '../mnemonics';

/** RFC 4398 §2: a certificate or a pointer to one. */
export const CERT = defineType({
  name: 'CERT',
  code: 37,
  summary: 'Stores a certificate (X.509, OpenPGP, ...) or a URL where one can be fetched.',
  rfc: 'RFC 4398 §2',
  fields: [
    field('certType', u16Mnemonic(CERT_TYPES), 'Certificate type: a number or PKIX, SPKI, PGP, IPKIX, ISPKI, IPGP, ACPKIX, IACPKIX, URI, OID.'),
    field('keyTag', u16, 'Key tag of the key in the certificate (RFC 4034 Appendix B), or 0.'),
    field('algorithm', u8Mnemonic(DNSSEC_ALGORITHMS), 'DNSSEC algorithm number or mnemonic of the key, or 0 when unknown.'),
    field('certificate', binary('base64'), 'The certificate or its URL, in base64; it may be split over several words.'),
  ],
});
