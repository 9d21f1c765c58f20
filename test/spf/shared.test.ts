import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SpfParseCache } from '../../server/src/language/spf/shared';
import { parseSpf } from '../../server/src/language/spf/parse';
import type { CharString } from '../../server/src/language/text/charString';
import type { SpfRecord } from '../../server/src/language/spf/types';
import { generateRecords, seededRandom, splitIntoStrings } from './recordGenerator';
import { txtDoc } from './helpers';

/** The strings of `doc` moved `by` characters further into a document. */
function moved(strings: readonly CharString[], by: number): CharString[] {
  return strings.map((s) => ({ ...s, start: s.start + by, end: s.end + by, ...(s.map ? { map: s.map.map((o) => o + by) } : {}) }));
}

/** Which terms the hints name, as indexes, so sharing of term objects can be compared. */
function hintIndexes(r: SpfRecord): Record<string, number | number[] | undefined> {
  const at = (t: unknown) => (t === undefined ? undefined : r.terms.indexOf(t as SpfRecord['terms'][number]));
  return {
    all: at(r.hints.all),
    redirect: at(r.hints.redirect),
    exp: at(r.hints.exp),
    permissiveAll: at(r.hints.permissiveAll),
    termsAfterAll: r.hints.termsAfterAll.map(at) as number[],
    ptrTerms: r.hints.ptrTerms.map(at) as number[],
    pMacroTerms: r.hints.pMacroTerms.map(at) as number[],
  };
}

describe('SpfParseCache', () => {
  test('a record written again elsewhere parses as if parsed afresh, errors and ranges included', () => {
    const rand = seededRandom(7);
    let copies = 0;
    for (const text of generateRecords(400, 11)) {
      const doc = txtDoc(splitIntoStrings(text, rand));
      const cache = new SpfParseCache();
      const first = cache.parse(doc.strings);
      assert.deepEqual(first, parseSpf(doc.strings));
      for (const by of [1, 37, 1000]) {
        const again = moved(doc.strings, by);
        const fromCache = cache.parse(again);
        const fresh = parseSpf(again);
        assert.deepEqual(fromCache, fresh, text);
        assert.deepEqual(hintIndexes(fromCache), hintIndexes(fresh), text);
        if (fromCache !== first) copies++;
      }
    }
    // The generator mostly writes strings without escapes: those are the ones copied.
    assert.ok(copies > 500, `only ${copies} records were copied`);
  });

  test('a copy is a new object: changing one record does not reach the other', () => {
    const doc = txtDoc(['v=spf1 a:mail.example.com -all']);
    const cache = new SpfParseCache();
    const first = cache.parse(doc.strings);
    const second = cache.parse(moved(doc.strings, 10));
    assert.notEqual(second, first);
    assert.notEqual(second.terms[0], first.terms[0]);
    assert.equal(second.terms[0].range.start, first.terms[0].range.start + 10);
    assert.equal(second.hints.all, second.terms[1]);
  });

  test('strings laid out differently are parsed on their own', () => {
    const one = txtDoc(['v=spf1 mx ', '-all']);
    const cache = new SpfParseCache();
    cache.parse(one.strings);
    // Same values, but the second string starts further from the first.
    const spaced = one.strings.map((s, i) => (i === 0 ? s : { ...s, start: s.start + 5, end: s.end + 5 }));
    assert.deepEqual(cache.parse(spaced), parseSpf(spaced));
  });
});
