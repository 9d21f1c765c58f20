/**
 * Completion inside the quoted strings of TXT records: the version tag that starts an SPF,
 * DMARC, DKIM, MTA-STS, TLS-RPT or BIMI record (chosen by the owner name), SPF terms after
 * `v=spf1`, in-zone domains after `include:`/`a:`/`mx:`/`redirect=`, and tag names and values
 * of the tag-list records.
 */
import type { Zone } from '../model/zone';
import { MECHANISM_DOCS, MODIFIER_DOCS } from '../spf/hoverText';
import { mailContentKind, mailOwnerKind, mailRecordKind, mailTagHover, mailTagNames, type MailRecordKind } from '../mail';
import type { CompletionEntry } from './types';

const VERSION_SNIPPETS: Record<MailRecordKind | 'spf', { label: string; snippet: string; doc: string }> = {
  spf: { label: 'v=spf1', snippet: 'v=spf1 ${1:mx} ${2|-all,~all|}', doc: 'Start an SPF record (RFC 7208): which hosts may send mail for this name.' },
  dmarc: { label: 'v=DMARC1', snippet: 'v=DMARC1; p=${1|none,quarantine,reject|}; rua=mailto:${2:dmarc-reports@example.com}', doc: 'Start a DMARC policy record (RFC 7489).' },
  dkim: { label: 'v=DKIM1', snippet: 'v=DKIM1; k=${1|rsa,ed25519|}; p=${2:base64-public-key}', doc: 'Start a DKIM key record (RFC 6376 §3.6.1).' },
  'mta-sts': { label: 'v=STSv1', snippet: 'v=STSv1; id=${1:20240101T000000}', doc: 'Start an MTA-STS policy indicator (RFC 8461 §3.1).' },
  tlsrpt: { label: 'v=TLSRPTv1', snippet: 'v=TLSRPTv1; rua=mailto:${1:tls-reports@example.com}', doc: 'Start an SMTP TLS Reporting record (RFC 8460 §3).' },
  bimi: { label: 'v=BIMI1', snippet: 'v=BIMI1; l=${1:https://example.com/logo.svg}', doc: 'Start a BIMI assertion record.' },
};

const TAG_VALUES: Partial<Record<MailRecordKind, Record<string, readonly string[]>>> = {
  dmarc: { p: ['none', 'quarantine', 'reject'], sp: ['none', 'quarantine', 'reject'], np: ['none', 'quarantine', 'reject'], adkim: ['r', 's'], aspf: ['r', 's'], fo: ['0', '1', 'd', 's'], rua: ['mailto:'], ruf: ['mailto:'], pct: ['100'], t: ['y', 'n'], psd: ['y', 'n', 'u'] },
  dkim: { k: ['rsa', 'ed25519'], h: ['sha256'], t: ['y', 's'], s: ['email', '*'] },
  tlsrpt: { rua: ['mailto:', 'https://'] },
  bimi: { avp: ['brand', 'personal'], lps: ['true', 'false'] },
};

const SPF_MECHANISMS = ['include:', 'a', 'mx', 'ip4:', 'ip6:', 'exists:', 'ptr'];
const SPF_MODIFIERS = ['redirect=', 'exp='];

/** The SPF terms to offer, with the qualifier already typed (if any) in front of each mechanism. */
function spfTermLabels(qualifier: string): string[] {
  if (qualifier) return [...SPF_MECHANISMS, 'all'].map((m) => qualifier + m);
  return [...SPF_MECHANISMS, '-all', '~all', '?all', ...SPF_MODIFIERS];
}

function spfDoc(name: string): string | undefined {
  const d = MECHANISM_DOCS[name] ?? MODIFIER_DOCS[name];
  return d ? `**${d.title}** (RFC 7208 ${d.section})\n\n${d.body}` : undefined;
}

export interface StringContext {
  owner?: string;
  /** The record's string content up to the cursor (earlier strings joined in). */
  before: string;
  /** Offset where the current string's content starts, and the cursor. */
  stringStart: number;
  offset: number;
}

