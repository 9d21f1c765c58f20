import { defineType, field } from '../define';
import { domainName } from '../fields';

/** RFC 1035 §3.3.12: a pointer to another name, mostly for reverse mapping. */
export const PTR = defineType({
  name: 'PTR',
  code: 12,
  summary: 'Points to another name; under in-addr.arpa and ip6.arpa it names the host that uses the address (reverse DNS).',
  rfc: 'RFC 1035 §3.3.12',
  fields: [field('ptrdname', domainName, 'The name pointed to. For mail servers it should resolve back to the same address (forward-confirmed reverse DNS).')],
});
