/** Applies LSP text edits (line/character ranges, UTF-16) to a text, as an editor would. */
export interface LspPosition {
  line: number;
  character: number;
}
export interface LspTextEdit {
  range: { start: LspPosition; end: LspPosition };
  newText: string;
}

function offsetAt(text: string, p: LspPosition): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  return Math.min(offset + p.character, end < 0 ? text.length : end);
}

/** All edits refer to the original text and must not overlap (LSP's rule); applied last to first. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const spans = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  spans.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].end > spans[i - 1].start) throw new Error(`overlapping edits at ${spans[i].start}-${spans[i].end} and ${spans[i - 1].start}-${spans[i - 1].end}`);
  }
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}
