import type { MailRecordKind } from './types';

/**
 * Which mail record a TXT record is, from its owner name first and its content second.
 * The owner decides the kind; the content only decides whether a record at that owner is
 * meant to be one (a verification token next to a DMARC record is not a broken DMARC record).
 */

const VERSION_OF: Record<MailRecordKind, string> = {
  dkim: 'DKIM1',
  dmarc: 'DMARC1',
  'mta-sts': 'STSv1',
  tlsrpt: 'TLSRPTv1',
  bimi: 'BIMI1',
};

/** Tags that, written first, show a record was meant as this kind even without `v=`. */
const TELLTALE_TAGS: Record<MailRecordKind, readonly string[]> = {
  dkim: ['k', 'p', 'h', 's', 't', 'n'],
  dmarc: ['p', 'sp', 'np', 'rua', 'ruf', 'adkim', 'aspf', 'pct', 'fo', 'rf', 'ri', 'psd'],
  'mta-sts': ['id'],
  tlsrpt: ['rua'],
  bimi: ['l', 'a', 'avp', 'lps'],
};

/** The kind implied by the owner name alone (absolute or relative, any case). */
export function mailOwnerKind(owner: string): MailRecordKind | null {
  // Every kind is told by an underscore label: most owners have none, and need no splitting.
  if (!owner.includes('_')) return null;
  const labels = owner.toLowerCase().replace(/\.$/, '').split('.');
  if (labels[0] === '_dmarc') return 'dmarc';
  if (labels[0] === '_mta-sts') return 'mta-sts';
  if (labels[0] === '_smtp' && labels[1] === '_tls') return 'tlsrpt';
  // Selectors may contain dots, so `_domainkey`/`_bimi` can be any label after the first;
  // as the first label it is the parent of the selectors, not a key or assertion record.
  if (labels.indexOf('_domainkey') > 0) return 'dkim';
  if (labels.indexOf('_bimi') > 0) return 'bimi';
  return null;
}

/** The kind announced by a leading `v=` tag of the joined text, whatever the owner. */
export function mailContentKind(joinedText: string): MailRecordKind | null {
  const m = /^\s*v\s*=\s*([A-Za-z0-9]+)\s*(?:;|$)/.exec(joinedText);
  if (!m) return null;
  for (const kind of Object.keys(VERSION_OF) as MailRecordKind[]) {
    if (VERSION_OF[kind].toLowerCase() === m[1].toLowerCase()) return kind;
  }
  return null;
}

/**
 * Classify a TXT record by owner name and content: the kind of the owner, when the content
 * is meant as that kind (starts with a `v=` tag, mentions its version, or starts with one of
 * its tags); every TXT record at a DKIM selector is a key record. Null otherwise.
 */
export function mailRecordKind(ownerAbsoluteLowercase: string, joinedText: string): MailRecordKind | null {
  const kind = mailOwnerKind(ownerAbsoluteLowercase);
  if (!kind) return null;
  if (kind === 'dkim') return kind;
  if (/^\s*v\s*=/i.test(joinedText)) return kind;
  if (joinedText.toLowerCase().includes(VERSION_OF[kind].toLowerCase())) return kind;
  const first = /^\s*([A-Za-z0-9_.-]+)\s*=/.exec(joinedText);
  if (first && TELLTALE_TAGS[kind].includes(first[1].toLowerCase())) return kind;
  return null;
}
