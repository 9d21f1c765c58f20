/**
 * Address syntax for the ip4 and ip6 mechanisms (RFC 7208 §5.6).
 *
 * ip4-network is a strict dotted quad of `qnum`s (0-255 without leading zeros);
 * ip6-network is the text form of RFC 4291 §2.2 (hex groups, one `::`, an optional
 * dotted-quad tail), without zone identifiers.
 */
import { isCanonicalIpv4 } from '../rrtypes/addresses';

const QNUM = /^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Whether `text` is an RFC 7208 ip4-network. */
export function isIp4Network(text: string): boolean {
  // Four qnums is what rrtypes accepts as a canonical IPv4 address (checked without splitting).
  return isCanonicalIpv4(text);
}

/** Whether `text` is an IPv6 address in RFC 4291 §2.2 text form. */
export function isIp6Network(text: string): boolean {
  if (text.length === 0) return false;
  let groups = 0;
  let head = text;
  // An embedded IPv4 address may end the text (x:x:x:x:x:x:d.d.d.d, ::ffff:d.d.d.d, ...).
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.indexOf('.', lastColon) > lastColon) {
    if (!isIp4Network(text.slice(lastColon + 1))) return false;
    groups += 2;
    head = text.slice(0, lastColon + 1);
    // Keep a trailing `::` (it stands for zero groups); drop a single separating ':'.
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const doubleColon = head.indexOf('::');
  if (doubleColon >= 0 && head.indexOf('::', doubleColon + 1) >= 0) return false;
  if (doubleColon >= 0) {
    const left = head.slice(0, doubleColon);
    const right = head.slice(doubleColon + 2);
    const leftGroups = left === '' ? [] : left.split(':');
    const rightGroups = right === '' ? [] : right.split(':');
    if (![...leftGroups, ...rightGroups].every((g) => HEX_GROUP.test(g))) return false;
    // `::` stands for at least one group of zeros.
    return groups + leftGroups.length + rightGroups.length <= 7;
  }
  if (head === '') return false;
  const all = head.split(':');
  if (!all.every((g) => HEX_GROUP.test(g))) return false;
  return groups + all.length === 8;
}

/** A short explanation of why `text` is not an ip4-network, for error messages. */
export function describeBadIp4(text: string): string {
  if (text.length === 0) return 'the IPv4 address is missing';
  const parts = text.split('.');
  if (/^[0-9.]+$/.test(text) && parts.length < 4 && parts.every((p) => QNUM.test(p))) {
    const padded = [...parts, '0', '0', '0'].slice(0, 4).join('.');
    return `'${text}' is incomplete: write all four parts and a prefix length, e.g. ${padded}/${parts.length * 8} (RFC 7208 §5.6)`;
  }
  if (parts.length === 4 && parts.every((p) => /^[0-9]+$/.test(p))) {
    if (parts.some((p) => p.length > 1 && p.startsWith('0') && Number(p) <= 255)) {
      return `'${text}' has a part with a leading zero, which RFC 7208 §5.6 does not allow`;
    }
    return `'${text}' has a part greater than 255`;
  }
  const odd = /[^0-9.]/.exec(text);
  if (odd) return `'${odd[0]}' is not allowed in the IPv4 address '${text}' (ports and names are not accepted)`;
  return `'${text}' is not a dotted-quad IPv4 address`;
}
