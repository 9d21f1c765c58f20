/**
 * spf-rr-type: the SPF record type (99) is obsolete: RFC 7208 §3.1 says SPF records must be
 * published as TXT, and receivers no longer query type SPF (RFC 7208 §14.1). The fix turns the
 * type into TXT, or, when a TXT record with the same text is already there, deletes the SPF one;
 * at a mail policy name (`_dmarc`, a DKIM selector) it only offers to delete it.
 */
import type { ZoneRecord } from '../../model/types';
import type { Zone } from '../../model/zone';
import type { CharString } from '../../text/charString';
import type { Fix, Rule } from '../rule';
import { relatedAt, typePlace } from './common';
import { deleteRecordEdit } from './deleteRecord';
import { recordWithTypeAt } from './recordIndex';
import { mailOwnerKind } from '../../mail';

function joinedText(r: ZoneRecord): string | undefined {
  const f = r.rdata.find((x) => x.name === 'strings');
  return f && Array.isArray(f.value) ? (f.value as CharString[]).map((s) => s.value).join('') : undefined;
}

/** The TXT record at the SPF record's owner with the same text, if any. */
function twinTxt(zone: Zone, r: ZoneRecord): ZoneRecord | undefined {
  const text = joinedText(r);
  if (text === undefined) return undefined;
  return zone.at(r.owner, 'TXT').find((t) => t.valid && t.class === r.class && joinedText(t) === text);
}

export const spfRrType: Rule = {
  id: 'spf-rr-type',
  defaultSeverity: 'warning',
  summary: 'A record of the obsolete SPF type (99); SPF policies are published as TXT.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.recordsOfType('SPF')) {
      const twin = twinTxt(zone, r);
      const txtSpf = zone.at(r.owner, 'TXT').some((t) => /^v=spf1( |$)/i.test(joinedText(t) ?? ''));
      report({
        ...typePlace(r),
        message: twin
          ? 'The SPF record type is obsolete (RFC 7208 §3.1) and receivers never query it; the TXT record with the same text is the one that counts, so this one can go.'
          : `The SPF record type is obsolete (RFC 7208 §3.1, §14.1): receivers only look up TXT records, so this policy is ignored${txtSpf ? ' (the TXT SPF policy at this name, which differs, is the one used)' : ''}. Publish it as TXT instead.`,
        ...(twin ? { related: [relatedAt(typePlace(twin), 'the TXT record with the same text')] } : {}),
      });
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const r = recordWithTypeAt(zone, diagnostic.file, diagnostic.start);
    if (!r || r.type !== 'SPF') return [];
    if (twinTxt(zone, r)) {
      const edit = deleteRecordEdit(zone, r);
      if (edit) return [{ title: 'Remove the SPF-type record (the TXT record has the same text)', edits: [edit], isPreferred: true }];
    }
    // At a policy name (_dmarc, a DKIM selector, _mta-sts, ...) a TXT record is read as that
    // policy: as TXT, this text would be a broken DMARC or DKIM record. Receivers ignore the
    // SPF-type record, so removing it changes nothing they see; it is offered, not preferred.
    const kind = mailOwnerKind(r.owner);
    if (kind !== null) {
      const edit = deleteRecordEdit(zone, r);
      return edit ? [{ title: `Remove the SPF-type record (as TXT at this name it would be read as a ${kind.toUpperCase()} record)`, edits: [edit] }] : [];
    }
    return [{ title: 'Change the record type to TXT', edits: [{ start: r.typeStart, end: r.typeEnd, newText: 'TXT', file: r.file }], isPreferred: true }];
  },
};
