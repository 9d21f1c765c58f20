import { defineType, field } from '../define';
import { domainName, u16 } from '../fields';

/** RFC 2230 §3: key exchangers for the owner name. */
export const KX = defineType({
  name: 'KX',
  code: 36,
  summary: 'Key exchanger: a host that negotiates keys (IPsec) on behalf of the owner name.',
  rfc: 'RFC 2230 §3.1',
  fields: [
    field('preference', u16, 'Priority 0-65535; lower values are preferred, as with MX.'),
    field('exchanger', domainName, 'Host name of the key exchanger.'),
  ],
});
