import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTag, parseTagList, splitTagValue, type TagListOptions } from '../../server/src/language/mail/tagList';
import { brief, charStrings, expected, span, within } from './source';

const OPTIONS: TagListOptions = { code: 'test-syntax', recordName: 'test record' };
const parse = (src: string, options = OPTIONS) => parseTagList(charStrings(src), options);

describe('parseTagList', () => {
  test('gives names, values and exact ranges for each tag', () => {
    const src = '"v=DKIM1; k=rsa; p=abc"';
    const { tags, findings } = parse(src);
    assert.deepEqual(findings, []);
    assert.deepEqual(tags.map((t) => [t.name, t.value, t.position]), [['v', 'DKIM1', 0], ['k', 'rsa', 1], ['p', 'abc', 2]]);
    assert.deepEqual(tags[1].nameRange, within(src, 'k=rsa', 'k'));
    assert.deepEqual(tags[1].valueRange, within(src, 'k=rsa', 'rsa'));
    assert.deepEqual(tags[1].range, span(src, 'k=rsa'));
  });

  test('allows white space around names, `=` and values, and keeps inner white space in the value', () => {
    const src = '"  v = DKIM1 ;\tn = two  words ; "';
    const { tags, findings } = parse(src);
    assert.deepEqual(findings, []);
    assert.equal(tags[1].value, 'two  words');
    assert.deepEqual(tags[1].valueRange, span(src, 'two  words'));
    assert.deepEqual(tags[1].range, span(src, 'n = two  words'));
    assert.deepEqual(tags[0].nameRange, span(src, 'v'));
  });

  test('accepts a trailing `;` and an empty record', () => {
    assert.deepEqual(parse('"a=1;"').findings, []);
    assert.deepEqual(parse('"a=1;  "').findings, []);
    const empty = parse('""');
    assert.deepEqual(empty.tags, []);
    assert.deepEqual(empty.findings, []);
  });

  test('an empty value gets an empty range just after `=`', () => {
    const src = '"p= ; q=x"';
    const p = findTag(parse(src).tags, 'p')!;
    assert.equal(p.value, '');
    const eq = span(src, '=');
    assert.deepEqual(p.valueRange, { start: eq.end, end: eq.end });
    assert.deepEqual(p.range, span(src, 'p='));
  });

  test('reports a doubled `;` at the extra separator', () => {
    const src = '"a=1;; b=2"';
    const { tags, findings } = parse(src);
    assert.deepEqual(brief(findings), [expected('test-syntax', 'warning', span(src, ';', 1))]);
    assert.deepEqual(tags.map((t) => t.position), [0, 1]);
  });

  test('reports a tag-spec without `=`', () => {
    const src = '"a=1; oops ; b=2"';
    const { tags, findings } = parse(src);
    assert.deepEqual(brief(findings), [expected('test-syntax', 'error', span(src, 'oops'))]);
    assert.deepEqual(tags.map((t) => t.name), ['a', 'b']);
    assert.equal(tags[1].position, 2, 'the bad spec still counts for position');
  });

  test('reports a missing name and an invalid name', () => {
    const src = '"=1; 9a=2; a-b=3; ok_1=4"';
    const { tags, findings } = parse(src);
    assert.deepEqual(brief(findings), [
      expected('test-syntax', 'error', span(src, '=')),
      expected('test-syntax', 'error', span(src, '9a')),
      expected('test-syntax', 'error', span(src, 'a-b')),
    ]);
    assert.deepEqual(tags.map((t) => t.name), ['ok_1']);
  });

  test('a custom name pattern accepts what the record grammar allows', () => {
    const src = '"9a=2; a-b.c=3"';
    const { findings } = parse(src, { ...OPTIONS, namePattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/ });
    assert.deepEqual(findings, []);
  });

  test('reports duplicates on the later name, case-sensitively unless asked', () => {
    const src = '"p=1; P=2; p=3"';
    const sensitive = parse(src);
    assert.deepEqual(brief(sensitive.findings), [expected('test-syntax', 'error', span(src, 'p', 1))]);
    assert.deepEqual(sensitive.tags.map((t) => t.duplicate), [false, false, true]);
    const insensitive = parse(src, { ...OPTIONS, caseInsensitiveNames: true });
    assert.deepEqual(brief(insensitive.findings), [
      expected('test-syntax', 'error', span(src, 'P')),
      expected('test-syntax', 'error', span(src, 'p', 1)),
    ]);
    assert.equal(findTag(insensitive.tags, 'P', true)!.value, '1');
  });

  test('reports a non-printable character in a value at its exact (escaped) position', () => {
    const src = '"a=x\\007y; b=caf\\233"';
    const { findings } = parse(src);
    assert.deepEqual(brief(findings), [
      expected('test-syntax', 'error', span(src, '\\007')),
      expected('test-syntax', 'error', span(src, '\\233')),
    ]);
  });

  test('tags split across strings are joined with nothing in between, ranges stay in the document', () => {
    const src = '"v=DK" "IM1; p=ab" \t "cd"';
    const { tags, findings } = parse(src);
    assert.deepEqual(findings, []);
    assert.deepEqual(tags.map((t) => [t.name, t.value]), [['v', 'DKIM1'], ['p', 'abcd']]);
    const p = tags[1];
    assert.deepEqual(p.valueRange, { start: span(src, 'ab').start, end: span(src, 'cd').end });
    assert.deepEqual(tags[0].valueRange, { start: span(src, 'DK').start, end: span(src, 'IM1').end });
  });

  test('an escaped `;` inside a string still separates tags (it is a `;` after decoding)', () => {
    const src = '"a=1\\059b=2"';
    const { tags } = parse(src);
    assert.deepEqual(tags.map((t) => [t.name, t.value]), [['a', '1'], ['b', '2']]);
    assert.deepEqual(tags[1].range, span(src, 'b=2'));
  });

  test('splitTagValue trims items and keeps empty ones', () => {
    const src = '"h=sha1 : sha256::x"';
    const tag = parse(src).tags[0];
    const items = splitTagValue(tag, ':');
    assert.deepEqual(items.map((i) => i.value), ['sha1', 'sha256', '', 'x']);
    const text = parse(src).text;
    assert.deepEqual(text.rangeOf(items[1].index, items[1].end), span(src, 'sha256'));
  });
});
