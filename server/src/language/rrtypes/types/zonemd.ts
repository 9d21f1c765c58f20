import { defineType, field } from '../define';
import { binary, u32, u8 } from '../fields';

/** Digest sizes of SHA-384 (1) and SHA-512 (2), RFC 8976 §2.2.3. */
const DIGEST_OCTETS: ReadonlyMap<number, number> = new Map([
  [1, 48],
  [2, 64],
]);

/** RFC 8976 §2: a digest over the whole zone. */
export const ZONEMD = defineType({
  name: 'ZONEMD',
  code: 63,
  summary: 'Message digest over the zone contents, so a copy of the zone can be verified.',
  rfc: 'RFC 8976 §2',
  fields: [
    field('serial', u32, 'SOA serial of the zone version the digest was computed for.'),
    field('scheme', u8, 'Digest scheme: 1 SIMPLE.'),
    field('hashAlgorithm', u8, 'Hash: 1 SHA-384 (48 octets), 2 SHA-512 (64 octets).'),
    field('digest', binary('hex'), 'The digest in hex, at least 12 octets; it may be split over several words.'),
  ],
  validate(fields, report) {
    const octets = (fields[3].value as string).length / 2;
    const expected = DIGEST_OCTETS.get(fields[2].value as number);
    if (octets < 12) report.error(fields[3], `ZONEMD digest must be at least 12 octets (RFC 8976 §2.2.4); this one has ${octets}`);
    else if (expected !== undefined && octets !== expected) report.error(fields[3], `ZONEMD hash algorithm ${fields[2].value} gives ${expected}-octet digests; this one has ${octets}`);
  },
});
