/**
 * Completion: directives at the start of a line, owner names, record types as snippets of their
 * fields, classes, TTLs with units, in-zone names for name-valued fields, and inside TXT strings
 * the SPF terms and mail-record tags (completionTxt.ts).
 */
import type { Zone } from '../model/zone';
import { allRRTypes, rrTypeByName } from '../rrtypes/registry';
import type { RRTypeSpec } from '../rrtypes/spec';
import { relativeTo } from '../rrtypes/names';
import { completionContext } from './completionContext';
import { stringCompletions } from './completionTxt';
import { humanDuration } from './durations';
import { typeDoc } from './hoverRecord';
import { DIRECTIVE_DOCS } from './hoverDirective';
import { originAt } from './locate';
import type { CompletionEntry, OffsetRange } from './types';

/** Characters that make the editor ask for completions: `$` starts a directive, `:` and `=` end an SPF term or tag name. */
export const COMPLETION_TRIGGERS = ['$', ':', '='];

const DIRECTIVE_SNIPPETS: Record<string, string> = {
  $ORIGIN: '\\$ORIGIN ${1:example.com.}',
  $TTL: '\\$TTL ${1:3600}',
  $INCLUDE: '\\$INCLUDE ${1:file.zone}',
  $GENERATE: '\\$GENERATE ${1:1-10} ${2:host-\\$} ${3:A} ${4:192.0.2.\\$}',
};

const CLASSES: [string, string][] = [
  ['IN', 'Internet'],
  ['CH', 'Chaosnet (server information such as version.bind)'],
  ['HS', 'Hesiod'],
];

const TTL_UNITS: [string, number][] = [['s', 1], ['m', 60], ['h', 3600], ['d', 86400], ['w', 604800]];

/** Types whose name fields point at hosts, which should have address records. */
const HOST_TARGETS = new Set(['MX', 'NS', 'SRV', 'KX', 'AFSDB', 'RT', 'SVCB', 'HTTPS']);

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => '\\' + c);
}

/** `MX ${1:preference} ${2:exchange}`: the type followed by a placeholder per required field. */
export function typeSnippet(spec: RRTypeSpec): string {
  const parts = [spec.name];
  let n = 1;
  for (const f of spec.fields) {
    if (f.optional) break;
    const ph = `\${${n++}:${escapeSnippet(f.name)}}`;
    parts.push(f.kind === 'charstring' || f.kind === 'charstrings' ? `"${ph}"` : ph);
  }
  return parts.join(' ');
}

export function completionsAt(zone: Zone, offset: number, now: Date = new Date()): CompletionEntry[] {
  const ctx = completionContext(zone, offset);
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'line-start':
      if (ctx.word.startsWith('$') || ctx.word === '') {
        const dirs = directiveItems(ctx.replace);
        return ctx.word === '' ? [...dirs, ...ownerItems(zone, offset, ctx.replace)] : dirs;
      }
      return ownerItems(zone, offset, ctx.replace);
    case 'header':
      return headerItems(ctx.word, ctx.replace, ctx.hasTtl, ctx.hasClass);
    case 'directive-arg':
      return ctx.directive === '$TTL' && ctx.index === 0 ? ttlItems(ctx.word, ctx.replace) : [];
    case 'rdata':
      return rdataItems(zone, offset, ctx.type, ctx.index, ctx.word, ctx.replace, ctx.owner, now);
    case 'string':
      return ctx.type === 'TXT' || ctx.type === 'SPF' ? stringCompletions(zone, ctx) : [];
  }
}

function directiveItems(replace: OffsetRange): CompletionEntry[] {
  return Object.entries(DIRECTIVE_DOCS).map(([name, d]) => ({
    label: name,
    kind: 'directive' as const,
    detail: d.syntax,
    documentation: d.doc,
    insertText: DIRECTIVE_SNIPPETS[name],
    snippet: true,
    replace,
  }));
}

/** Names of the zone written as they would be at `offset`: relative to the origin in force there. */
function nameItems(zone: Zone, offset: number, replace: OffsetRange, prefer?: (types: Set<string>) => boolean): CompletionEntry[] {
  const origin = originAt(zone, offset);
  const out: CompletionEntry[] = [];
  for (const [name, records] of zone.byName) {
    const types = new Set(records.map((r) => r.type));
    const label = origin ? relativeTo(name, origin) : name;
    const preferred = prefer ? prefer(types) : true;
    out.push({ label, kind: 'name', detail: `${name} (${[...types].join(', ')})`, sortText: `${preferred ? 0 : 1}${label}`, replace });
  }
  return out;
}

function ownerItems(zone: Zone, offset: number, replace: OffsetRange): CompletionEntry[] {
  return nameItems(zone, offset, replace);
}

