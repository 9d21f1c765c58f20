/**
 * Incremental parsing (server/src/language/parser/incremental.ts) must give exactly what a whole
 * parse of the new text gives: records with every range and field, directives, diagnostics,
 * comments, parentheses and the origin. Random edits (fast-check) on a generated 3 000-record
 * zone and on fuzzed small zones, one at a time and in chains, compared with a fresh parse; and
 * the line index made from the previous one and the change (LineIndex.afterChange), and the
 * name index taken over from the previous zone (Zone.adoptNameIndex).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { parseDocument, reparseDocument, type Zone } from '../../server/src/language/languageService';
import { generateZone } from '../bench/zoneGenerator';
import { anyZoneText } from '../fuzz/zoneText';
import { fuzzParams } from '../fuzz/config';
import { LineIndex } from '../../server/src/language/text/lineIndex';

const FILE = '/zones/example.com.zone';

/** Everything a parse yields, in a form deepEqual compares (checkpoints may sit elsewhere). */
function view(z: Zone): unknown {
  const p = z.parse;
  return {
    origin: z.origin,
    records: p.records,
    directives: p.directives,
    diagnostics: p.diagnostics,
    comments: Array.from(p.comments.subarray(0, 2 * p.commentCount)),
    parens: p.parens,
  };
}

/** The name index as sorted [owner, record starts in list order] pairs. */
function nameIndexView(z: Zone): [string, number[]][] {
  return [...z.byName].map(([owner, list]): [string, number[]] => [owner, list.map((r) => r.start)]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function lineStarts(l: LineIndex): number[] {
  return Array.from({ length: l.lineCount }, (_, i) => l.lineStart(i));
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Snippets that change structure as well as content. */
const PIECES = ['\n', '\r', '\r\n', ' ', '\t', '(', ')', '"', ';', '\\', '$TTL 300\n', '$ORIGIN sub\n', '$TTL 1h', 'www', 'mail', '@', 'IN', 'A', 'MX 10', 'TXT', '192.0.2.9', '3600', '"v=spf1 -all"', '$GENERATE 1-3 h$ A 192.0.2.$\n', 'x.example.com.', 'SOA ns h 1 2 3 4 5', '; note\r', 'ns1 NS ns.example.net.\n'];

function editArb(maxAt: number): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.nat({ max: maxAt }),
    remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 80 })),
    insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((a) => a.join('')), fc.string({ maxLength: 6 })),
  });
}

function checkChain(base: string, edits: Edit[]): { incremental: number } {
  let text = base;
  let zone = parseDocument({ text, fileName: FILE });
  let lines = new LineIndex(text);
  let incremental = 0;
  for (const e of edits) {
    text = apply(text, e);
    void zone.byName; // built, so that the new zone takes it over (Zone.adoptNameIndex)
    const r = reparseDocument(zone, { text, fileName: FILE });
    if (r.incremental && r.change) incremental++;
    const fresh = parseDocument({ text, fileName: FILE });
    assert.deepEqual(view(r.zone), view(fresh), `after edit ${JSON.stringify(e)}`);
    assert.deepEqual(nameIndexView(r.zone), nameIndexView(fresh), `name index after edit ${JSON.stringify(e)}`);
    zone = r.zone;
    // The line index made from the previous one and the change equals one made from scratch.
    if (r.change) lines = LineIndex.afterChange(lines, text, r.change.start, r.change.oldEnd, r.change.newEnd);
    assert.deepEqual(lineStarts(lines), lineStarts(new LineIndex(text)), `line starts after edit ${JSON.stringify(e)}`);
  }
  return { incremental };
}

