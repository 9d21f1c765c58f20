import { defineType, field } from '../define';
import { domainName, u16 } from '../fields';

/** RFC 1183 §3.3: route through an intermediate host. */
export const RT = defineType({
  name: 'RT',
  code: 21,
  summary: 'Route through: an intermediate host for reaching the owner over X.25 or ISDN (historic).',
  rfc: 'RFC 1183 §3.3',
  fields: [
    field('preference', u16, 'Priority 0-65535; lower values are preferred.'),
    field('intermediateHost', domainName, 'Host to route through.'),
  ],
});
