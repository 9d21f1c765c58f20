/**
 * Semantic tokens, only where they say something the TextMate grammar cannot know: a host name
 * in rdata (MX exchange, NS, SRV target, ...) that should exist in this zone but does not, and
 * the type of a record whose type is obsolete (SPF, A6, NXT, ...). Everything else is left to
 * the grammar, so themes without semantic colouring lose nothing.
 */
import type { Zone } from '../model/zone';
import { typeInfoByName } from '../rrtypes/typeCodes';
import { isAuthoritative, resolve } from '../checks/integrity/common';

/** The legend announced to the client: standard token types, plus our own `unresolved` modifier. */
export const SEMANTIC_TOKEN_TYPES = ['type', 'variable'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['deprecated', 'unresolved'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticTokenEntry {
  start: number;
  end: number;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/** Rdata fields that name a host which must resolve (not mailboxes, signers or NSEC links). */
const HOST_FIELDS: Readonly<Record<string, string>> = {
  MX: 'exchange',
  NS: 'nsdname',
  CNAME: 'target',
  SRV: 'target',
  PTR: 'ptrdname',
  SVCB: 'target',
  HTTPS: 'target',
  NAPTR: 'replacement',
  KX: 'exchanger',
  AFSDB: 'hostname',
  SOA: 'mname',
};

/** Tokens of the document (file 0), sorted by offset; a token never spans a line break. */
export function semanticTokens(zone: Zone): SemanticTokenEntry[] {
  const out: SemanticTokenEntry[] = [];
  const text = zone.text;
  const verdicts = new Map<string, boolean>();
  const unresolved = (name: string): boolean => {
    let v = verdicts.get(name);
    if (v === undefined) {
      const res = isAuthoritative(zone, name) ? resolve(zone, name) : undefined;
      v = res !== undefined && !res.dname && res.records.length === 0;
      verdicts.set(name, v);
    }
    return v;
  };
  for (const r of zone.records) {
    if (r.file !== 0 || r.generated) continue;
    if (r.typeStart >= 0 && typeInfoByName(r.type)?.obsolete) out.push({ start: r.typeStart, end: r.typeEnd, type: 'type', modifiers: ['deprecated'] });
    const fieldName = HOST_FIELDS[r.type];
    if (!fieldName) continue;
    const f = r.rdata.find((x) => x.name === fieldName);
    if (!f || typeof f.value !== 'string' || f.end <= f.start || text.slice(f.start, f.end).includes('\n')) continue;
    if (unresolved(f.value)) out.push({ start: f.start, end: f.end, type: 'variable', modifiers: ['unresolved'] });
  }
  return out.sort((a, b) => a.start - b.start);
}
