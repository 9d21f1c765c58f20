/**
 * duplicate-record: the same record twice (same owner, class, type and rdata, compared in
 * canonical form so `mail` and `mail.example.com.` or `1h` and `3600` match). An RRset is a
 * set (RFC 2181 §5): servers keep one copy, so the second line does nothing but mislead the
 * next edit. The fix deletes the second copy when that cannot change any other record.
 */
import type { ZoneRecord } from '../../model/types';
import type { Fix, Rule } from '../rule';
import { deleteRecordEdit, hasSharedRrset, relatedAt, typePlace } from './common';
import { rdataKey } from './rdataKey';

const isValid = (r: ZoneRecord): boolean => r.valid;

export const duplicateRecord: Rule = {
  id: 'duplicate-record',
  defaultSeverity: 'warning',
  summary: 'The same record (owner, class, type and data) appears more than once.',
  stage: 'semantic',
  check({ zone, report }) {
    // Per owner, and only where an owner has several records: most names have one.
    // forEach rather than a for-of over values(): no iterator result per name.
    zone.byName.forEach((records) => {
      // A duplicate needs two valid records of one class and type: skip the wire encoding otherwise.
      if (records.length < 2 || !hasSharedRrset(records, isValid)) return;
      const first = new Map<string, ZoneRecord>();
      for (const r of records) {
        if (!r.valid) continue;
        const key = `${r.class}\u0000${r.type}\u0000${rdataKey(r, zone.files[r.file]?.text)}`;
        const original = first.get(key);
        if (!original) {
          first.set(key, r);
          continue;
        }
        // $GENERATE ranges point at the directive: one record there cannot be singled out.
        if (r.generated && original.generated) continue;
        // From the type to the end: the owner may be inherited, and the data is what repeats.
        report({
          start: r.typeStart,
          end: r.end,
          file: r.file,
          message: `Duplicate of the ${r.type} record for ${r.owner} above; servers keep a single copy (RFC 2181 §5), so this one has no effect. Remove it.`,
          related: [relatedAt(typePlace(original), 'the first copy')],
        });
      }
    });
  },
  fixes(diagnostic, zone): Fix[] {
    const r = zone.records.find((x) => x.file === diagnostic.file && x.typeStart === diagnostic.start && !x.generated);
    if (!r) return [];
    const edit = deleteRecordEdit(zone, r);
    return edit ? [{ title: 'Remove the duplicate record', edits: [edit], isPreferred: true }] : [];
  },
};
