/**
 * dmarc-multiple: a name may publish one DMARC record. With more than one `v=DMARC1` record at
 * `_dmarc.<domain>`, receivers apply no DMARC policy at all (RFC 7489 §6.6.3 step 2), so the
 * domain silently loses its protection.
 */
import { mailContentKind } from '../../mail';
import type { Rule } from '../rule';
import { mailTxtRecords } from './mailRecords';
import { bare, relatedAt, typePlace } from './records';

export const dmarcMultiple: Rule = {
  id: 'dmarc-multiple',
  defaultSeverity: 'error',
  summary: 'More than one DMARC record at the same _dmarc name: receivers then apply none.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const byOwner = new Map<string, typeof records>();
    // Receivers keep only the records that start with `v=DMARC1`; other TXT records there do no harm.
    const records = mailTxtRecords(zone).filter((m) => m.kind === 'dmarc' && mailContentKind(m.text) === 'dmarc');
    for (const m of records) {
      const list = byOwner.get(m.record.owner);
      if (list) list.push(m);
      else byOwner.set(m.record.owner, [m]);
    }
    for (const [owner, list] of byOwner) {
      if (list.length < 2) continue;
      const domain = bare(owner).replace(/^_dmarc\./, '');
      for (const m of list.slice(1)) {
        report({
          ...typePlace(m.record),
          message: `${list.length} DMARC records at ${bare(owner)}: receivers that find more than one apply no DMARC policy to ${domain} at all (RFC 7489 §6.6.3). Merge them into one record.`,
          related: list.filter((o) => o !== m).map((o) => relatedAt(typePlace(o.record), 'another DMARC record')),
        });
      }
    }
  },
};
