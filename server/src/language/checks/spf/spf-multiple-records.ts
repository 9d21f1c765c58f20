/**
 * spf-multiple-records: a name may publish one SPF record. With two or more, check_host()
 * stops with permerror (RFC 7208 §4.5) and the domain has no working policy. Reported on each
 * record after the first, with the others as related locations. When there are exactly two and
 * both are plain lists of mechanisms, the fix merges them into the first (see merge.ts).
 */
import type { Fix, Rule, TextEdit } from '../rule';
import { deleteRecordEdit } from '../integrity/deleteRecord';
import { asCharStrings, mergedSpfText } from './merge';
import { bare, placeIn, spfAt, zoneSpf, type SpfEntry } from './records';

const MAX_RELATED = 5;

export const spfMultipleRecords: Rule = {
  id: 'spf-multiple-records',
  defaultSeverity: 'error',
  summary: 'More than one SPF record at one name: receivers return permerror and apply none.',
  stage: 'semantic',
  scope: 'name',
  check({ zone, report }) {
    for (const [owner, list] of zoneSpf(zone).byOwner) {
      if (list.length < 2) continue;
      for (const entry of list.slice(1)) {
        report({
          ...placeIn(entry, entry.spf.versionRange),
          message: `${list.length} SPF records at ${bare(owner)}: receivers that find more than one return permerror (RFC 7208 §4.5), so none of them applies. Merge them into one record.`,
          // The first few others are enough to find them; listing all would be quadratic.
          related: list.filter((o) => o !== entry).slice(0, MAX_RELATED).map((o) => ({ ...placeIn(o, o.spf.versionRange), message: 'another SPF record at this name' })),
        });
      }
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const entry = zoneSpf(zone).entries.find((e) => e.verdict === 'spf' && e.record.file === diagnostic.file && e.spf.versionRange.start === diagnostic.start);
    if (!entry) return [];
    const list = spfAt(zone, entry.record.owner);
    if (list.length !== 2) return [];
    const [first, second] = list;
    return mergeFix(zone, first, second);
  },
};

function mergeFix(zone: Parameters<typeof deleteRecordEdit>[0], first: SpfEntry, second: SpfEntry): Fix[] {
  if (first.record.generated || first.record.file !== second.record.file) return [];
  const merged = mergedSpfText(first, second);
  if (merged === undefined) return [];
  const removal = deleteRecordEdit(zone, second.record);
  if (!removal) return [];
  const file = first.record.file;
  const replace = { start: first.record.rdataStart, end: first.record.rdataEnd, newText: asCharStrings(merged), file };
  // deleteRecordEdit takes whole lines and the rdata sits inside one, so they cannot overlap.
  if (replace.start < removal.end && removal.start < replace.end) return [];
  return [{ title: `Merge the two SPF records into one: "${merged}"`, edits: joinTouching(replace, removal), isPreferred: true, automatic: false }];
}

/**
 * The rewrite and the deletion as edits that do not touch: one edit when the deletion begins
 * where the rewrite ends (fixed: the second record on a last line without a line break is
 * deleted with the break before it, which starts right after the first record's rdata when it
 * is the line before). Touching edits are valid in one LSP WorkspaceEdit, but editsOverlap
 * counts a deletion touching another edit as a conflict, and a single edit leaves nothing to
 * order.
 */
function joinTouching(replace: TextEdit, removal: TextEdit): TextEdit[] {
  if (removal.start === replace.end) return [{ ...replace, end: removal.end }];
  if (removal.end === replace.start) return [{ ...replace, start: removal.start }];
  return [replace, removal];
}
