import { defineType, field } from '../define';
import { charString } from '../fields';

/** RFC 1035 §3.3.2, and RFC 8482 §4.2 for its use in answers to ANY. */
export const HINFO = defineType({
  name: 'HINFO',
  code: 13,
  summary: 'Host information: CPU and operating system of the owner (rarely published; RFC 8482 uses it for minimal ANY answers).',
  rfc: 'RFC 1035 §3.3.2',
  fields: [
    field('cpu', charString, 'Hardware or CPU type, one character-string.'),
    field('os', charString, 'Operating system, one character-string.'),
  ],
});
