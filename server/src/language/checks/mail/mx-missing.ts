/**
 * mx-missing: a zone that publishes mail records (DKIM keys, a DMARC policy, an SPF policy that
 * allows senders) but no MX at its apex. Without an MX, senders fall back to the apex address
 * (RFC 5321 §5.1), so replies and bounces go to the web server or nowhere. Only a hint: some
 * domains only send; they should say so with a Null MX (RFC 7505).
 */
import type { Rule } from '../rule';
import type { Zone } from '../../model/zone';
import { isSubdomain } from '../../rrtypes/names';
import { mailTxtRecords } from './mailRecords';
import { bare, typePlace, type Place } from './records';
import { sendsNoMail, spfRecords } from './spfRecords';

export const mxMissing: Rule = {
  id: 'mx-missing',
  defaultSeverity: 'hint',
  summary: 'The zone has DKIM, DMARC or SPF records but no MX at its apex.',
  stage: 'semantic',
  check({ zone, report }) {
    const origin = zone.origin;
    if (!origin || zone.at(origin, 'MX').length > 0 || zone.at(origin, 'CNAME').length > 0) return;
    const evidence = mailEvidence(zone, origin);
    if (!evidence) return;
    report({
      ...evidence.place,
      message: `${bare(origin)} has ${evidence.what} but no MX record: senders then deliver to the address of ${bare(origin)} itself (RFC 5321 §5.1), so replies and bounces may be lost. Add an MX, or if the domain receives no mail, a Null MX \`@ IN MX 0 .\` (RFC 7505).`,
    });
  },
};

function mailEvidence(zone: Zone, origin: string): { place: Place; what: string } | undefined {
  const spf = spfRecords(zone).find((s) => s.record.owner === origin && !sendsNoMail(s.spf));
  if (spf) return { place: typePlace(spf.record), what: 'an SPF policy that allows senders' };
  for (const m of mailTxtRecords(zone)) {
    if (m.kind === 'dmarc' && m.record.owner === '_dmarc.' + origin) return { place: typePlace(m.record), what: 'a DMARC policy' };
    if (m.kind === 'dkim' && isSubdomain(m.record.owner, '_domainkey.' + origin)) return { place: typePlace(m.record), what: 'a DKIM key' };
  }
  return undefined;
}
