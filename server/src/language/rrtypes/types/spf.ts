import { defineType } from '../define';
import { TEXT_FIELDS } from './txt';

/** RFC 4408 type 99; RFC 7208 §3.1 withdrew it. */
export const SPF = defineType({
  name: 'SPF',
  code: 99,
  summary: 'Former dedicated record type for SPF policies; receivers no longer look it up.',
  rfc: 'RFC 4408 §3.1.1 (obsoleted by RFC 7208 §3.1)',
  obsolete: 'RFC 7208 §3.1: publish SPF as TXT only',
  fields: TEXT_FIELDS,
});
