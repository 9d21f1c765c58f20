/**
 * ns-target-is-ip: NS rdata is a host name (RFC 1035 §3.3.11). An address written there parses
 * as a name (`192.0.2.1` becomes `192.0.2.1.example.com.`) and resolvers cannot use it.
 */
import type { Rule } from '../rule';
import { isAddressError, parseIpv4, parseIpv6 } from '../../rrtypes/addresses';
import { fieldNamed, fieldPlace, mayBeAddress, sourceOf } from './common';

/** Whether written name text is really an IPv4 or IPv6 address. */
export function looksLikeAddress(text: string): 'IPv4' | 'IPv6' | null {
  const bare = text.endsWith('.') ? text.slice(0, -1) : text;
  if (/^[0-9]+(\.[0-9]+){3}$/.test(bare) && !isAddressError(parseIpv4(bare))) return 'IPv4';
  if (bare.includes(':') && !isAddressError(parseIpv6(bare))) return 'IPv6';
  return null;
}

export const nsTargetIsIp: Rule = {
  id: 'ns-target-is-ip',
  defaultSeverity: 'error',
  summary: 'An NS record whose target is an IP address instead of a host name.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('NS')) {
      const f = fieldNamed(r, 'nsdname');
      if (!f) continue;
      const kind = mayBeAddress(zone, r.file, f.start, f.end) ? looksLikeAddress(sourceOf(zone, r.file, f.start, f.end)) : null;
      if (!kind) continue;
      report({
        ...fieldPlace(r, f),
        message: `NS needs a host name, not an ${kind} address; this is read as the name ${f.value as string}. Name the server (e.g. ns1.${zone.origin ?? 'example.com.'}) and give that name an ${kind === 'IPv4' ? 'A' : 'AAAA'} record (RFC 1035 §3.3.11).`,
      });
    }
  },
};
