import { defineType, field } from '../define';
import { domainName, u16 } from '../fields';

/** RFC 1183 §1: AFS and DCE cell database servers. */
export const AFSDB = defineType({
  name: 'AFSDB',
  code: 18,
  summary: 'Locates an AFS cell database server or a DCE authenticated name server.',
  rfc: 'RFC 1183 §1',
  fields: [
    field('subtype', u16, '1: AFS version 3 volume location server; 2: DCE/NCA root directory server.'),
    field('hostname', domainName, 'Host name of the server.'),
  ],
});
