/**
 * Hover texts for the fixed parts of a record: the owner (shown fully qualified, with what the
 * zone holds there), the TTL in words, the class, and the type (its purpose, fields and RFC).
 */
import type { Zone } from '../model/zone';
import { TtlSource, type ZoneRecord } from '../model/types';
import { rrTypeByName, typeInfoByName } from '../rrtypes/registry';
import type { RRTypeSpec } from '../rrtypes/spec';
import { mailOwnerKind } from '../mail/kind';
import { secondsWithWords, humanDuration } from './durations';
import { rdataText } from './locate';

const CLASS_DOCS: Record<string, string> = {
  IN: 'the Internet class, used by practically every zone (RFC 1035 §3.2.4)',
  CH: 'Chaosnet, today used only for server information such as `version.bind` (RFC 1035 §3.2.4)',
  HS: 'Hesiod, a naming service from MIT Project Athena (RFC 1035 §3.2.4)',
  CS: 'CSNET, obsolete (RFC 1035 §3.2.4)',
  NONE: 'NONE, meaningful only in dynamic update messages (RFC 2136), not in zone files',
  ANY: 'ANY, a query class, not valid in zone files (RFC 1035 §3.2.5)',
};

const OWNER_ROLES: Record<string, string> = {
  dmarc: 'This is a DMARC policy name (`_dmarc`, RFC 7489 §6.1): receivers read the TXT record here for mail whose From: domain is the parent name.',
  dkim: 'This is a DKIM key name (`<selector>._domainkey`, RFC 6376 §3.6.2.1): verifiers read the public key from the TXT record here.',
  'mta-sts': 'This is the MTA-STS policy indicator (`_mta-sts`, RFC 8461 §3.1).',
  tlsrpt: 'This is the SMTP TLS Reporting name (`_smtp._tls`, RFC 8460 §3).',
  bimi: 'This is a BIMI assertion name (`<selector>._bimi`).',
};

const TTL_SOURCE: Record<number, string> = {
  [TtlSource.Explicit]: 'written on the record',
  [TtlSource.Directive]: 'from the `$TTL` in force',
  [TtlSource.Previous]: 'inherited from the previous record that wrote a TTL (no `$TTL` is in force)',
  [TtlSource.SoaMinimum]: 'taken from the SOA minimum field (no `$TTL` and no earlier TTL)',
  [TtlSource.None]: 'unknown: no `$TTL`, no earlier TTL and no SOA to take one from',
};

/** A name with the zone's view of it: the records there, as `TYPE rdata` lines. */
export function recordLines(zone: Zone, records: readonly ZoneRecord[], max = 8): string[] {
  const lines = records.slice(0, max).map((r) => `${r.type} ${rdataText(zone, r, 70)}`);
  if (records.length > max) lines.push(`… and ${records.length - max} more`);
  return lines;
}

export function ownerHover(zone: Zone, r: ZoneRecord): string {
  const written = zone.text.slice(r.ownerStart, r.ownerEnd);
  const lines = [`**Owner** \`${written}\` → \`${r.owner}\``];
  if (r.owner === zone.origin) lines.push('', 'The zone apex (the origin).');
  else if (zone.origin && !zone.inZone(r.owner)) lines.push('', `Outside the zone \`${zone.origin}\`: BIND ignores records here (out of zone).`);
  const role = mailOwnerKind(r.owner);
  if (role) lines.push('', OWNER_ROLES[role]);
  else if (/^_[^.]+\._(tcp|udp|tls|sctp)\./.test(r.owner)) lines.push('', 'A service name (`_service._proto`, RFC 2782, RFC 6335).');
  const here = zone.at(r.owner);
  lines.push('', `${here.length} record${here.length === 1 ? '' : 's'} at this name:`, '```', ...recordLines(zone, here), '```');
  return lines.join('\n');
}

export function ttlHover(r: ZoneRecord, written: string): string {
  const lines = [`**TTL** \`${written}\` = ${secondsWithWords(r.ttl)}`, '', `Resolvers may cache this record for up to ${humanDuration(r.ttl)}.`];
  if (r.ttl === 0) lines.push('', 'A TTL of 0 means every answer is fetched again from the authoritative servers.');
  return lines.join('\n');
}

export function classHover(cls: string): string {
  const doc = CLASS_DOCS[cls] ?? (/^CLASS[0-9]+$/.test(cls) ? `a class written by number (RFC 3597 §5)` : 'an unknown class');
  return `**Class** \`${cls}\`: ${doc}.`;
}

/** The type's purpose, its fields in order with their meaning, and its definition. */
export function typeDoc(spec: RRTypeSpec): string {
  const syntax = [spec.name, ...spec.fields.map((f) => (f.optional ? `[${f.name}]` : f.name))].join(' ');
  const lines = [`**${spec.name}** (type ${spec.code}) — ${spec.summary}`, '', '```', syntax, '```'];
  for (const f of spec.fields) lines.push(`- \`${f.name}\`${f.optional ? ' (optional)' : ''}: ${f.doc}`);
  if (spec.obsolete) lines.push('', `⚠ ${spec.obsolete}`);
  lines.push('', `_${spec.rfc}_`);
  return lines.join('\n');
}

export function typeHover(r: ZoneRecord): string {
  const spec = rrTypeByName(r.type);
  let text: string;
  if (spec) text = typeDoc(spec);
  else {
    const info = typeInfoByName(r.type);
    text = `**${r.type}** (type ${r.typeCode}) — not modelled field by field here; its rdata must be written in RFC 3597 form \`\\# <length> <hex>\`.`;
    if (info?.obsolete) text += `\n\n⚠ ${info.obsolete}`;
  }
  if (r.ttlSource !== TtlSource.Explicit) {
    const ttl = r.ttlSource === TtlSource.None ? 'unknown' : secondsWithWords(r.ttl);
    text += `\n\n**TTL** ${ttl}, ${TTL_SOURCE[r.ttlSource]}.`;
  }
  return text;
}
