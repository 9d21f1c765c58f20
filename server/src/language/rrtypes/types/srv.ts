import { defineType, field } from '../define';
import { domainName, u16 } from '../fields';

/** RFC 2782: where a service runs (owner `_service._proto.name`). */
export const SRV = defineType({
  name: 'SRV',
  code: 33,
  summary: 'Service locator: the host and port of a service, owner named `_service._proto.domain`.',
  rfc: 'RFC 2782',
  fields: [
    field('priority', u16, 'Priority 0-65535; clients use the lowest value first.'),
    field('weight', u16, 'Relative weight 0-65535 for load sharing among targets with the same priority; 0 when there is no preference.'),
    field('port', u16, 'TCP or UDP port of the service, 0-65535.'),
    field('target', domainName, 'Host providing the service; it needs address records and must not be an alias (RFC 2782). `.` means the service is not offered here.'),
  ],
});