describe('incremental parsing gives what a whole parse gives', () => {
  const big = generateZone(3000).text;

  test('single random edits on a generated 3 000-record zone', () => {
    let incremental = 0;
    fc.assert(
      fc.property(editArb(big.length), (e) => {
        incremental += checkChain(big, [e]).incremental;
      }),
      fuzzParams(150),
    );
    // Most random edits must take the incremental path, or this test proves nothing about it.
    assert.ok(incremental > 75, `only ${incremental} of 150 edits were parsed incrementally`);
  });

  test('chains of edits (checkpoints stay right after splicing)', () => {
    fc.assert(
      fc.property(fc.array(editArb(big.length), { minLength: 2, maxLength: 12 }), (edits) => {
        checkChain(big, edits);
      }),
      fuzzParams(40, 4),
    );
  });

  test('edits of fuzzed small zones with CR, CRLF, parentheses and directives', () => {
    fc.assert(
      fc.property(anyZoneText(40), fc.array(editArb(2000), { minLength: 1, maxLength: 6 }), (text, edits) => {
        checkChain(text, edits);
      }),
      fuzzParams(200),
    );
  });

  test('typing a record line by line, as an editor sends it', () => {
    const line = 'newhost 300 IN A 192.0.2.77\n';
    const at = big.indexOf('\n', Math.floor(big.length / 2)) + 1;
    const edits: Edit[] = [...line].map((ch, i) => ({ at: at + i, remove: 0, insert: ch }));
    const { incremental } = checkChain(big, edits);
    assert.equal(incremental, edits.length);
  });

  test('a comment that reaches a lone CR just before a checkpoint runs on into the next line', () => {
    const cps = parseDocument({ text: big, fileName: FILE }).parse.checkpoints;
    assert.ok(cps.length > 10);
    // Lone CRs end the lines before some checkpoints (same offsets, same entries).
    let base = big;
    for (const cp of cps.slice(1, 8)) {
      assert.equal(big[cp.offset - 1], '\n');
      base = base.slice(0, cp.offset - 1) + '\r' + base.slice(cp.offset);
    }
    for (const cp of cps.slice(1, 8)) {
      // A `;` late on that line makes a comment that, in the whole text, swallows the checkpoint's line.
      checkChain(base, [{ at: cp.offset - 2, remove: 0, insert: ' ;' }]);
    }
  });

  test('a changed $TTL near the top reaches every later record (whole parse)', () => {
    const text = big.replace(/^\$TTL\s+\S+/m, '$TTL 999');
    assert.notEqual(text, big);
    const r = reparseDocument(parseDocument({ text: big, fileName: FILE }), { text, fileName: FILE });
    assert.deepEqual(view(r.zone), view(parseDocument({ text, fileName: FILE })));
  });

  test('records carried into later versions do not keep earlier texts alive', () => {
    // With a slice of the document as the stretch's text, every name taken from it kept that
    // version's whole text alive (records move on into later versions): 4 MB per edit on a
    // 100 000-record zone. Twenty edits of a 1.3 MB text would then keep ~26 MB.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    let text = generateZone(30000).text;
    const size = text.length;
    let zone = parseDocument({ text, fileName: FILE });
    gc();
    const before = v8.getHeapStatistics().used_heap_size;
    for (let i = 0; i < 20; i++) {
      const at = text.indexOf('\n', Math.floor((text.length * ((i * 7) % 20)) / 20)) + 1;
      // As an editor's text document does it: the old text around the change, joined anew.
      text = text.slice(0, at) + `v${i} A 192.0.2.${i + 1}\n` + text.slice(at);
      const r = reparseDocument(zone, { text, fileName: FILE });
      assert.equal(r.incremental, true);
      zone = r.zone;
    }
    gc();
    const grown = v8.getHeapStatistics().used_heap_size - before;
    assert.ok(grown < 5 * size, `the heap grew by ${grown} bytes over 20 versions of a ${size}-character text`);
  });

  test('an unchanged text gives back the same zone', () => {
    const zone = parseDocument({ text: big, fileName: FILE });
    const r = reparseDocument(zone, { text: big, fileName: FILE });
    assert.equal(r.zone, zone);
    assert.equal(r.change, null);
  });
});
