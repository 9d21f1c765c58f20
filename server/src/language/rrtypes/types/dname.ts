import { defineType, field } from '../define';
import { domainName } from '../fields';

/** RFC 6672: redirection of a whole subtree. */
export const DNAME = defineType({
  name: 'DNAME',
  code: 39,
  summary: 'Redirects every name below the owner to the same name below the target (the owner itself is not redirected).',
  rfc: 'RFC 6672 §2.1',
  singleton: true,
  fields: [field('target', domainName, 'The subtree that replaces the owner name as a suffix of names below it.')],
});
