import { defineType, field } from '../define';
import { domainName } from '../fields';

/** RFC 1035 §3.3.1: the owner is an alias. */
export const CNAME = defineType({
  name: 'CNAME',
  code: 5,
  summary: 'Makes the owner name an alias of another name; no other data may sit beside it (RFC 2181 §10.1).',
  rfc: 'RFC 1035 §3.3.1',
  singleton: true,
  fields: [field('target', domainName, 'The canonical name the alias points to. Lookups of any type at the owner continue at this name.')],
});
