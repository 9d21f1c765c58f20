/**
 * duplicate-record: the same record twice (same owner, class, type and rdata, compared in
 * canonical form so `mail` and `mail.example.com.` or `1h` and `3600` match). An RRset is a
 * set (RFC 2181 §5): servers keep one copy, so the second line does nothing but mislead the
 * next edit. The fix deletes the second copy when that cannot change any other record.
 */
import type { ZoneRecord } from '../../model/types';
import type { Fix, Rule } from '../rule';
import { hasSharedRrset, relatedAt, typePlace } from './common';
import { deleteRecordEdit } from './deleteRecord';
import { recordWithTypeAt } from './recordIndex';
import { rdataKey } from './rdataKey';

const isValid = (r: ZoneRecord): boolean => r.valid;

/**
 * Whether another valid record of `records` (one owner's) has the class and type of `r`; `counts`
 * holds the sizes of the sets for long lists (null for short ones, which are scanned).
 */
function inSharedSet(records: readonly ZoneRecord[], r: ZoneRecord, counts: Map<string, number> | null): boolean {
  if (counts) return counts.get(`${r.class}\u0000${r.type}`)! > 1;
  for (let i = 0; i < records.length; i++) {
    const x = records[i];
    if (x !== r && x.valid && x.type === r.type && x.class === r.class) return true;
  }
  return false;
}

function setSizes(records: readonly ZoneRecord[]): Map<string, number> | null {
  if (records.length <= 16) return null;
  const counts = new Map<string, number>();
  for (const r of records) {
    if (!r.valid) continue;
    const key = `${r.class}\u0000${r.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export const duplicateRecord: Rule = {
  id: 'duplicate-record',
  defaultSeverity: 'warning',
  summary: 'The same record (owner, class, type and data) appears more than once.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    // Per owner, and only where an owner has several records (indexed once): most names have one.
    const owners = zone.ownersWithSeveralRecords();
    for (let k = 0; k < owners.length; k++) {
      const records = owners[k];
      // A duplicate needs two valid records of one class and type: skip the wire encoding otherwise.
      if (!hasSharedRrset(records, isValid)) continue;
      const first = new Map<string, ZoneRecord>();
      const counts = setSizes(records);
      for (const r of records) {
        // A record alone in its set has no copy: its wire form is not needed (an NS next to an A).
        if (!r.valid || !inSharedSet(records, r, counts)) continue;
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
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const r = recordWithTypeAt(zone, diagnostic.file, diagnostic.start);
    if (!r) return [];
    const edit = deleteRecordEdit(zone, r);
    return edit ? [{ title: 'Remove the duplicate record', edits: [edit], isPreferred: true }] : [];
  },
};
