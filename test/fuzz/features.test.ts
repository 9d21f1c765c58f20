/**
 * The editor features never throw at any offset of an arbitrary document, and what they return
 * points inside the text: hover, completion, selection ranges, definition, references, rename,
 * document symbols, folding, document links and workspace symbols. Every offset is probed for
 * documents up to 2 000 characters, an even spread of 2 000 offsets (plus both ends) above that.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, Workspace, type Zone } from '../../server/src/language/languageService';
import { hoverAt } from '../../server/src/language/features/hover';
import { completionsAt } from '../../server/src/language/features/completion';
import { selectionRangesAt } from '../../server/src/language/features/selectionRanges';
import { definitionAt, referencesAt } from '../../server/src/language/features/navigation';
import { prepareRenameAt, renameAt } from '../../server/src/language/features/rename';
import { documentSymbols, workspaceSymbols } from '../../server/src/language/features/symbols';
import type { ZoneSymbol } from '../../server/src/language/features/types';
import { foldingRanges } from '../../server/src/language/features/folding';
import { documentLinks } from '../../server/src/language/features/documentLinks';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { editsOverlap } from '../../server/src/language/features/codeActions';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { assertRangeInside, show } from './invariants';

const SELF = 'file:///zones/example.com.zone';
const NOW = new Date('2024-06-01T00:00:00Z');

/** Offsets to probe: all of them for small texts, else an even spread with both ends. */
export function probeOffsets(length: number, max = 2000): number[] {
  if (length <= max) return Array.from({ length: length + 1 }, (_, i) => i);
  const out = new Set<number>([0, length]);
  for (let k = 0; k < max; k++) out.add(Math.floor((k * length) / max));
  return [...out].sort((a, b) => a - b);
}

function setup(text: string): { zone: Zone; ws: Workspace } {
  const zone = parseDocument({ text, origin: ORIGIN, fileName: SELF });
  const ws = new Workspace();
  ws.set(SELF, zone);
  ws.set('file:///zones/other.net.zone', parseDocument({ text: '$TTL 1h\n@ SOA ns h 1 2 3 4 5\n  NS ns\nmail A 192.0.2.9\n', origin: 'other.net.' }));
  return { zone, ws };
}

function assertSymbolTree(symbols: readonly ZoneSymbol[], length: number, context: string): void {
  for (const s of symbols) {
    assertRangeInside(s.range, length, `${context}: symbol ${s.name}`);
    assertRangeInside(s.selectionRange, length, `${context}: symbol ${s.name} selection`);
    // LSP clients (VS Code among them) reject a symbol whose selection range is not inside its range.
    assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end, `${context}: symbol ${s.name}: selection ${JSON.stringify(s.selectionRange)} outside ${JSON.stringify(s.range)}`);
    assert.ok(s.name.length > 0, `${context}: symbol with an empty name`);
    assertSymbolTree(s.children, length, context);
  }
}

/** Everything that takes an offset, at `offset`. */
function probe(zone: Zone, ws: Workspace, offset: number, context: string): void {
  const len = zone.text.length;
  const h = hoverAt(zone, offset, ws);
  if (h) {
    assertRangeInside(h.range, len, `${context}: hover`);
    assert.equal(typeof h.markdown, 'string');
  }
  for (const c of completionsAt(zone, offset, NOW)) {
    assertRangeInside(c.replace, len, `${context}: completion ${c.label}`);
    // The replace range must hold the cursor, or clients drop the item.
    assert.ok(c.replace.start <= offset && offset <= c.replace.end, `${context}: completion ${c.label} replaces ${JSON.stringify(c.replace)}, not around the cursor`);
  }
  const sel = selectionRangesAt(zone, offset);
  for (let i = 0; i < sel.length; i++) {
    assertRangeInside(sel[i], len, `${context}: selection range`);
    if (i > 0) assert.ok(sel[i].start <= sel[i - 1].start && sel[i - 1].end <= sel[i].end, `${context}: selection ranges not nested: ${JSON.stringify(sel)}`);
  }
  for (const loc of [...definitionAt(zone, offset, ws, SELF), ...referencesAt(zone, offset, ws, SELF, true)]) {
    const target = loc.uri === undefined || loc.uri === SELF ? zone : ws.get(loc.uri);
    assert.ok(target, `${context}: location in an unknown document ${loc.uri}`);
    assertRangeInside(loc, target.files[loc.file]?.text.length ?? -1, `${context}: location`);
  }
  const prep = prepareRenameAt(zone, offset);
  if (prep) assertRangeInside(prep.range, len, `${context}: prepareRename`);
}

describe('editor features on arbitrary documents', () => {
  test('never throw at any offset, and every range they return is inside the text', () => {
    fc.assert(
      fc.property(anyZoneText(15), (text) => {
        const { zone, ws } = setup(text);
        for (const offset of probeOffsets(text.length)) probe(zone, ws, offset, `offset ${offset} of ${show(text)}`);
        assertSymbolTree(documentSymbols(zone), text.length, show(text));
        const lines = new LineIndex(text);
        const lastLine = lines.lineOf(text.length);
        for (const f of foldingRanges(zone, lines)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine <= lastLine, `folding ${JSON.stringify(f)} of ${show(text)}`);
        for (const l of documentLinks(zone, SELF)) assertRangeInside(l.range, text.length, `document link of ${show(text)}`);
        for (const q of ['', 'mail', 'x', '*', '\\']) workspaceSymbols(ws, q);
      }),
      fuzzParams(100, 20),
    );
  });

  test('rename edits lie inside their documents and never overlap', () => {
    const newName = fc.constantFrom('renamed', 'a.b', 'x.example.com.', '', 'bad name', '*', '\\.');
    fc.assert(
      fc.property(anyZoneText(20), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), newName, (text, picks, name) => {
        const { zone, ws } = setup(text);
        for (const pick of picks) {
          const offset = pick % (text.length + 1);
          const r = renameAt(zone, offset, name, ws, SELF);
          if ('error' in r) {
            assert.equal(typeof r.error, 'string');
            continue;
          }
          const byDoc = new Map<string, typeof r.edits>();
          for (const e of r.edits) {
            const uri = e.uri ?? SELF;
            const target = uri === SELF ? zone : ws.get(uri);
            assert.ok(target, `rename edit in an unknown document ${uri}`);
            assertRangeInside(e, target.files[e.file ?? 0]?.text.length ?? -1, `rename at ${offset} of ${show(text)}`);
            const list = byDoc.get(`${uri}#${e.file ?? 0}`) ?? [];
            for (const o of list) assert.ok(!editsOverlap(o, e), `rename edits overlap: ${JSON.stringify([o, e])} on ${show(text)}`);
            list.push(e);
            byDoc.set(`${uri}#${e.file ?? 0}`, list);
          }
        }
      }),
      fuzzParams(400, 2),
    );
  });
});
