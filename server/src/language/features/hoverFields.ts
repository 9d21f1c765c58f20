/**
 * Hover texts for one rdata field: the schema's words for it, then what its value means here
 * (durations in words, date serials, MX and SRV ordering, well-known ports, CAA properties,
 * and for a name: its fully qualified form and the records the zone has for it).
 */
import type { Zone } from '../model/zone';
import type { ZoneRecord } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import type { RdataField } from '../rrtypes/spec';
import { rrTypeByName } from '../rrtypes/registry';
import { parseIpv4, parseIpv6, isAddressError } from '../rrtypes/addresses';
import { secondsWithWords } from './durations';
import { recordLines } from './hoverRecord';

const PORTS: Record<number, string> = {
  25: 'SMTP (server-to-server mail)', 53: 'DNS', 80: 'HTTP', 88: 'Kerberos', 110: 'POP3', 143: 'IMAP', 389: 'LDAP', 443: 'HTTPS',
  464: 'Kerberos password change', 465: 'SMTP submission over implicit TLS (RFC 8314)', 587: 'mail submission (RFC 6409)', 636: 'LDAPS',
  993: 'IMAP over TLS', 995: 'POP3 over TLS', 3268: 'LDAP global catalog', 3478: 'STUN/TURN', 4190: 'ManageSieve', 5060: 'SIP',
  5061: 'SIP over TLS', 5222: 'XMPP client', 5269: 'XMPP server', 8443: 'HTTPS (alternate)',
};

const CAA_TAGS: Record<string, string> = {
  issue: 'names a CA allowed to issue certificates for this name and its subdomains (RFC 8659 §4.2); `";"` allows none',
  issuewild: 'names a CA allowed to issue wildcard certificates; overrides `issue` for wildcards (RFC 8659 §4.3)',
  iodef: 'where CAs report refused certificate requests: a `mailto:` or `https:` URL (RFC 8659 §4.4)',
  issuemail: 'names a CA allowed to issue S/MIME certificates for addresses at this domain (RFC 9495)',
  issuevmc: 'names a CA allowed to issue Verified Mark Certificates for BIMI logos',
  contactemail: 'an address CAs may use to contact the domain holder for validation (CA/B Forum baseline requirements)',
  contactphone: 'a telephone number CAs may use to contact the domain holder for validation (CA/B Forum baseline requirements)',
};

export function fieldHover(zone: Zone, r: ZoneRecord, f: RdataField, index: number, workspace?: Workspace): string {
  const spec = rrTypeByName(r.type);
  const fs = spec?.fields.find((x) => x.name === f.name);
  const lines = [`**${r.type} ${f.name}**${spec ? ` (field ${index + 1} of ${spec.fields.length})` : ''}`];
  if (fs) lines.push('', fs.doc);
  const extra = valueNotes(zone, r, f, fs?.kind, workspace);
  if (extra.length) lines.push('', ...extra);
  return lines.join('\n');
}

function valueNotes(zone: Zone, r: ZoneRecord, f: RdataField, kind: string | undefined, workspace?: Workspace): string[] {
  const v = f.value;
  if (kind === 'name' && typeof v === 'string') return nameNotes(zone, v, f.relative === true, zone.text.slice(f.start, f.end), workspace);
  if (kind === 'ttl' && typeof v === 'number') return [`= ${secondsWithWords(v)}`];
  if (kind === 'time' && typeof v === 'number') return [`= ${new Date(v * 1000).toISOString().replace('.000Z', 'Z')}`];
  if ((kind === 'ipv4' || kind === 'ipv6') && typeof v === 'string') return addressNotes(v, kind, workspace);
  if (typeof v === 'number') {
    if (r.type === 'SOA' && f.name === 'serial') return serialNotes(v);
    if (r.type === 'MX' && f.name === 'preference') return rankNotes(zone, r, 'MX', 'preference', 'mail servers', 'Senders try the lowest preference first.');
    if (r.type === 'SRV' && f.name === 'priority') return rankNotes(zone, r, 'SRV', 'priority', 'targets', 'Clients try the lowest priority first.');
    if (r.type === 'SRV' && f.name === 'weight') return weightNotes(zone, r, v);
    if (r.type === 'SRV' && f.name === 'port') return PORTS[v] ? [`Port ${v} is ${PORTS[v]}.`] : [];
    if (r.type === 'CAA' && f.name === 'flags') return [v & 128 ? 'Issuer Critical is set: a CA that does not understand the tag must not issue.' : 'Issuer Critical is not set.'];
  }
  if (r.type === 'CAA' && f.name === 'tag' && typeof v === 'string') {
    const doc = CAA_TAGS[v.toLowerCase()];
    return [doc ? `\`${v}\` ${doc}.` : `\`${v}\` is not a registered CAA property; CAs ignore it unless the critical flag is set.`];
  }
  return [];
}

