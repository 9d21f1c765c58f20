/**
 * Document symbols (the outline): one symbol per owner group with its records as children, and
 * the directives; workspace symbols: the owner names of every open zone, filtered by a query.
 */
import type { Zone } from '../model/zone';
import type { Directive, ZoneRecord } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import { relativeTo } from '../rrtypes/names';
import { humanDuration } from './durations';
import { documentDirectives, ownerGroups, rdataText } from './locate';
import type { FeatureLocation, SymbolKindName, ZoneSymbol } from './types';

const TYPE_KINDS: Record<string, SymbolKindName> = {
  SOA: 'module', NS: 'property', A: 'variable', AAAA: 'variable', MX: 'event', TXT: 'string', SPF: 'string',
  CNAME: 'interface', DNAME: 'interface', PTR: 'interface', SRV: 'function', SVCB: 'function', HTTPS: 'function',
  NAPTR: 'function', URI: 'function', CAA: 'constant',
};
const KEY_TYPES = new Set(['DNSKEY', 'DS', 'CDS', 'CDNSKEY', 'RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM', 'TLSA', 'SSHFP', 'SMIMEA', 'OPENPGPKEY', 'CERT', 'IPSECKEY', 'ZONEMD', 'DHCID']);

export function symbolKindOfType(type: string): SymbolKindName {
  return TYPE_KINDS[type] ?? (KEY_TYPES.has(type) ? 'key' : 'field');
}

const DIRECTIVE_KINDS: Record<string, SymbolKindName> = { $ORIGIN: 'package', $TTL: 'constant', $INCLUDE: 'file', $GENERATE: 'operator' };

/** The owner as the outline shows it: relative to the zone's origin (`@` for the apex). */
export function displayName(zone: Zone, owner: string): string {
  return zone.origin ? relativeTo(owner, zone.origin) : owner;
}

export function documentSymbols(zone: Zone): ZoneSymbol[] {
  const out: ZoneSymbol[] = [];
  for (const g of ownerGroups(zone)) {
    const written = g.records.find((r) => r.ownerStart >= 0);
    const selection = written ? { start: written.ownerStart, end: written.ownerEnd } : { start: g.records[0].typeStart, end: g.records[0].typeEnd };
    out.push({
      name: displayName(zone, g.owner),
      detail: g.owner,
      kind: g.owner === zone.origin ? 'module' : 'namespace',
      range: { start: g.start, end: g.end },
      selectionRange: selection,
      children: g.records.map((r) => recordSymbol(zone, r)),
    });
  }
  const generatedBy = generatedCounts(zone);
  for (const d of documentDirectives(zone)) out.push(directiveSymbol(d, generatedBy));
  return out.sort((a, b) => a.range.start - b.range.start);
}

function recordSymbol(zone: Zone, r: ZoneRecord): ZoneSymbol {
  const name = `${r.type} ${rdataText(zone, r, 60)}`.trim();
  return {
    name,
    detail: `TTL ${humanDuration(r.ttl)}`,
    kind: symbolKindOfType(r.type),
    range: { start: r.start, end: r.end },
    selectionRange: { start: r.typeStart, end: r.typeEnd },
    children: [],
  };
}

/** How many records each `$GENERATE` of the document made, by the directive's start (one pass). */
function generatedCounts(zone: Zone): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of zone.records) if (r.generated && r.file === 0) counts.set(r.start, (counts.get(r.start) ?? 0) + 1);
  return counts;
}

function directiveSymbol(d: Directive, generatedBy: ReadonlyMap<number, number>): ZoneSymbol {
  const generated = d.name === '$GENERATE' ? (generatedBy.get(d.start) ?? 0) : 0;
  return {
    name: [d.name, ...d.args.map((a) => a.text)].join(' '),
    detail: d.name === '$GENERATE' ? `${generated} record${generated === 1 ? '' : 's'}` : undefined,
    kind: DIRECTIVE_KINDS[d.name] ?? 'operator',
    range: { start: d.start, end: d.end },
    selectionRange: { start: d.start, end: d.start + d.name.length },
    children: [],
  };
}

export interface WorkspaceSymbolEntry {
  name: string;
  kind: SymbolKindName;
  containerName: string;
  location: FeatureLocation & { uri: string };
}

/** Whether every character of `query` appears in `name` in order (case-insensitive). */
function fuzzyMatches(name: string, query: string): boolean {
  let k = 0;
  for (let i = 0; i < name.length && k < query.length; i++) if (name[i] === query[k]) k++;
  return k === query.length;
}

/** Owner names of every zone in the workspace that match `query`, best matches first. */
export function workspaceSymbols(workspace: Workspace, query: string, limit = 500): WorkspaceSymbolEntry[] {
  const q = query.toLowerCase();
  const scored: { score: number; entry: WorkspaceSymbolEntry }[] = [];
  for (const [uri, zone] of workspace.entries()) {
    for (const [owner, records] of zone.byName) {
      const shown = owner.length > 1 ? owner.slice(0, -1) : owner;
      if (q && !fuzzyMatches(shown, q)) continue;
      const r = records.find((x) => !x.generated && x.ownerStart >= 0) ?? records[0];
      const score = !q ? 2 : shown.startsWith(q) ? 0 : shown.includes(q) ? 1 : 2;
      scored.push({
        score,
        entry: {
          name: shown,
          kind: owner === zone.origin ? 'module' : symbolKindOfType(records[0].type),
          containerName: `${zone.origin ?? ''} (${records.map((x) => x.type).filter((t, i, a) => a.indexOf(t) === i).join(', ')})`,
          location: { uri, file: r.file, start: r.ownerStart >= 0 ? r.ownerStart : r.start, end: r.ownerStart >= 0 ? r.ownerEnd : r.end },
        },
      });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.entry.name.length - b.entry.name.length || a.entry.name.localeCompare(b.entry.name));
  return scored.slice(0, limit).map((s) => s.entry);
}
