/**
 * mx-target-is-ip: an MX names a host, never an address (RFC 1035 §3.3.9, RFC 5321 §5.1).
 * `MX 10 192.0.2.25` parses as the name `192.0.2.25.example.com.` (or `192.0.2.25.` with a
 * dot), which has no address: senders cannot deliver. The fix, when a name in the zone has that
 * address, puts the name in its place.
 */
import { formatIpv4, formatIpv6, isAddressError, parseIpv4, parseIpv6 } from '../../rrtypes/addresses';
import type { Rule } from '../rule';
import { addressOf, bare, fieldPlace, mxRecords, sourceOf } from './records';
import { nameForOrigin, originAt } from './insertRecord';
import { mayBeAddress } from '../integrity/common';
import { zoneCache } from '../../model/derivedData';
import type { Zone } from '../../model/zone';

/** Whether a written MX target is an IPv4 or IPv6 address (with or without a trailing dot, or in brackets). */
export function looksLikeAddress(written: string): boolean {
  const text = written.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (/^[0-9.]+$/.test(text)) return !isAddressError(parseIpv4(text));
  return text.includes(':') && !isAddressError(parseIpv6(text.replace(/^ipv6:/i, '')));
}

const addressOwners = zoneCache<Map<string, Set<string>>>();

/** The owners of each address of the zone's A/AAAA records, in source order, found once (fix-all asks for every MX written as an address). */
function ownersByAddress(zone: Zone): Map<string, Set<string>> {
  let m = addressOwners.get(zone);
  if (!m) {
    m = new Map();
    for (const r of zone.records) {
      if ((r.type !== 'A' && r.type !== 'AAAA') || !r.valid) continue;
      const a = addressOf(r);
      if (a === undefined) continue;
      const owners = m.get(a);
      if (owners) owners.add(r.owner);
      else m.set(a, new Set([r.owner]));
    }
    addressOwners.set(zone, m);
  }
  return m;
}

interface IsIpData {
  address: string;
}

export const mxTargetIsIp: Rule = {
  id: 'mx-target-is-ip',
  defaultSeverity: 'error',
  summary: 'An MX target is written as an IP address; MX records must name a host.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const mx of mxRecords(zone)) {
      if (!mayBeAddress(zone, mx.record.file, mx.exchangeField.start, mx.exchangeField.end)) continue;
      const written = sourceOf(zone, mx.record.file, mx.exchangeField.start, mx.exchangeField.end);
      if (!looksLikeAddress(written)) continue;
      const address = written.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').replace(/^ipv6:/i, '');
      const data: IsIpData = { address };
      report({
        ...fieldPlace(mx.record, mx.exchangeField),
        data,
        message: `The MX target ${written} is an address, but an MX must name a host (RFC 1035 §3.3.9): senders look up the name ${bare(mx.exchange)} and find no mail server. Give the server a name with an A/AAAA record and use that name.`,
      });
    }
  },
  fixes(diagnostic, zone) {
    const data = diagnostic.data as IsIpData | undefined;
    if (!data || typeof data.address !== 'string') return [];
    const wanted = canonicalAddress(data.address);
    if (!wanted) return [];
    const names = [...(ownersByAddress(zone).get(wanted) ?? [])];
    const origin = diagnostic.file === 0 ? originAt(zone, diagnostic.start) : null;
    return names.map((name) => {
      const written = origin ? nameForOrigin(name, origin) : name;
      return {
        title: `Use ${bare(name)}, which has the address ${wanted}`,
        edits: [{ start: diagnostic.start, end: diagnostic.end, newText: written, file: diagnostic.file }],
        isPreferred: names.length === 1,
      };
    });
  },
};

/** The model's text form of an address (as A/AAAA records hold it), or undefined. */
function canonicalAddress(text: string): string | undefined {
  const v4 = parseIpv4(text);
  if (!isAddressError(v4)) return formatIpv4(v4);
  const v6 = parseIpv6(text);
  return isAddressError(v6) ? undefined : formatIpv6(v6);
}
