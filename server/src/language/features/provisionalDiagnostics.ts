/**
 * What to show for a new version of a large zone at once, before its rules have run on it: the
 * new version's own parse findings (exact: the parse is incremental and cheap), and the previous
 * version's rule findings, with those on the changed lines dropped and those after them moved by
 * the change. The language server publishes this right after an edit and replaces it with the
 * full result when the rules are done (lsp/validator.ts): the line being typed gets its syntax
 * errors at once, and the rest of the file keeps its findings instead of flickering.
 */
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic } from '../model/types';
import type { TextChange } from '../parser/incremental';
import type { LineIndex } from '../text/lineIndex';
import { applySettings, suppressionsOf, type ValidationSettings } from './diagnostics';

export interface PreviousFindings {
  /** The previous version's text. */
  text: string;
  /** Its rule findings, after settings (ZoneValidation.ruleFindings). */
  ruleFindings: readonly ZoneDiagnostic[];
}

/** The parse findings of a zone alone, after settings: what a large zone shows while its rules first run. */
export function parseFindings(zone: Zone, settings: ValidationSettings, lines: LineIndex): ZoneDiagnostic[] {
  return applySettings(
    zone.parseDiagnostics.map((d) => ({ ...d })),
    suppressionsOf(zone, lines),
    settings,
    lines,
  );
}

/** `all` to publish now; `ruleFindings`, its rule part, stand for the new version's until its rules have run. */
export function provisionalDiagnostics(zone: Zone, previous: PreviousFindings, change: TextChange, settings: ValidationSettings, lines: LineIndex): { all: ZoneDiagnostic[]; ruleFindings: ZoneDiagnostic[] } {
  const parse = parseFindings(zone, settings, lines);
  // The changed lines of the previous text, [from, to] with `to` the end of the last one.
  const from = lineStartBefore(previous.text, change.start);
  const to = lineEndAfter(previous.text, change.oldEnd);
  const delta = change.newEnd - change.oldEnd;
  const move = (offset: number): number => (offset > to ? offset + delta : offset);
  const rules: ZoneDiagnostic[] = [];
  for (const d of previous.ruleFindings) {
    if (d.file !== 0) {
      rules.push(d);
      continue;
    }
    if (d.start <= to && d.end >= from) continue;
    const moved: ZoneDiagnostic = { ...d, start: move(d.start), end: move(d.end) };
    if (d.related) moved.related = d.related.map((r) => (r.file === 0 ? { ...r, start: move(r.start), end: move(r.end) } : r));
    rules.push(moved);
  }
  return { all: parse.concat(rules), ruleFindings: rules };
}

function lineStartBefore(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x0a || c === 0x0d) break;
    i--;
  }
  return i;
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