function headerItems(word: string, replace: OffsetRange, hasTtl: boolean, hasClass: boolean): CompletionEntry[] {
  if (/^[0-9]/.test(word)) return hasTtl ? [] : ttlItems(word, replace);
  const out: CompletionEntry[] = allRRTypes().map((spec) => ({
    label: spec.name,
    kind: 'type' as const,
    detail: spec.summary,
    documentation: typeDoc(spec),
    insertText: typeSnippet(spec),
    snippet: true,
    deprecated: spec.obsolete !== undefined,
    // Common types first; obsolete ones last.
    sortText: `${spec.obsolete ? 2 : COMMON_TYPES.has(spec.name) ? 0 : 1}${spec.name}`,
    replace,
  }));
  if (!hasClass) for (const [cls, doc] of CLASSES) out.push({ label: cls, kind: 'class', detail: doc, sortText: `0${cls}`, replace });
  return out;
}

const COMMON_TYPES = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'CAA', 'PTR', 'SOA']);

/** `3600` with each unit: `3600s`, ..., and the number itself, each with its duration in words. */
function ttlItems(word: string, replace: OffsetRange): CompletionEntry[] {
  const m = /^([0-9]+)$/.exec(word);
  if (!m) {
    if (word !== '') return [];
    return [300, 3600, 86400].map((v, i) => ({ label: String(v), kind: 'unit' as const, detail: humanDuration(v), sortText: String(i), replace }));
  }
  const n = Number(m[1]);
  const out: CompletionEntry[] = [{ label: m[1], kind: 'unit', detail: humanDuration(n), sortText: '0', replace }];
  TTL_UNITS.forEach(([u, size], i) => out.push({ label: `${m[1]}${u}`, kind: 'unit', detail: humanDuration(n * size), sortText: String(i + 1), replace }));
  return out;
}

function rdataItems(zone: Zone, offset: number, type: string, index: number, word: string, replace: OffsetRange, owner: string | undefined, now: Date): CompletionEntry[] {
  const spec = rrTypeByName(type);
  if (!spec || spec.fields.length === 0) return [];
  const field = spec.fields[Math.min(index, spec.fields.length - 1)];
  if (index >= spec.fields.length && field.kind !== 'charstrings' && field.kind !== 'typebitmap') return [];
  if (field.kind === 'name') {
    const items = nameItems(zone, offset, replace, HOST_TARGETS.has(type) ? (t) => t.has('A') || t.has('AAAA') : undefined);
    if (type === 'MX' || type === 'SRV') items.push({ label: '.', kind: 'value', detail: type === 'MX' ? 'null MX: this domain accepts no mail (RFC 7505)' : 'service not offered here', sortText: '2.', replace });
    return items;
  }
  if (field.kind === 'ttl') return ttlItems(word, replace);
  if (type === 'SOA' && field.name === 'serial') {
    const p = (x: number): string => String(x).padStart(2, '0');
    const serial = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}01`;
    return [{ label: serial, kind: 'value', detail: "today's date serial (YYYYMMDDnn)", replace }];
  }
  if (type === 'CAA' && field.name === 'flags') return ['0', '128'].map((v) => ({ label: v, kind: 'value' as const, detail: v === '0' ? 'no flags' : 'Issuer Critical', replace }));
  if (type === 'CAA' && field.name === 'tag') {
    return ['issue', 'issuewild', 'iodef', 'issuemail', 'issuevmc', 'contactemail', 'contactphone'].map((v) => ({ label: v, kind: 'value' as const, replace }));
  }
  if ((type === 'TXT' || type === 'SPF') && word === '') return txtTemplates(owner, replace);
  return [];
}

/** A quoted record to start from, by the owner's name: SPF anywhere, DMARC at `_dmarc`, and so on. */
function txtTemplates(owner: string | undefined, replace: OffsetRange): CompletionEntry[] {
  const first = owner?.split('.')[0];
  const templates: [string, string][] = [];
  if (first === '_dmarc') templates.push(['"v=DMARC1; p=…"', '"v=DMARC1; p=${1|none,quarantine,reject|}; rua=mailto:${2:dmarc-reports@example.com}"']);
  else if (owner?.includes('._domainkey.')) templates.push(['"v=DKIM1; k=rsa; p=…"', '"v=DKIM1; k=${1|rsa,ed25519|}; p=${2:base64-public-key}"']);
  else if (first === '_mta-sts') templates.push(['"v=STSv1; id=…"', '"v=STSv1; id=${1:20240101T000000}"']);
  else if (owner?.startsWith('_smtp._tls.')) templates.push(['"v=TLSRPTv1; rua=…"', '"v=TLSRPTv1; rua=mailto:${1:tls-reports@example.com}"']);
  else templates.push(['"v=spf1 … -all"', '"v=spf1 ${1:mx} ${2|-all,~all|}"']);
  return templates.map(([label, snippet]) => ({ label, kind: 'snippet' as const, insertText: snippet, snippet: true, replace }));
}
