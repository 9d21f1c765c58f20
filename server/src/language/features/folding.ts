/**
 * Folding ranges: parenthesised records, blocks of consecutive `;` comment lines, and owner
 * groups that span several lines. Outer ranges come before inner ones on the same line.
 */
import type { Zone } from '../model/zone';
import type { LineIndex } from '../text/lineIndex';
import type { FoldingEntry } from './types';
import { ownerGroups } from './locate';

export function foldingRanges(zone: Zone, lines: LineIndex): FoldingEntry[] {
  const out: FoldingEntry[] = [];
  const parens = zone.parse.parens;
  for (let i = 0; i + 1 < parens.length; i += 2) {
    if (parens[i + 1] < 0) continue;
    const startLine = lines.lineOf(parens[i]);
    const endLine = lines.lineOf(parens[i + 1]);
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  out.push(...commentBlocks(zone, lines));
  for (const g of ownerGroups(zone)) {
    if (g.records.length < 2) continue;
    const startLine = lines.lineOf(g.start);
    const endLine = lines.lineOf(g.end);
    if (endLine > startLine) out.push({ startLine, endLine, kind: 'region' });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more lines that hold nothing but a comment. */
function commentBlocks(zone: Zone, lines: LineIndex): FoldingEntry[] {
  const text = zone.text;
  const { comments, commentCount } = zone.parse;
  const out: FoldingEntry[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
  };
  for (let c = 0; c < commentCount; c++) {
    const start = comments[2 * c];
    const line = lines.lineOf(start);
    const before = text.slice(lines.lineStart(line), start);
    if (before.trim() !== '') continue;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      flush();
      runStart = line;
      runEnd = line;
    }
  }
  flush();
  return out;
}
