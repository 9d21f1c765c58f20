import { defineType, field } from '../define';
import { domainName } from '../fields';

/** RFC 1035 §3.3.11: an authoritative name server for the owner's zone. */
export const NS = defineType({
  name: 'NS',
  code: 2,
  summary: 'Delegates the owner name to an authoritative name server.',
  rfc: 'RFC 1035 §3.3.11',
  fields: [field('nsdname', domainName, 'Host name of a server authoritative for the zone; it needs address records (glue when it lies inside the delegated zone) and must not be a CNAME (RFC 2181 §10.3).')],
});
