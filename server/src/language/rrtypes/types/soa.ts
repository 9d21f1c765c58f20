import { defineType, field } from '../define';
import { domainName, duration, u32 } from '../fields';
import { MAX_U32 } from '../numbers';

/** A 32-bit SOA timer; BIND reads these with the TTL unit syntax (`2h`, `1w`). */
const timer = duration(MAX_U32);

/** RFC 1035 §3.3.13: start of a zone of authority. */
export const SOA = defineType({
  name: 'SOA',
  code: 6,
  summary: 'Start of authority: the primary server, the contact mailbox, the serial and the timers of the zone.',
  rfc: 'RFC 1035 §3.3.13',
  singleton: true,
  fields: [
    field('mname', domainName, 'Primary (master) name server of the zone, as named in NOTIFY and dynamic updates.'),
    field('rname', domainName, 'Mailbox of the person responsible for the zone, with the `@` written as the first dot (`hostmaster.example.com.`); dots in the local part are escaped as `\\.`.'),
    field('serial', u32, 'Version number of the zone, 0-4294967295; secondaries transfer the zone when it increases (serial arithmetic, RFC 1982). Often YYYYMMDDnn.'),
    field('refresh', timer, 'How often secondaries check the serial for a new version (seconds; units like 1h are accepted).'),
    field('retry', timer, 'How long secondaries wait before retrying a failed refresh; normally shorter than refresh.'),
    field('expire', timer, 'How long secondaries keep answering without reaching the primary; must be larger than refresh plus retry.'),
    field('minimum', timer, 'TTL of negative answers (NXDOMAIN, NODATA) for the zone (RFC 2308 §4), capped by the SOA record\'s own TTL.'),
  ],
});
