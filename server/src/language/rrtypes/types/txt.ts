import { defineType, field } from '../define';
import { charStrings } from '../fields';

/** The TXT field layout; SPF (obsolete type 99) has the same one. */
export const TEXT_FIELDS = [
  field('strings', charStrings, 'One or more character-strings of up to 255 octets each. SPF, DKIM and DMARC read them joined with no separator, so a long value is split into several quoted strings.'),
];

/** RFC 1035 §3.3.14: free-form text, used by SPF, DKIM, DMARC and many verification schemes. */
export const TXT = defineType({
  name: 'TXT',
  code: 16,
  summary: 'Text strings; carries SPF policies, DKIM keys, DMARC policies and domain verification tokens.',
  rfc: 'RFC 1035 §3.3.14',
  fields: TEXT_FIELDS,
});
