/**
 * Deleting a last record that has no line break after it (duplicate-record's fix, and the
 * spf-multiple-records merge, both through deleteRecordEdit) takes the line break before it, so
 * the file keeps its last line unterminated: the whole CRLF, and none where that would change the
 * line before (a backslash escaping the CR of a CRLF) or where that line is a directive, read as
 * the lexer reads lines. The merge of two adjacent records gives one edit where its rewrite and
 * its deletion would touch.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, editsOverlap, ruleFixes } from '../../../server/src/language/features/codeActions';
import { applyTextEdits } from '../../../server/src/language/features/format/format';
import { applyFirstFix, lint, records, syntaxCodes } from '../../fuzz/fixHarness';

describe('duplicate-record removes a last record without a line break', () => {
  test('with the whole CRLF before it, not only its LF', () => {
    assert.equal(applyFirstFix('@ TXT b\r\n@ TXT b', 'duplicate-record'), '@ TXT b');
    assert.equal(applyFirstFix('@ TXT b\rx TXT a\r@ TXT b', 'duplicate-record'), '@ TXT b\rx TXT a');
  });

  test('keeping the CRLF whose CR a backslash escapes, so the record before keeps its data', () => {
    const text = '@ TXT b\r\nx TXT a\\\r\n@ TXT b';
    const fixed = applyFirstFix(text, 'duplicate-record')!;
    assert.equal(fixed, '@ TXT b\r\nx TXT a\\\r\n');
    assert.deepEqual(records(fixed), records(text).slice(0, 2));
    assert.deepEqual(syntaxCodes(fixed), syntaxCodes(text));
  });

  test('an even run of backslashes escapes nothing of the CRLF: it goes with the record', () => {
    assert.equal(applyFirstFix('@ TXT b\r\nx TXT a\\\\\r\n@ TXT b', 'duplicate-record'), '@ TXT b\r\nx TXT a\\\\');
  });

  test('keeping the line break of a directive whose comment runs past a lone CR', () => {
    const text = '@ TXT b\n$TTL 1h ; c\r still the comment\n@ TXT b';
    const fixed = applyFirstFix(text, 'duplicate-record')!;
    assert.equal(fixed, '@ TXT b\n$TTL 1h ; c\r still the comment\n');
    assert.deepEqual(syntaxCodes(fixed), syntaxCodes(text));
  });

  test('a record after one whose comment runs past a lone CR is on the line right after it', () => {
    // The next line inherits the owner; it stays @ once the copy is gone, so the fix is offered.
    const text = '@ TXT b ; c\r still the comment\n@ TXT b\n  TXT z\n';
    const fixed = applyFirstFix(text, 'duplicate-record');
    assert.equal(fixed, '@ TXT b ; c\r still the comment\n  TXT z\n');
    assert.deepEqual(records(fixed!), [records(text)[0], records(text)[2]]);
  });
});

describe('spf-multiple-records merge of two adjacent records', () => {
  const mergeOf = (text: string) => {
    const l = lint(text);
    const d = l.diagnostics.find((x) => x.code === 'spf-multiple-records')!;
    return ruleFixes(d, l.zone, l.ws)[0];
  };

  test('the second on a last line without a line break: one edit, the merged record alone', () => {
    const text = '@ TXT "v=spf1 a -all"\n@ TXT "v=spf1 mx -all"';
    const merge = mergeOf(text);
    assert.equal(merge.edits.length, 1, JSON.stringify(merge.edits));
    const fixed = applyEdits(text, merge.edits);
    assert.equal(fixed, '@ TXT "v=spf1 a mx -all"');
    assert.equal(lint(fixed).diagnostics.filter((x) => x.code === 'spf-multiple-records').length, 0);
  });

  test('with a line break after the second: two edits that do not touch', () => {
    const text = '@ TXT "v=spf1 a -all"\n@ TXT "v=spf1 mx -all"\n';
    const merge = mergeOf(text);
    assert.equal(merge.edits.length, 2);
    assert.ok(!editsOverlap(merge.edits[0], merge.edits[1]));
    assert.equal(applyEdits(text, merge.edits), '@ TXT "v=spf1 a mx -all"\n');
  });
});

describe('touching edits', () => {
  // editsOverlap is right to count a deletion that touches another edit as a conflict between
  // fixes (fix-all); edits of one fix may still touch, and both appliers must then agree.
  test('a deletion touching a replacement conflicts; two replacements that touch do not', () => {
    assert.ok(editsOverlap({ start: 0, end: 3, newText: 'x' }, { start: 3, end: 5, newText: '' }));
    assert.ok(!editsOverlap({ start: 0, end: 3, newText: 'x' }, { start: 3, end: 5, newText: 'y' }));
  });

  test('an insertion and a replacement at one offset apply in one order whichever applier, in any array order', () => {
    const insert = { start: 2, end: 2, newText: 'I' };
    const replace = { start: 2, end: 4, newText: 'R' };
    for (const edits of [[insert, replace], [replace, insert]]) {
      assert.equal(applyEdits('abcdef', edits), 'abIRef');
      assert.equal(applyTextEdits('abcdef', edits), 'abIRef');
    }
  });
});
