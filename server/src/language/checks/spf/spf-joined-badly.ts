/**
 * spf-joined-badly: `"v=spf1" "mx -all"` is one TXT record whose strings are joined with no
 * separator (RFC 7208 §3.3), so it reads `v=spf1mx -all`: not an SPF record at all, and the
 * domain silently has no policy. The fix puts the missing space back.
 */
import type { Fix, Rule, TextEdit } from '../rule';
import type { Zone } from '../../model/zone';
import type { CharString } from '../../text/charString';
import { SPF_VERSION_LENGTH } from '../../spf';
import { placeIn, zoneSpf, type SpfEntry } from './records';

export const spfJoinedBadly: Rule = {
  id: 'spf-joined-badly',
  defaultSeverity: 'warning',
  summary: 'An SPF record split right after v=spf1: the strings join with no space, so receivers ignore it.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    for (const entry of zoneSpf(zone).entries) {
      if (entry.verdict !== 'spf-joined-badly') continue;
      const error = entry.spf.errors.find((e) => e.code === 'version-joined');
      const range = error ?? entry.spf.versionRange;
      const firstWord = entry.spf.text.split(' ')[0];
      report({
        ...placeIn(entry, range),
        message: `The strings of a TXT record are joined with no space (RFC 7208 §3.3), so this record reads '${firstWord}' and receivers do not see an SPF record here. End the first string with a space.`,
      });
    }
  },
  fixes(diagnostic, zone): Fix[] {
    const entry = zoneSpf(zone).entries.find((e) => e.verdict === 'spf-joined-badly' && e.record.file === diagnostic.file && e.record.start <= diagnostic.start && diagnostic.start <= e.record.end);
    const edits = entry && spaceEdits(zone, entry);
    return edits ? [{ title: 'Insert the missing space after v=spf1', edits, isPreferred: true }] : [];
  },
};

/** Edits that add a space after `v=spf1` without changing how the strings tokenize. */
function spaceEdits(zone: Zone, entry: SpfEntry): TextEdit[] | undefined {
  if (entry.record.generated) return undefined;
  const file = entry.record.file;
  let length = 0;
  let index = -1;
  for (let i = 0; i < entry.strings.length; i++) {
    length += entry.strings[i].value.length;
    if (length === SPF_VERSION_LENGTH) index = i;
  }
  if (index < 0 || index + 1 >= entry.strings.length) return undefined;
  const first: CharString = entry.strings[index];
  const next: CharString = entry.strings[index + 1];
  if (first.quoted) return [{ start: first.end, end: first.end, newText: ' ', file }];
  if (next.quoted) return [{ start: next.start, end: next.start, newText: ' ', file }];
  // Two bare words: quote the first so it can hold the space.
  const text = zone.files[file]?.text ?? '';
  return [{ start: first.start, end: first.end, newText: `"${text.slice(first.start, first.end)} "`, file }];
}
