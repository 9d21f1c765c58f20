import { defineType, field } from '../define';
import { binary } from '../fields';

/** RFC 4701 §3: which DHCP client owns a name. */
export const DHCID = defineType({
  name: 'DHCID',
  code: 49,
  summary: 'DHCP client identifier digest, used by DHCP servers to avoid name conflicts in dynamic updates.',
  rfc: 'RFC 4701 §3',
  fields: [field('digest', binary('base64'), 'Identifier type, digest type and digest, all in one base64 value.')],
});
