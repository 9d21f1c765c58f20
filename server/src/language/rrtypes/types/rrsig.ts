import { defineType, field } from '../define';
import { binary, domainName, sigTime, u16, u32, u8, u8Mnemonic } from '../fields';
import { DNSSEC_ALGORITHMS } from '../mnemonics';
import { typeMnemonicCodec } from './typeField';

/** RFC 4034 §3: a DNSSEC signature over one RRset. */
export const RRSIG = defineType({
  name: 'RRSIG',
  code: 46,
  summary: 'DNSSEC signature over the RRset of one type at the owner name.',
  rfc: 'RFC 4034 §3',
  fields: [
    field('typeCovered', typeMnemonicCodec, 'Type of the RRset this signature covers (mnemonic or TYPEnnn).'),
    field('algorithm', u8Mnemonic(DNSSEC_ALGORITHMS), 'DNSSEC algorithm of the signing key: a number or its mnemonic.'),
    field('labels', u8, 'Number of labels in the original owner name, not counting the root or a leading `*` (used to detect wildcard expansion).'),
    field('originalTtl', u32, 'TTL of the covered RRset as it appears in the authoritative zone, in seconds.'),
    field('expiration', sigTime, 'End of the validity period: YYYYMMDDHHmmSS in UTC, or seconds since 1970.'),
    field('inception', sigTime, 'Start of the validity period: YYYYMMDDHHmmSS in UTC, or seconds since 1970.'),
    field('keyTag', u16, 'Key tag of the DNSKEY that verifies this signature.'),
    field('signerName', domainName, 'Zone apex of the zone holding the signing DNSKEY.'),
    field('signature', binary('base64'), 'The signature in base64; it may be split over several words.'),
  ],
});
