import { defineType, field } from '../define';
import { domainName, typeBitmap } from '../fields';

/** RFC 4034 §4: authenticated denial of existence. */
export const NSEC = defineType({
  name: 'NSEC',
  code: 47,
  summary: 'Next secure record: names the next owner name in the zone and the types present at this one (DNSSEC denial of existence).',
  rfc: 'RFC 4034 §4',
  fields: [
    field('nextDomain', domainName, 'The next owner name in canonical order; the last NSEC of the zone points back to the apex.'),
    field('types', { ...typeBitmap, minTokens: 1 }, 'The record types present at the owner name (mnemonics or TYPEnnn), normally including RRSIG and NSEC.'),
  ],
  // BIND refuses an NSEC without types in text and in wire form alike.
  validate(fields, report) {
    if ((fields[1].value as string[]).length === 0) report.error(fields[1], 'NSEC must list at least one type (normally RRSIG and NSEC)');
  },
});