/** The fully qualified target and what the zone (or another open zone) holds there. */
export function nameNotes(zone: Zone, name: string, relative: boolean, written: string, workspace?: Workspace): string[] {
  const out = [relative || written === '@' ? `\`${written}\` → \`${name}\` (relative: the origin is appended)` : `\`${name}\``];
  if (name === '.') {
    out.push('', 'The root: for MX it means the domain accepts no mail (RFC 7505), for SRV that the service is not offered (RFC 2782).');
    return out;
  }
  const here = zone.at(name);
  if (here.length > 0) {
    out.push('', `Records at this name in this zone:`, '```', ...recordLines(zone, here), '```');
    return out;
  }
  if (zone.inZone(name)) {
    const cut = zone.delegationOf(name);
    if (cut && cut !== name) out.push('', `Below the delegation \`${cut}\`: its records live in the child zone.`);
    else out.push('', zone.exists(name) ? 'This name has no records of its own (it is an empty non-terminal).' : '⚠ This name has no records in this zone.');
    return out;
  }
  const elsewhere = workspace?.zoneFor(name);
  if (elsewhere && elsewhere.zone !== zone) {
    const there = elsewhere.zone.at(name);
    if (there.length > 0) out.push('', `Records in the open zone \`${elsewhere.zone.origin}\`:`, '```', ...recordLines(elsewhere.zone, there), '```');
    else out.push('', `⚠ No records at this name in the open zone \`${elsewhere.zone.origin}\`.`);
    return out;
  }
  out.push('', 'Outside this zone: not checked here.');
  return out;
}

function serialNotes(v: number): string[] {
  const s = String(v);
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (y >= 1990 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return [`Date serial (YYYYMMDDnn): ${m[1]}-${m[2]}-${m[3]}, change ${m[4]} of that day.`];
  }
  // Serials in seconds since 1970 (BIND's `serial-update-method unixtime`).
  if (v >= 1e9 && v < 4294967296) return [`If this is a Unix time: ${new Date(v * 1000).toISOString().replace('.000Z', 'Z')}.`];
  return [];
}

function rankNotes(zone: Zone, r: ZoneRecord, type: string, fieldName: string, what: string, rule: string): string[] {
  const values = zone.at(r.owner, type).map((x) => x.rdata.find((f) => f.name === fieldName)?.value).filter((x): x is number => typeof x === 'number');
  const mine = r.rdata.find((f) => f.name === fieldName)?.value as number;
  if (values.length <= 1) return [`The only ${type} record here. ${rule}`];
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const rank = distinct.indexOf(mine) + 1;
  const same = values.filter((x) => x === mine).length;
  const share = same > 1 ? ` It shares this value with ${same - 1} other ${what}, so load is spread among them.` : '';
  return [`Tried ${ordinal(rank)} of ${distinct.length} levels among ${values.length} ${what}. ${rule}${share}`];
}

function weightNotes(zone: Zone, r: ZoneRecord, weight: number): string[] {
  const prio = r.rdata.find((f) => f.name === 'priority')?.value;
  const peers = zone.at(r.owner, 'SRV').filter((x) => x.rdata.find((f) => f.name === 'priority')?.value === prio);
  const total = peers.reduce((sum, x) => sum + Number(x.rdata.find((f) => f.name === 'weight')?.value ?? 0), 0);
  if (peers.length <= 1 || total === 0) return [];
  return [`About ${Math.round((100 * weight) / total)}% of the clients choose this target among the ${peers.length} with priority ${String(prio)}.`];
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** The reverse-lookup name of an address, and its PTR when an open zone has it. */
function addressNotes(address: string, kind: 'ipv4' | 'ipv6', workspace?: Workspace): string[] {
  const bytes = kind === 'ipv4' ? parseIpv4(address) : parseIpv6(address);
  if (isAddressError(bytes)) return [];
  const reverse =
    kind === 'ipv4'
      ? `${[...bytes].reverse().join('.')}.in-addr.arpa.`
      : `${[...bytes].flatMap((b) => [b >> 4, b & 15]).reverse().map((n) => n.toString(16)).join('.')}.ip6.arpa.`;
  const out = [`Reverse name: \`${reverse}\``];
  const ptr = workspace?.lookup(reverse, 'PTR');
  if (ptr && ptr.length > 0) out.push('', `PTR in an open zone: ${ptr.map((p) => `\`${String(p.rdata[0]?.value)}\``).join(', ')}`);
  return out;
}
