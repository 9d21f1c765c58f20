/**
 * Suppression comments: `; zonelint-disable-next-line id[, id...]` silences those rules (or all,
 * without ids) on the next line that is not blank or a comment; `; zonelint-disable id[, id...]`
 * silences them in the whole file. Lines are read as the lexer reads them (text/lineBreaks.ts): a
 * comment runs past a lone CR, so the physical lines it runs over belong to its line.
 */
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic } from '../model/types';
import { LineIndex } from '../text/lineIndex';
import { commentOver, type CommentRanges } from '../text/lineBreaks';

// The id list may hold blanks itself, so it needs no separate leading and trailing `\s+`/`\s*`:
// those made the match cubic in the length of a comment full of spaces (see docs/robustness.md).
const DIRECTIVE = /^;\s*zonelint-disable(-next-line)?(?:\s([a-z0-9,\s-]*))?$/;

export interface Suppressions {
  /** Rule ids silenced in the file; '*' for all. */
  file: Set<string>;
  /** Line number (0-based) -> ids silenced on it ('*' for all). */
  lines: Map<number, Set<string>>;
}

export function collectSuppressions(zone: Zone, lines: LineIndex): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  const text = zone.text;
  const { comments, commentCount } = zone.parse;
  for (let c = 0; c < commentCount; c++) {
    const start = comments[2 * c];
    const end = comments[2 * c + 1];
    if (!text.startsWith('zonelint-disable', skipSpaces(text, start + 1))) continue;
    const m = DIRECTIVE.exec(text.slice(start, end));
    if (!m) continue;
    const ids = (m[2] ?? '').split(/[\s,]+/).filter(Boolean);
    const set = ids.length ? ids : ['*'];
    if (m[1]) {
      const first = nextCodeLine(text, zone.parse, lines, lines.lineOf(start) + 1);
      // The physical lines a comment on that line runs over (past lone CRs) are that line too.
      for (let line = first; line === first || (line < lines.lineCount && commentOver(text, zone.parse, lines.lineStart(line)) >= 0); line++) {
        const existing = result.lines.get(line) ?? new Set<string>();
        for (const id of set) existing.add(id);
        result.lines.set(line, existing);
      }
    } else {
      for (const id of set) result.file.add(id);
    }
  }
  return result;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

/**
 * The first line at or after `line` that holds something other than blank space or a comment
 * (a physical line a comment runs over, past a lone CR, is part of that comment).
 */
function nextCodeLine(text: string, comments: CommentRanges, lines: LineIndex, line: number): number {
  for (let l = line; l < lines.lineCount; l++) {
    const s = skipSpaces(text, lines.lineStart(l));
    const c = text.charCodeAt(s);
    if (s < text.length && c !== 0x3b && c !== 0x0a && c !== 0x0d && commentOver(text, comments, lines.lineStart(l)) < 0) return l;
  }
  return line;
}

export function isSuppressed(d: ZoneDiagnostic, s: Suppressions, lines: LineIndex): boolean {
  if (s.file.has('*') || s.file.has(d.code)) return true;
  if (d.file !== 0 || s.lines.size === 0) return false;
  const ids = s.lines.get(lines.lineOf(d.start));
  return ids !== undefined && (ids.has('*') || ids.has(d.code));
}
