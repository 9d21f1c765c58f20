/**
 * The shared notion of a line break (server/src/language/text/lineBreaks.ts) on arbitrary zone
 * text: its physical lines are LineIndex's (LF, CRLF, lone CR), and a line inserted where it
 * says a code line starts is read by the lexer and parser as a record of its own, comments that
 * run past a lone CR included. The quick fixes and suppression fixes that insert lines rely on
 * both.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument } from '../../server/src/language/languageService';
import { LineIndex } from '../../server/src/language/text/lineIndex';
import { codeLineEnd, codeLineStart, lineBreakToAppend, lineStartOf, nextLineStart, startsCodeLine } from '../../server/src/language/text/lineBreaks';
import { anyZoneText, ORIGIN } from './zoneText';
import { fuzzParams } from './config';
import { show } from './invariants';

const parse = (text: string) => parseDocument({ text, origin: ORIGIN, fileName: 'file:///zones/example.com.zone' });
const betweenCrAndLf = (text: string, o: number) => text.charCodeAt(o - 1) === 0x0d && text.charCodeAt(o) === 0x0a;
const INSERTED = 'zz-inserted A 192.0.2.99';

/** Whether `offset` lies inside a parenthesised group (where a line break is blank space). */
function insideGroup(parens: readonly number[], offset: number): boolean {
  for (let i = 0; i < parens.length; i += 2) if (parens[i] < offset && (parens[i + 1] < 0 || offset <= parens[i + 1])) return true;
  return false;
}

describe('one notion of a line break', () => {
  test('physical lines are the lines of LineIndex', () => {
    fc.assert(
      fc.property(anyZoneText(12), (text) => {
        const lines = new LineIndex(text);
        for (let o = 0; o <= text.length; o++) {
          if (betweenCrAndLf(text, o)) continue;
          const line = lines.lineOf(o);
          assert.equal(lineStartOf(text, o), lines.lineStart(line), `line start of ${o} in ${show(text)}`);
          const next = nextLineStart(text, o);
          assert.equal(next, line + 1 < lines.lineCount ? lines.lineStart(line + 1) : -1, `next line start after ${o} in ${show(text)}`);
        }
      }),
      fuzzParams(300),
    );
  });

  test('a record inserted at a code line start is read as a record of its own, and every other record stays', () => {
    fc.assert(
      fc.property(anyZoneText(12, false), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (text, picks) => {
        const zone = parse(text);
        // Generated records all start at their $GENERATE: records written out are compared.
        const own = zone.records.filter((r) => r.file === 0 && !r.generated);
        for (const pick of picks) {
          const start = codeLineStart(text, zone.parse, pick % (text.length + 1));
          assert.ok(startsCodeLine(text, zone.parse, start), `codeLineStart ${start} is a code line start in ${show(text)}`);
          // After a byte order mark, as the fixes insert (before it, the BOM would start the next line).
          const o = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
          // Inside parentheses a line break is blank space: inserting a record there is never done.
          if (insideGroup(zone.parse.parens, o)) continue;
          const context = `inserting at ${o} of ${show(text)}`;
          const after = parse(text.slice(0, o) + INSERTED + '\n' + text.slice(o)).records.filter((r) => r.file === 0 && !r.generated);
          const at = new Map(after.map((r) => [r.start, r]));
          assert.equal(at.get(o)?.owner.startsWith('zz-inserted.'), true, `the inserted record: ${context}`);
          const shift = INSERTED.length + 1;
          for (const r of own) {
            // A later line that starts with blank space inherits the inserted owner (RFC 1035 §5.1),
            // which may even make a record of a line that had no owner to inherit: only its
            // place and type are compared.
            const moved = at.get(r.start < o ? r.start : r.start + shift);
            assert.equal(moved?.type, r.type, `the ${r.type} record at ${r.start} is gone: ${context}`);
            if (r.start < o || r.ownerStart >= 0) assert.equal(moved.owner, r.owner, `the owner of the record at ${r.start} changed: ${context}`);
          }
        }
      }),
      fuzzParams(300),
    );
  });

  test('the line after the one holding an offset starts a code line; appending after the text makes a line of its own', () => {
    fc.assert(
      fc.property(anyZoneText(12, false), fc.nat(), (text, pick) => {
        const zone = parse(text);
        const end = codeLineEnd(text, zone.parse, pick % (text.length + 1));
        if (end < text.length) assert.ok(startsCodeLine(text, zone.parse, end), `codeLineEnd ${end} of ${show(text)}`);
        if (insideGroup(zone.parse.parens, text.length)) return;
        const at = text.length + (startsCodeLine(text, zone.parse, text.length) ? '' : lineBreakToAppend(text)).length;
        const appended = text + (startsCodeLine(text, zone.parse, text.length) ? '' : lineBreakToAppend(text)) + INSERTED + '\n';
        const inserted = parse(appended).records.filter((r) => r.start === at && r.owner.startsWith('zz-inserted.') && r.type === 'A');
        assert.equal(inserted.length, 1, `record appended to ${show(text)}`);
      }),
      fuzzParams(300),
    );
  });
});
