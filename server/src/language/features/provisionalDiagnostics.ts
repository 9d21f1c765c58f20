/**
 * What to show for a new version of a large zone at once, before its rules have run on it: the
 * new version's own parse findings (exact: the parse is incremental and cheap), and the previous
 * version's rule findings, with those on the changed lines dropped and those after them moved by
 * the change; and, for the records the edit had parsed again, the findings of every rule of
 * scope 'record' (checks/rule.ts: those that look at one record alone), run on those records
 * only, and of every rule of scope 'name' (duplicates, CNAME conflicts, several SPF records),
 * run on all records of the names the edit touched. The language server publishes this right after an edit and replaces it with the full
 * result when the rules are done (lsp/validator.ts): the record being typed gets its syntax
 * errors and its own rule findings (an SPF term, a DKIM tag) at once, and the rest of the file
 * keeps its findings instead of flickering.
 */
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic, ZoneRecord } from '../model/types';
import type { Reparse, TextChange } from '../parser/incremental';
import type { LineIndex } from '../text/lineIndex';
import type { Workspace } from '../workspace/workspace';
import { allRules } from '../checks';
import { lineStartOf } from '../text/lineBreaks';
import { applySettings, runRule, suppressionsOf, type ValidationSettings } from './diagnostics';

const RECORD_RULES = allRules.filter((r) => r.scope === 'record' && r.check);
const NAME_RULES = allRules.filter((r) => r.scope === 'name' && r.check);
const SCOPED_IDS = new Set([...RECORD_RULES, ...NAME_RULES].map((r) => r.id));
const NAME_RULE_IDS = new Set(NAME_RULES.map((r) => r.id));

export interface PreviousFindings {
  /** The previous version's text. */
  text: string;
  /** Its rule findings, after settings (ZoneValidation.ruleFindings). */
  ruleFindings: readonly ZoneDiagnostic[];
  /** The stretch the new version's parse took again, when it was incremental. */
  stretch?: Reparse['stretch'];
}

/** The parse findings of a zone alone, after settings: what a large zone shows while its rules first run. */
export function parseFindings(zone: Zone, settings: ValidationSettings, lines: LineIndex, suppressions = suppressionsOf(zone, lines)): ZoneDiagnostic[] {
  return applySettings(
    zone.parseDiagnostics.map((d) => ({ ...d })),
    suppressions,
    settings,
    lines,
  );
}

/** `all` to publish now; `ruleFindings`, its rule part, stand for the new version's until its rules have run. */
export function provisionalDiagnostics(zone: Zone, previous: PreviousFindings, change: TextChange, settings: ValidationSettings, lines: LineIndex, workspace: Workspace): { all: ZoneDiagnostic[]; ruleFindings: ZoneDiagnostic[] } {
  // Scanned once: a 4 MB text costs a millisecond to search for suppression comments.
  const suppressions = suppressionsOf(zone, lines);
  const parse = parseFindings(zone, settings, lines, suppressions);
  const stretch = previous.stretch;
  // Findings of the scoped rules inside the stretch are found again below, on its new records.
  const replaced = (d: ZoneDiagnostic): boolean => stretch !== undefined && d.file === 0 && SCOPED_IDS.has(d.code) && d.start >= stretch.start && d.end <= stretch.oldEnd;
  // The changed lines of the previous text, [from, to] with `to` the end of the last one.
  const from = lineStartOf(previous.text, change.start);
  const to = lineEndAfter(previous.text, change.oldEnd);
  const delta = change.newEnd - change.oldEnd;
  const move = (offset: number): number => (offset > to ? offset + delta : offset);
  const rules: ZoneDiagnostic[] = [];
  for (const d of previous.ruleFindings) {
    if (d.file !== 0) {
      rules.push(d);
      continue;
    }
    if ((d.start <= to && d.end >= from) || replaced(d)) continue;
    const moved: ZoneDiagnostic = { ...d, start: move(d.start), end: move(d.end) };
    if (d.related) moved.related = d.related.map((r) => (r.file === 0 ? { ...r, start: move(r.start), end: move(r.end) } : r));
    rules.push(moved);
  }
  if (!stretch) return { all: parse.concat(rules), ruleFindings: rules };
  const fresh: ZoneDiagnostic[] = [];
  if (stretch.records.length > 0) {
    const part = zone.withRecords(stretch.records);
    for (const rule of RECORD_RULES) if (settings.rules?.[rule.id] !== 'off') runRule(rule, part, workspace, fresh);
  }
  // The names the edit touched (before and after): their name-rule findings are found again on
  // all their records, wherever those are in the file.
  const touched = new Set<string>();
  for (const r of stretch.oldRecords) touched.add(r.owner);
  for (const r of stretch.records) touched.add(r.owner);
  const atTouched: ZoneRecord[] = [];
  for (const owner of touched) for (const r of zone.at(owner)) atTouched.push(r);
  const kept = dropInside(rules, atTouched);
  if (atTouched.length > 0) {
    const names = zone.withRecords(atTouched);
    for (const rule of NAME_RULES) if (settings.rules?.[rule.id] !== 'off') runRule(rule, names, workspace, fresh);
  }
  for (const d of applySettings(fresh, suppressions, settings, lines)) kept.push(d);
  return { all: parse.concat(kept), ruleFindings: kept };
}

/** `findings` without the name-rule findings that lie inside one of `records` (of the document). */
function dropInside(findings: ZoneDiagnostic[], records: readonly ZoneRecord[]): ZoneDiagnostic[] {
  if (records.length === 0) return findings;
  const ranges = records.filter((r) => r.file === 0).map((r) => [r.start, r.end] as const).sort((x, y) => x[0] - y[0]);
  const inside = (d: ZoneDiagnostic): boolean => {
    // The last range starting at or before d.start, and a few before it (records rarely nest).
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ranges[mid][0] <= d.start) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k >= 0 && k > lo - 4; k--) if (ranges[k][0] <= d.start && d.end <= ranges[k][1]) return true;
    return false;
  };
  return findings.filter((d) => !(d.file === 0 && NAME_RULE_IDS.has(d.code) && inside(d)));
}

function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}
