import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTagList } from '../../server/src/language/mail/tagList';
import { charStrings } from './source';

/**
 * Property: for any well-formed tag list, written with arbitrary white space and cut into
 * character-strings at arbitrary points, the parser returns the tags as written and every
 * range points at exactly those characters of the source (with the quotes between strings
 * being the only extra characters inside a range).
 */

const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/);
// VALCHAR without `"` and `\` (so the source needs no escapes) and a few inner spaces.
const valueArb = fc.stringMatching(/^([!#-:<-\[\]-~]{1,6}( [!#-:<-\[\]-~]{1,4})?)?$/);
const spaceArb = fc.constantFrom('', ' ', '  ', '\t');

const recordArb = fc
  .uniqueArray(fc.record({ name: nameArb, value: valueArb, s1: spaceArb, s2: spaceArb, s3: spaceArb }), {
    minLength: 1,
    maxLength: 6,
    selector: (t) => t.name,
  })
  .chain((tags) => {
    const text = tags.map((t) => `${t.s1}${t.name}${t.s2}=${t.s3}${t.value}`).join(';');
    return fc.record({
      tags: fc.constant(tags),
      text: fc.constant(text),
      trailing: fc.boolean(),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 4 }),
    });
  });

/** Quote `text` as several strings cut at `cuts`, separated by a space. */
function toSource(text: string, cuts: number[]): string {
  const points = [0, ...cuts.filter((c) => c < text.length).sort((a, b) => a - b), text.length];
  const parts: string[] = [];
  for (let i = 0; i + 1 < points.length; i++) parts.push(`"${text.slice(points[i], points[i + 1])}"`);
  return parts.join(' ');
}

/** Source characters of a range with the string boundaries (`" "`) removed. */
function contentOf(source: string, range: { start: number; end: number }): string {
  return source.slice(range.start, range.end).replace(/" "/g, '');
}

describe('parseTagList properties', () => {
  test('round-trips tags and ranges through arbitrary splitting', () => {
    fc.assert(
      fc.property(recordArb, ({ tags, text, trailing, cuts }) => {
        const full = trailing ? `${text};` : text;
        const source = toSource(full, cuts);
        const parsed = parseTagList(charStrings(source), { code: 'x', recordName: 'record' });
        assert.deepEqual(parsed.findings, []);
        assert.deepEqual(parsed.tags.map((t) => [t.name, t.value]), tags.map((t) => [t.name, t.value]));
        for (const tag of parsed.tags) {
          assert.equal(contentOf(source, tag.nameRange), tag.name);
          assert.equal(contentOf(source, tag.valueRange), tag.value);
          assert.match(contentOf(source, tag.range), new RegExp(`^${escape(tag.name)}\\s*=\\s*${escape(tag.value)}$`));
        }
      }),
      { numRuns: 300 },
    );
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