export function stringCompletions(zone: Zone, ctx: StringContext): CompletionEntry[] {
  const { before, offset } = ctx;
  const inCurrent = offset - ctx.stringStart;
  const lower = before.toLowerCase();
  // Only the part typed in the current string can be replaced.
  const replaceLast = (n: number) => ({ start: offset - Math.min(n, inCurrent), end: offset });
  const ownerKind = ctx.owner ? mailOwnerKind(ctx.owner) : null;

  if (!/\s|;/.test(before) && before.length === inCurrent) {
    const kinds: (MailRecordKind | 'spf')[] = ownerKind ? [ownerKind] : ['spf'];
    const offered = kinds.map((k) => VERSION_SNIPPETS[k]).filter((v) => v.label.toLowerCase().startsWith(lower));
    if (offered.length > 0) {
      return offered.map((v) => ({ label: v.label, kind: 'snippet', insertText: v.snippet, snippet: true, documentation: v.doc, replace: replaceLast(before.length) }));
    }
  }

  if (lower.startsWith('v=spf1 ')) {
    const term = before.slice(before.lastIndexOf(' ') + 1);
    const sep = term.search(/[:=]/);
    if (sep >= 0) return spfDomainCompletions(zone, term, sep, replaceLast(term.length - sep - 1));
    const q = /^[-~?+]/.test(term) ? term[0] : '';
    return spfTermLabels(q).map((label) => {
      const name = label.replace(/^[-~?+]/, '').replace(/[:=]$/, '');
      return {
        label,
        kind: 'keyword' as const,
        documentation: spfDoc(name),
        deprecated: name === 'ptr' || undefined,
        replace: replaceLast(term.length),
        retrigger: /[:=]$/.test(label) || undefined,
      };
    });
  }

  const kind = ctx.owner ? mailRecordKind(ctx.owner, before) ?? mailContentKind(before) : mailContentKind(before);
  if (!kind) return [];
  const segment = before.slice(before.lastIndexOf(';') + 1).replace(/^\s+/, '');
  const eq = segment.indexOf('=');
  if (eq < 0) {
    const present = new Set(before.split(';').map((s) => s.split('=')[0].trim().toLowerCase()));
    return mailTagNames(kind)
      .filter((tag) => !present.has(tag.toLowerCase()) || tag.toLowerCase() === segment.toLowerCase())
      .map((tag) => ({ label: `${tag}=`, kind: 'tag' as const, documentation: mailTagHover(kind, tag), replace: replaceLast(segment.length), retrigger: TAG_VALUES[kind]?.[tag] !== undefined }));
  }
  const tag = segment.slice(0, eq).trim();
  const values = TAG_VALUES[kind]?.[kind === 'dmarc' ? tag.toLowerCase() : tag];
  if (!values) return [];
  const typed = segment.slice(eq + 1).replace(/^\s+/, '');
  return values.map((v) => ({ label: v, kind: 'value' as const, detail: `${tag}=${v}`, replace: replaceLast(typed.length) }));
}

/** Domains of the zone for `include:`, `a:`, `mx:`, `exists:`, `redirect=` (absolute, no final dot). */
function spfDomainCompletions(zone: Zone, term: string, sep: number, replace: { start: number; end: number }): CompletionEntry[] {
  const mech = term.slice(0, sep).replace(/^[-~?+]/, '').toLowerCase();
  const wantType = mech === 'include' || mech === 'redirect' ? 'TXT' : mech === 'a' || mech === 'exists' ? 'A' : mech === 'mx' ? 'MX' : undefined;
  if (!wantType && mech !== 'ptr') return [];
  const out: CompletionEntry[] = [];
  for (const [name, records] of zone.byName) {
    if (name === '.') continue;
    const has = records.some((r) => r.type === wantType || (wantType === 'A' && r.type === 'AAAA'));
    out.push({ label: name.slice(0, -1), kind: 'name', detail: [...new Set(records.map((r) => r.type))].join(', '), sortText: `${has ? 0 : 1}${name}`, replace });
  }
  return out;
}
