/**
 * mx-null: a Null MX (`MX 0 .`, RFC 7505) says a domain accepts no mail. It must be the only MX
 * at its name (§3) and have preference 0; otherwise senders see a contradiction: some skip the
 * domain, others try the other hosts, and an MX `.` with another preference is simply a host
 * that does not exist.
 */
import type { Rule } from '../rule';
import { bare, fieldPlace, mxRecords, relatedAt, typePlace, type MxRecord } from './records';

export const mxNull: Rule = {
  id: 'mx-null',
  defaultSeverity: 'error',
  summary: 'A Null MX (MX 0 ".", RFC 7505) has a non-zero preference or is not the only MX at its name.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    const all = mxRecords(zone);
    // The MX records by owner, built only when there is a Null MX (filtering `all` for each one
    // was quadratic on zones of parked domains, where every name has one).
    let byOwner: Map<string, MxRecord[]> | undefined;
    for (const mx of all) {
      if (mx.exchange !== '.') continue;
      if (!byOwner) {
        byOwner = new Map();
        for (const o of all) {
          const list = byOwner.get(o.record.owner);
          if (list) list.push(o);
          else byOwner.set(o.record.owner, [o]);
        }
      }
      const owner = bare(mx.record.owner);
      if (mx.preference !== 0) {
        report({
          ...fieldPlace(mx.record, mx.preferenceField),
          data: { preference: true },
          message: `An MX with the target "." is a Null MX (RFC 7505), which must have preference 0: write \`MX 0 .\` to say ${owner} accepts no mail.`,
        });
      }
      const others = byOwner.get(mx.record.owner)!.filter((o) => o.exchange !== '.');
      if (others.length > 0) {
        report({
          ...fieldPlace(mx.record, mx.exchangeField),
          message: `This Null MX says ${owner} accepts no mail, but ${others.length === 1 ? 'another MX names' : `${others.length} other MX records name`} a mail server (${others.map((o) => bare(o.exchange)).join(', ')}). A Null MX must be the only MX of its name (RFC 7505 §3): remove it if the domain receives mail, or remove the others.`,
          related: others.map((o) => relatedAt(typePlace(o.record), `MX ${o.preference} ${bare(o.exchange)}`)),
        });
      }
    }
  },
  fixes(diagnostic) {
    const data = diagnostic.data as { preference?: boolean } | undefined;
    if (!data?.preference) return [];
    return [{ title: 'Set the preference to 0', edits: [{ start: diagnostic.start, end: diagnostic.end, newText: '0', file: diagnostic.file }], isPreferred: true }];
  },
};
