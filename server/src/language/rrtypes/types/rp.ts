import { defineType, field } from '../define';
import { domainName } from '../fields';

/** RFC 1183 §2.2: who is responsible for the owner name. */
export const RP = defineType({
  name: 'RP',
  code: 17,
  summary: 'Responsible person: a mailbox and a name holding TXT records with more contact details.',
  rfc: 'RFC 1183 §2.2',
  fields: [
    field('mbox', domainName, 'Mailbox of the responsible person in SOA rname style (first dot stands for `@`); `.` when there is none.'),
    field('txtDname', domainName, 'A name with TXT records giving more information; `.` when there is none.'),
  ],
});
