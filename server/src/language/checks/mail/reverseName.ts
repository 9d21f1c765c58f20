/**
 * Addresses and their reverse-DNS names: `192.0.2.25` maps to `25.2.0.192.in-addr.arpa.`
 * (RFC 1035 §3.5) and an IPv6 address to 32 nibble labels under `ip6.arpa.` (RFC 3596 §2.5).
 */
import { isAddressError, parseIpv4, parseIpv6 } from '../../rrtypes/addresses';
import { isSubdomain } from '../../rrtypes/names';

export function reverseNameOf(address: string): string | undefined {
  if (!address.includes(':')) {
    const b = parseIpv4(address);
    if (isAddressError(b)) return undefined;
    return `${b[3]}.${b[2]}.${b[1]}.${b[0]}.in-addr.arpa.`;
  }
  const b = parseIpv6(address);
  if (isAddressError(b)) return undefined;
  const nibbles: string[] = [];
  for (let i = 15; i >= 0; i--) nibbles.push((b[i] & 0xf).toString(16), (b[i] >> 4).toString(16));
  return nibbles.join('.') + '.ip6.arpa.';
}

/** Whether a zone origin lies in the reverse-mapping trees. */
export function isReverseOrigin(origin: string | null): boolean {
  return origin !== null && (isSubdomain(origin, 'in-addr.arpa.') || isSubdomain(origin, 'ip6.arpa.'));
}

/**
 * Addresses no public reverse zone speaks for: loopback, unspecified, link-local, and the private
 * ranges (RFC 1918, RFC 4193). Their reverse DNS, if any, is a local matter.
 */
export function addressScope(address: string): 'public' | 'private' | 'local' {
  if (!address.includes(':')) {
    const b = parseIpv4(address);
    if (isAddressError(b)) return 'local';
    if (b[0] === 127 || b[0] === 0 || (b[0] === 169 && b[1] === 254)) return 'local';
    if (b[0] === 10 || (b[0] === 172 && b[1] >= 16 && b[1] <= 31) || (b[0] === 192 && b[1] === 168) || (b[0] === 100 && b[1] >= 64 && b[1] <= 127)) return 'private';
    return 'public';
  }
  const b = parseIpv6(address);
  if (isAddressError(b)) return 'local';
  if (b.every((x, i) => (i < 15 ? x === 0 : x <= 1))) return 'local';
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return 'local';
  if ((b[0] & 0xfe) === 0xfc) return 'private';
  return 'public';
}
