import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, runFixRounds, selectFixes, MAX_FIX_ROUNDS, type Analysis, type PlannedFix } from '../../server/src/cli/fix';
import { ruleById } from '../../server/src/language/checks';
import { CLEAN_ZONE, cleanup, parseJsonOutput, tempTree, zonelint } from './helpers';

const fix = (rule: string, ...edits: [string, number, number, string][]): PlannedFix => ({ rule, title: rule, edits: edits.map(([p, start, end, newText]) => ({ path: p, start, end, newText })) });

describe('applyEdits', () => {
  test('applies non-overlapping edits at their original offsets', () => {
    assert.equal(applyEdits('abcdef', [{ start: 1, end: 2, newText: 'X' }, { start: 4, end: 4, newText: '+' }, { start: 5, end: 6, newText: '' }]), 'aXcd+e');
  });

  test('gives what applying each edit in turn from the end gives, for any disjoint or touching edits', () => {
    // The definition: each edit applied to the text in turn, the one furthest on first.
    const oneByOne = (text: string, edits: readonly { start: number; end: number; newText: string }[]): string => {
      let out = text;
      for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
      return out;
    };
    const edits = fc.string({ maxLength: 40 }).chain((text) =>
      fc
        .array(fc.tuple(fc.nat(text.length), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 8 })
        .map((raw) => {
          // Disjoint (touching allowed): keep each edit that starts at or after the end of every kept edit before it in position order.
          const sorted = raw.map(([s, len, t]) => ({ start: s, end: Math.min(text.length, s + len), newText: t })).sort((a, b) => a.start - b.start || a.end - b.end);
          const kept: { start: number; end: number; newText: string }[] = [];
          for (const e of sorted) if (kept.every((k) => e.start >= k.end || (e.start === e.end && e.start === k.start && k.start === k.end))) kept.push(e);
          return { text, edits: fc.sample(fc.shuffledSubarray(kept, { minLength: kept.length, maxLength: kept.length }), 1)[0] };
        }),
    );
    fc.assert(fc.property(edits, ({ text, edits: es }) => assert.equal(applyEdits(text, es), oneByOne(text, es))), { numRuns: 2000 });
  });
});

describe('selectFixes', () => {
  const texts = new Map([['f', 'www.example.com'], ['g', 'mail']]);

  test('keeps fixes that do not overlap, in position order, all or nothing', () => {
    const chosen = selectFixes([fix('r2', ['f', 4, 11, 'EXAMPLE']), fix('r1', ['f', 0, 3, 'web']), fix('r3', ['f', 8, 15, 'x'], ['g', 0, 4, 'mx'])], texts);
    assert.deepEqual(chosen.map((c) => c.rule), ['r1', 'r2'], 'r3 overlaps r2 and is dropped whole, including its edit in g');
  });

  test('drops no-op edits, out-of-range edits and unknown files', () => {
    assert.deepEqual(selectFixes([fix('same', ['g', 0, 4, 'mail'])], texts), []);
    assert.deepEqual(selectFixes([fix('range', ['g', 2, 9, 'x'])], texts), []);
    assert.deepEqual(selectFixes([fix('nofile', ['nope', 0, 0, 'x'])], texts), []);
  });

  test('two insertions at the same offset conflict; an insertion at the edge of a replacement does not', () => {
    assert.deepEqual(selectFixes([fix('a', ['g', 4, 4, '.']), fix('b', ['g', 4, 4, '!'])], texts).map((c) => c.rule), ['a']);
    assert.deepEqual(selectFixes([fix('a', ['g', 0, 4, 'mx']), fix('b', ['g', 4, 4, '.'])], texts).map((c) => c.rule), ['a', 'b']);
    assert.deepEqual(selectFixes([fix('a', ['g', 0, 4, 'mx']), fix('b', ['g', 2, 2, '.'])], texts).map((c) => c.rule), ['a']);
  });
});

