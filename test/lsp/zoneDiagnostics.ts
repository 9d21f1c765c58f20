/**
 * Diagnostics as comparable strings ("code line:char-line:char", sorted): what a fresh
 * validation of a text gives in process, and what the server published, so that protocol tests
 * can compare the two.
 */
import { parseDocument, validate, Workspace } from '../../server/src/language/languageService';
import { LineIndex } from '../../server/src/language/text/lineIndex';

export interface LspDiagnostic {
  code?: string | number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** A fresh validation of `text` as the document `path` with `origin` (or its parse findings alone). */
export function expectedDiagnostics(text: string, path: string, origin: string, parseOnly = false): string[] {
  const zone = parseDocument({ text, fileName: path, origin });
  const ws = new Workspace();
  ws.set(`file://${path}`, zone);
  const lines = new LineIndex(text);
  return (parseOnly ? zone.parseDiagnostics : validate(zone, ws, {}, lines))
    .filter((d) => d.file === 0)
    .map((d) => {
      const s = lines.positionAt(d.start);
      const e = lines.positionAt(d.end);
      return `${d.code} ${s.line}:${s.character}-${e.line}:${e.character}`;
    })
    .sort();
}

export function shownDiagnostics(list: readonly LspDiagnostic[]): string[] {
  return list.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
}
