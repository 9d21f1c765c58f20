/**
 * Fixes for a finding: the rule's own fixes, plus "disable this rule on this line" and
 * "disable this rule in this file" (suppression comments). Edits are offsets into the zone's files.
 */
import { ruleById } from '../checks';
import { isAutomaticFix, type Fix, type TextEdit } from '../checks/rule';
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import type { LineIndex } from '../text/lineIndex';
import { codeLineStart } from '../text/lineBreaks';

/** The rule's fixes for `d`; a rule that throws offers none. */
export function ruleFixes(d: ZoneDiagnostic, zone: Zone, workspace: Workspace): Fix[] {
  const rule = ruleById(d.code);
  if (!rule?.fixes) return [];
  try {
    return rule.fixes(d, zone, workspace);
  } catch {
    return [];
  }
}

export function suppressionFixes(d: ZoneDiagnostic, zone: Zone, lines: LineIndex): Fix[] {
  if (d.file !== 0) return [];
  const text = zone.text;
  // The start of the finding's line as the lexer reads lines: a line after a lone CR that a
  // comment runs past is part of the comment's line, and a comment inserted there would be
  // swallowed by it (collectSuppressions applies the directive to that whole line).
  // On the first line, after a BOM: before it, the BOM would start the finding's line instead.
  const lineStart = Math.max(codeLineStart(text, zone.parse, lines.lineStart(lines.lineOf(d.start))), firstInsertOffset(text));
  let indentEnd = lineStart;
  while (indentEnd < text.length && (text[indentEnd] === ' ' || text[indentEnd] === '\t')) indentEnd++;
  const eol = zone.newLine;
  const fileInsert = firstInsertOffset(text);
  return [
    {
      title: `Disable ${d.code} for this line`,
      edits: [{ start: lineStart, end: lineStart, newText: `${text.slice(lineStart, indentEnd)}; zonelint-disable-next-line ${d.code}${eol}` }],
    },
    {
      title: `Disable ${d.code} for this file`,
      edits: [{ start: fileInsert, end: fileInsert, newText: `; zonelint-disable ${d.code}${eol}` }],
    },
  ];
}

/** After a BOM, at the start of the file. */
function firstInsertOffset(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * One round of every preferred fix that does not overlap an earlier one, in the document itself
 * (what `zonelint --fix` and "Fix all" apply). Returns the edits, sorted by offset.
 */
export function preferredFixEdits(diagnostics: readonly ZoneDiagnostic[], zone: Zone, workspace: Workspace): TextEdit[] {
  // Each new edit is compared only with the chosen ones near it (by buckets of the text): a zone
  // with thousands of findings would otherwise compare every pair.
  const chosen = new ChosenEdits();
  for (const d of diagnostics) {
    const fix = ruleFixes(d, zone, workspace).find(isAutomaticFix);
    if (!fix || fix.edits.some((e) => (e.file ?? 0) !== 0 || e.uri)) continue;
    const edits = fix.edits;
    if (edits.some((e) => chosen.overlaps(e))) continue;
    for (const e of edits) chosen.add(e);
  }
  return chosen.sorted();
}

/** Edits chosen so far, found by the stretch of text they cover. */
class ChosenEdits {
  private static readonly BUCKET = 1024;
  private readonly buckets = new Map<number, TextEdit[]>();
  private readonly all: TextEdit[] = [];

  /** Whether `e` overlaps a chosen edit (editsOverlap: touching counts for deletions). */
  overlaps(e: TextEdit): boolean {
    for (let b = Math.floor(e.start / ChosenEdits.BUCKET); b <= Math.floor(e.end / ChosenEdits.BUCKET); b++) {
      const list = this.buckets.get(b);
      if (list && list.some((c) => editsOverlap(c, e))) return true;
    }
    return false;
  }

  add(e: TextEdit): void {
    this.all.push(e);
    // In every bucket it touches, its end included, so an edit that only touches it is found.
    for (let b = Math.floor(e.start / ChosenEdits.BUCKET); b <= Math.floor(e.end / ChosenEdits.BUCKET); b++) {
      const list = this.buckets.get(b);
      if (list) list.push(e);
      else this.buckets.set(b, [e]);
    }
  }

  /** By position; edits at the same place in the order they were chosen. */
  sorted(): TextEdit[] {
    return this.all
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
      .map((x) => x.e);
  }
}

/**
 * Two insertions at one offset overlap (their order would be arbitrary); an insertion at the edge
 * of a replacement does not. A deletion overlaps whatever touches it: text inserted where it ends
 * may belong to the deleted text (a trailing dot for the name of a deleted last line), and two
 * adjacent record deletions may each be safe only while the other record stays (owner
 * inheritance); such an edit waits for the next round.
 */
export function editsOverlap(a: { start: number; end: number; newText?: string }, b: { start: number; end: number; newText?: string }): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (isDeletion(a) || isDeletion(b)) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function isDeletion(e: { start: number; end: number; newText?: string }): boolean {
  return e.newText === '' && e.end > e.start;
}

/** Apply non-overlapping offset edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // One pass from the start, so that thousands of edits (zonelint --fix on a large zone) cost one
  // copy of the text, not one each. Edits at the same place go in reverse order of the list, as
  // when each is applied in turn from the end of the text.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || b.i - a.i);
  const parts: string[] = [];
  let cursor = 0;
  for (const { e } of order) {
    if (e.start >= cursor) parts.push(text.slice(cursor, e.start));
    parts.push(e.newText);
    cursor = Math.max(cursor, e.end);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * A snippet's text with placeholders replaced by their defaults (`${1:x}` -> `x`, `$1` -> ``) and
 * escapes undone (`\$` -> `$`). One left-to-right pass, so an escaped `\${1:x\}` written for a
 * name from the zone stays literal text instead of being read as a placeholder.
 */
export function stripSnippet(s: string): string {
  return s.replace(/\\([$}\\])|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\}|\$\d+/g, (_m, escaped: string | undefined, placeholder: string | undefined) =>
    escaped ?? (placeholder === undefined ? '' : placeholder.replace(/\\([$}\\])/g, '$1')),
  );
}