describe('runFixRounds', () => {
  /** A toy linter: every `foo` without a following dot gets the dot; `a` becomes `b`, `b` becomes `c`. */
  function toyAnalyze(disk: Map<string, string>): (overlay: ReadonlyMap<string, string>) => Analysis {
    return (overlay) => {
      const seen = new Map<string, string>();
      const fixes: PlannedFix[] = [];
      for (const [p, original] of disk) {
        const text = overlay.get(p) ?? original;
        seen.set(p, text);
        for (const m of text.matchAll(/foo(?!\.)/g)) fixes.push(fix('dot', [p, m.index! + 3, m.index! + 3, '.']));
        for (const m of text.matchAll(/[ab]/g)) fixes.push(fix('next', [p, m.index!, m.index! + 1, m[0] === 'a' ? 'b' : 'c']));
      }
      return { fixes, seen };
    };
  }

  test('repeats until nothing is left to fix and reports what changed', () => {
    const disk = new Map([['one', 'foo foo. a'], ['two', 'nothing here']]);
    const r = runFixRounds(toyAnalyze(disk));
    assert.equal(r.texts.get('one'), 'foo. foo. c');
    assert.equal(r.texts.get('two'), 'nothing here');
    assert.deepEqual(r.changed, ['one']);
    assert.equal(r.rounds, 2, 'a -> b in round one, b -> c in round two');
    assert.equal(r.applied, 3);
  });

  test(`stops after ${MAX_FIX_ROUNDS} rounds even when fixes keep coming`, () => {
    const r = runFixRounds((overlay) => {
      const text = overlay.get('f') ?? '';
      return { fixes: [fix('grow', ['f', 0, 0, 'x'])], seen: new Map([['f', text]]) };
    });
    assert.equal(r.rounds, MAX_FIX_ROUNDS);
    assert.equal(r.texts.get('f'), 'x'.repeat(MAX_FIX_ROUNDS));
  });
});

describe('zonelint --fix', () => {
  const dir = tempTree();
  after(() => cleanup(dir));
  const RULE = 'name-missing-trailing-dot';

  test(`applies the preferred fix of ${RULE} in place`, (t) => {
    const rule = ruleById(RULE);
    if (!rule?.fixes) {
      t.skip(`rule ${RULE} (with fixes) does not exist yet`);
      return;
    }
    const file = path.join(dir, 'example.com.zone');
    const inc = path.join(dir, 'hosts.inc');
    // `mail.example.com` without its trailing dot becomes mail.example.com.example.com.
    fs.writeFileSync(file, CLEAN_ZONE + 'relay   IN MX  20 mail.example.com\n$INCLUDE hosts.inc\n');
    fs.writeFileSync(inc, 'web     IN CNAME www.example.com\n');
    const before = parseJsonOutput(zonelint(['--format', 'json', file], dir).stdout).filter((f) => f.rule === RULE);
    assert.deepEqual(before.map((f) => f.file), ['example.com.zone', 'hosts.inc'], `${RULE} is reported before --fix, in the zone and in the included file`);
    const r = zonelint(['--fix', '--format', 'json', file], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(fs.readFileSync(file, 'utf8'), /\nrelay {3}IN MX {2}20 mail\.example\.com\.\n\$INCLUDE hosts\.inc\n$/);
    assert.equal(fs.readFileSync(inc, 'utf8'), 'web     IN CNAME www.example.com.\n');
    assert.ok(!parseJsonOutput(r.stdout).some((f) => f.rule === RULE), 'the findings are gone after --fix');
    assert.match(r.stderr, /\d+ fixes applied in 2 files/);
    // Nothing left to fix: a second run changes nothing.
    const again = zonelint(['--fix', file], dir);
    assert.doesNotMatch(again.stdout, /applied/);
    assert.match(fs.readFileSync(file, 'utf8'), /mail\.example\.com\.\n/);
  });
});
