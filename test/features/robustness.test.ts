/**
 * Every feature at many offsets of every example and corpus file (fuzzer crashers included):
 * no exception, and the ranges returned lie inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/language/languageService';
import { hoverAt } from '../../server/src/language/features/hover';
import { completionsAt } from '../../server/src/language/features/completion';
import { selectionRangesAt } from '../../server/src/language/features/selectionRanges';
import { definitionAt, referencesAt } from '../../server/src/language/features/navigation';
import { prepareRenameAt, renameAt } from '../../server/src/language/features/rename';
import { documentSymbols } from '../../server/src/language/features/symbols';
import { foldingRanges } from '../../server/src/language/features/folding';
import { documentLinks } from '../../server/src/language/features/documentLinks';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { corpusFiles, REPO_ROOT } from './helpers';

const SAMPLES_PER_FILE = 40;

test('features never throw and stay inside the text, on examples and the whole corpus', () => {
  const files = [
    ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).map((f) => ({ file: path.join(REPO_ROOT, 'examples', f), origin: undefined as string | undefined })),
    ...corpusFiles(),
  ];
  assert.ok(files.length >= 3);
  let calls = 0;
  for (const { file, origin } of files) {
    const text = fs.readFileSync(file, 'latin1');
    const zone = parseDocument({ text, origin, fileName: file });
    const inside = (r: { start: number; end: number }, what: string) => assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${file}: ${what} ${r.start}-${r.end}`);
    const lines = new LineIndex(text);
    for (const s of documentSymbols(zone)) inside(s.range, 'symbol');
    for (const f of foldingRanges(zone, lines)) assert.ok(f.startLine < f.endLine && f.endLine < lines.lineCount, `${file}: fold`);
    for (const l of documentLinks(zone, 'file://' + file)) inside(l.range, 'link');
    // Offsets spread over the file, plus its two ends.
    const step = Math.max(1, Math.floor(text.length / SAMPLES_PER_FILE));
    for (let offset = 0; offset <= text.length; offset += step) {
      const at = [offset, Math.min(text.length, offset + 1), text.length];
      for (const o of at) {
        const h = hoverAt(zone, o);
        if (h) inside(h.range, 'hover');
        for (const c of completionsAt(zone, o)) inside(c.replace, 'completion');
        for (const r of selectionRangesAt(zone, o)) inside(r, 'selection');
        for (const l of definitionAt(zone, o)) if (l.file === 0) inside(l, 'definition');
        for (const l of referencesAt(zone, o)) if (l.file === 0) inside(l, 'reference');
        const p = prepareRenameAt(zone, o);
        if (p) {
          inside(p.range, 'prepareRename');
          const r = renameAt(zone, o, 'renamed-name');
          if ('edits' in r) for (const e of r.edits) if (!e.file) inside(e, 'rename');
        }
        calls++;
      }
    }
  }
  assert.ok(calls > 1000);
});
