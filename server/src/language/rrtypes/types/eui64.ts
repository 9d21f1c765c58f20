import { defineType, field } from '../define';
import { euiCodec } from './eui48';

/** RFC 7043 §4: a 64-bit extended unique identifier. */
export const EUI64 = defineType({
  name: 'EUI64',
  code: 109,
  summary: 'A 64-bit extended unique identifier (EUI-64); RFC 7043 §7 warns against publishing them in the public DNS.',
  rfc: 'RFC 7043 §4',
  fields: [field('address', euiCodec(8), 'Eight hex octets separated by hyphens, e.g. 00-00-5e-ef-10-00-00-2a.')],
});
