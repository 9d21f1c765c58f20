/**
 * spf-missing: a name that receives mail (MX) or signs and reports on it (DKIM keys under
 * `_domainkey.<name>`, a DMARC record at `_dmarc.<name>`) but publishes no SPF record. Receivers
 * then get "none" for mail from the domain (RFC 7208 §2.6.1), and DMARC can only pass through
 * DKIM. The fix, for names with MX records, adds `v=spf1 mx ~all` after the last one (for a Null
 * MX, which announces that the domain handles no mail, `v=spf1 -all`).
 */
import type { ZoneRecord } from '../../model/types';
import type { Zone } from '../../model/zone';
import { mailRecordKind, mailOwnerKind } from '../../mail';
import { nameToLabels, parentName } from '../../rrtypes/names';
import type { Fix, Rule } from '../rule';
import { insertTxtAfter } from './insertSpf';
import { bare, txtStrings, zoneSpf } from './records';
import { recordWithTypeAt } from '../integrity/recordIndex';

interface MailName {
  /** The MX records at the name, in source order. */
  mx: ZoneRecord[];
  /** DKIM or DMARC records that name the domain. */
  auth: ZoneRecord[];
}

/** Names of the zone that handle mail, with the records that show it. */
function mailNames(zone: Zone): Map<string, MailName> {
  const names = new Map<string, MailName>();
  const slot = (name: string) => {
    let s = names.get(name);
    if (!s) names.set(name, (s = { mx: [], auth: [] }));
    return s;
  };
  const records = zone.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (!r.valid) continue;
    // Underscore names (_dmarc, _domainkey, SRV labels) are policy or service names, not mail domains.
    if (r.type === 'MX') {
      if (r.owner.charCodeAt(0) !== 0x5f) slot(r.owner).mx.push(r);
    }
    else if (r.type === 'TXT') {
      const kind = mailOwnerKind(r.owner);
      if (kind !== 'dkim' && kind !== 'dmarc') continue;
      // Every TXT record at a DKIM selector is a key record: its text is not needed.
      if (kind === 'dmarc' && mailRecordKind(r.owner, joinedText(r)) !== kind) continue;
      const domain = domainOf(r.owner, kind);
      if (domain) slot(domain).auth.push(r);
    }
  }
  return names;
}

/** The strings of a TXT record joined (most records have one string: no join). */
function joinedText(r: ZoneRecord): string {
  const strings = txtStrings(r);
  return strings.length === 1 ? strings[0].value : strings.map((s) => s.value).join('');
}

/** `example.com.` for `_dmarc.example.com.` or `sel._domainkey.example.com.`. */
function domainOf(owner: string, kind: 'dkim' | 'dmarc'): string | undefined {
  // The parent of a `_dmarc` name, which is what follows its first label (no label list made).
  if (kind === 'dmarc') {
    const parent = parentName(owner);
    return parent === null || parent === '.' ? undefined : parent;
  }
  const labels = nameToLabels(owner);
  const at = labels.indexOf('_domainkey');
  if (at < 0 || at + 1 >= labels.length) return undefined;
  return labels.slice(at + 1).join('.') + '.';
}

/** Names that have an SPF record, or one the other SPF rules report (joined badly, or of type SPF). */
function namesWithSpf(zone: Zone): Set<string> {
  const names = new Set(zoneSpf(zone).entries.map((e) => e.record.owner));
  for (const r of zone.ofType('SPF')) names.add(r.owner);
  return names;
}

/** The record text the fix adds for a name whose MX records are `mx`. */
function suggestedPolicy(mx: ZoneRecord[]): string {
  const nullMx = mx.every((r) => r.rdata.find((f) => f.name === 'exchange')?.value === '.');
  return nullMx ? 'v=spf1 -all' : 'v=spf1 mx ~all';
}

export const spfMissing: Rule = {
  id: 'spf-missing',
  defaultSeverity: 'information',
  summary: 'A name with MX, DKIM or DMARC records but no SPF record.',
  stage: 'semantic',
  check({ zone, report }) {
    const withSpf = namesWithSpf(zone);
    for (const [name, { mx, auth }] of mailNames(zone)) {
      if (!zone.inZone(name) || zone.delegationOf(name) !== null || withSpf.has(name)) continue;
      if (zone.at(name, 'CNAME').length > 0) continue;
      const anchor = mx[0] ?? auth[0];
      const shows = mx.length > 0 ? 'has MX records' : `publishes ${auth.some((r) => mailOwnerKind(r.owner) === 'dmarc') ? 'a DMARC record' : 'DKIM keys'}`;
      const policy = mx.length > 0 ? ` such as "${suggestedPolicy(mx)}"` : '';
      report({
        start: anchor.typeStart,
        end: anchor.typeEnd,
        file: anchor.file,
        message: `${bare(name)} ${shows} but no SPF record: receivers get "none" for mail from it (RFC 7208 §2.6.1), so forged mail is not recognised and DMARC can pass only through DKIM. Publish an SPF record${policy} at ${bare(name)}.`,
      });
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const record = recordWithTypeAt(zone, diagnostic.file, diagnostic.start);
    if (!record || record.type !== 'MX') return [];
    const mx = zone.at(record.owner, 'MX').filter((r) => r.valid && r.file === 0);
    if (mx.length === 0) return [];
    const last = mx.reduce((a, b) => (b.start > a.start ? b : a));
    const policy = suggestedPolicy(zone.at(record.owner, 'MX').filter((r) => r.valid));
    const edit = insertTxtAfter(zone, last, policy);
    return edit ? [{ title: `Add the SPF record "${policy}" for ${bare(record.owner)}`, edits: [edit], isPreferred: true, automatic: false }] : [];
  },
};
