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
  // Read in place for ASCII owners (canonical names are): asked for every TXT record with an
  // underscore by several rules. Other text goes the general way, where lowercasing is Unicode's.
  const scanned = asciiOwnerKind(owner);
  if (scanned !== undefined) return scanned;
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

/**
 * mailOwnerKind for an ASCII owner, without splitting it: the same labels (the text without one
 * final dot, split at every dot) compared in any case. Undefined for text with other characters.
 */
function asciiOwnerKind(owner: string): MailRecordKind | null | undefined {
  const end = owner.charCodeAt(owner.length - 1) === 0x2e ? owner.length - 1 : owner.length;
  for (let i = 0; i < owner.length; i++) if (owner.charCodeAt(i) >= 0x80) return undefined;
  const first = labelEnd(owner, 0, end);
  if (labelIs(owner, 0, first, '_dmarc')) return 'dmarc';
  if (labelIs(owner, 0, first, '_mta-sts')) return 'mta-sts';
  if (labelIs(owner, 0, first, '_smtp') && first < end && labelIs(owner, first + 1, labelEnd(owner, first + 1, end), '_tls')) return 'tlsrpt';
  // As indexOf(...) > 0 on the labels: a first label that is `_domainkey` (or `_bimi`) hides later ones.
  const firstIsDomainkey = labelIs(owner, 0, first, '_domainkey');
  const firstIsBimi = labelIs(owner, 0, first, '_bimi');
  let domainkey = false;
  let bimi = false;
  for (let from = first + 1; from <= end; ) {
    const to = labelEnd(owner, from, end);
    if (labelIs(owner, from, to, '_domainkey')) domainkey = true;
    else if (labelIs(owner, from, to, '_bimi')) bimi = true;
    from = to + 1;
  }
  return domainkey && !firstIsDomainkey ? 'dkim' : bimi && !firstIsBimi ? 'bimi' : null;
}

/** Index of the dot that ends the label starting at `from`, or `end`. */
function labelEnd(text: string, from: number, end: number): number {
  const dot = text.indexOf('.', from);
  return dot < 0 || dot > end ? end : dot;
}

/** Whether text[from, to) is `label` (lowercase ASCII) in any case. */
function labelIs(text: string, from: number, to: number, label: string): boolean {
  if (to - from !== label.length) return false;
  for (let i = 0; i < label.length; i++) {
    let c = text.charCodeAt(from + i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    if (c !== label.charCodeAt(i)) return false;
  }
  return true;
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
