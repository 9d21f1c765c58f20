import { defineType, field } from '../define';
import { domainName, u16 } from '../fields';

/** RFC 1035 §3.3.9, RFC 5321 §5.1: where mail for the owner is delivered. */
export const MX = defineType({
  name: 'MX',
  code: 15,
  summary: 'Mail exchanger: a host that accepts mail for the owner name.',
  rfc: 'RFC 1035 §3.3.9',
  fields: [
    field('preference', u16, 'Priority 0-65535; senders try the lowest value first and share load among equal values.'),
    field('exchange', domainName, 'Host name of the mail server. It must have A or AAAA records and must not be a CNAME (RFC 2181 §10.3); `.` alone means the domain accepts no mail (RFC 7505).'),
  ],
});
