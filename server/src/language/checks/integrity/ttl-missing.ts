/**
 * ttl-missing: records without a TTL of their own while no `$TTL` is in force (RFC 2308 §4
 * made `$TTL` the way to set a default). BIND then falls back on older rules: the TTL of the
 * previous record (RFC 1035 semantics; it warns), the SOA minimum (for the SOA itself, and
 * for later records without a TTL; it warns), or nothing at all, and then it refuses the zone
 * ("no TTL specified"): an error. The two fallbacks are each reported once, on the first record
 * they apply to.
 * The fix adds `$TTL` at the top; it is the preferred fix only when that keeps every TTL as is.
 */
import { TtlSource, type ZoneRecord } from '../../model/types';
import type { Fix, Rule } from '../rule';
import { typePlace } from './common';

interface TtlMissingData {
  /** The value a `$TTL` at the top must have to keep every record's TTL; absent when none does. */
  ttl?: number;
}

/** The one TTL all inheriting records share, or undefined when they differ or one has none. */
function uniformInheritedTtl(records: readonly ZoneRecord[]): number | undefined {
  let value: number | undefined;
  for (const r of records) {
    if (r.ttlSource === TtlSource.Explicit || r.ttlSource === TtlSource.Directive) continue;
    if (r.ttlSource === TtlSource.None) return undefined;
    if (value === undefined) value = r.ttl;
    else if (value !== r.ttl) return undefined;
  }
  return value;
}

export const ttlMissing: Rule = {
  id: 'ttl-missing',
  defaultSeverity: 'warning',
  summary: 'Records without a TTL while no $TTL is in force.',
  stage: 'semantic',
  check({ zone, report }) {
    // Nothing to report when every TTL is written or comes from $TTL (nearly every zone): one
    // plain pass instead of the four below.
    const records = zone.records;
    let inherited = false;
    for (let i = 0; i < records.length && !inherited; i++) inherited = records[i].ttlSource !== TtlSource.Explicit && records[i].ttlSource !== TtlSource.Directive;
    if (!inherited) return;
    const ttl = uniformInheritedTtl(zone.records);
    const data: TtlMissingData = ttl === undefined ? {} : { ttl };
    const previous = zone.records.filter((r) => r.ttlSource === TtlSource.Previous);
    const fromSoa = zone.records.filter((r) => r.ttlSource === TtlSource.SoaMinimum);
    const more = (n: number) => (n > 1 ? ` and ${n - 1} more record${n > 2 ? 's' : ''}` : '');
    for (const r of zone.records) {
      if (r.ttlSource === TtlSource.None) {
        report({
          ...typePlace(r),
          severity: 'error',
          message: 'This record has no TTL, and no $TTL directive or earlier TTL gives it one; BIND refuses the zone ("no TTL specified"). Add `$TTL` at the top of the file (RFC 2308 §4) or a TTL here.',
          data,
        });
      } else if (r === fromSoa[0]) {
        report({
          ...typePlace(r),
          message: `No TTL is written and no $TTL is in force, so servers take the SOA minimum (${r.ttl}) as the TTL of this record${more(fromSoa.length)}; the SOA minimum is meant for negative answers (RFC 2308 §4). Add \`$TTL\` at the top of the file.`,
          data,
        });
      } else if (r === previous[0]) {
        report({
          ...typePlace(r),
          message: `No $TTL directive is in force, so this record${more(previous.length)} take${previous.length > 1 ? '' : 's'} the TTL of the record before (${r.ttl}, RFC 1035 §5.1 rules). That changes silently when records move; add \`$TTL\` at the top of the file (RFC 2308 §4).`,
          data,
        });
      }
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const data = (diagnostic.data ?? {}) as TtlMissingData;
    // After a byte order mark: before it, the BOM would start the second line and break it.
    const at = zone.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (typeof data.ttl === 'number') {
      return [{ title: `Add "$TTL ${data.ttl}" at the top of the file`, edits: [{ start: at, end: at, newText: `$TTL ${data.ttl}\n`, file: 0 }], isPreferred: true }];
    }
    return [{ title: 'Add a $TTL directive at the top of the file', edits: [{ start: at, end: at, newText: '\\$TTL ${1:3600}\n', file: 0 }], snippet: true }];
  },
};
