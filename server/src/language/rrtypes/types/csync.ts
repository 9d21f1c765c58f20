import { defineType, field } from '../define';
import { typeBitmap, u16, u32 } from '../fields';

/** RFC 7477 §2: child-to-parent synchronisation of NS and glue. */
export const CSYNC = defineType({
  name: 'CSYNC',
  code: 62,
  summary: 'Asks the parent to copy the listed record types (NS, A, AAAA) from the child zone.',
  rfc: 'RFC 7477 §2',
  fields: [
    field('soaSerial', u32, 'SOA serial of the child zone the request refers to (checked when the immediate flag is clear and soaminimum is set).'),
    field('flags', u16, 'Bit 0 (1) immediate, bit 1 (2) soaminimum.'),
    field('types', typeBitmap, 'Types the parent should synchronise (mnemonics or TYPEnnn).', true),
  ],
});
