/**
 * Features that find lines read them as the lexer does (text/lineBreaks.ts): LF, CRLF or a lone CR
 * ends a line, and a comment runs on past a lone CR to the next LF. Each case here failed while
 * they looked for LF only: "Sort records" took a lone-CR file for one line and refused it,
 * completion after a lone CR read the line before, and the origin guess skipped the whole file
 * after a first `$TTL` line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/language/languageService';
import { sortRecords } from '../../server/src/language/features/sortRecords';
import { completionContext } from '../../server/src/language/features/completionContext';
import { applyEdits } from '../../server/src/language/features/codeActions';
import { guessOrigin } from '../../server/src/language/origin';

const zoneOf = (text: string) => parseDocument({ text, origin: 'example.com.', fileName: 'test.zone' });

/** Each record as `owner type rdata`, sorted: what sorting must keep. */
const recordSet = (text: string) => zoneOf(text).records.map((r) => `${r.owner} ${r.type} ${JSON.stringify(text.slice(r.rdataStart, r.rdataEnd))}`).sort();

function sorted(text: string): string | null {
  const edit = sortRecords(zoneOf(text));
  return edit && applyEdits(text, [edit]);
}

describe('sort records in a file with lone-CR line breaks', () => {
  test('sorts, keeping the lone CRs, the blank line between groups and a multi-line record whole', () => {
    const text = ['$TTL 1h', 'www IN A 192.0.2.2', '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h', '', 'mail IN A 192.0.2.25', '@ IN NS ns1', 'b IN TXT ( "one"', '  "two" )', ''].join('\r');
    const want = ['$TTL 1h', '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h', '@ IN NS ns1', '', 'b IN TXT ( "one"', '  "two" )', '', 'mail IN A 192.0.2.25', '', 'www IN A 192.0.2.2', ''].join('\r');
    const got = sorted(text);
    assert.equal(got, want);
    assert.deepEqual(recordSet(got!), recordSet(text));
    assert.equal(sorted(want), null, 'already sorted: no action');
  });

  test('a comment that runs past a lone CR moves with its record, and keeps the LF that ends it', () => {
    const text = '$TTL 1h\rwww IN A 192.0.2.2 ; web\r still the comment\n@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\ra IN A 192.0.2.1';
    const got = sorted(text);
    assert.equal(got, '$TTL 1h\r@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\ra IN A 192.0.2.1\rwww IN A 192.0.2.2 ; web\r still the comment\n');
    assert.deepEqual(recordSet(got!), recordSet(text));
  });

  test('the last record of a lone-CR file, moved up, is followed by a line break that ends a comment on it', () => {
    const text = '$TTL 1h\r@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\rwww IN A 192.0.2.2\ra IN A 192.0.2.1 ; last';
    const got = sorted(text);
    assert.equal(got, '$TTL 1h\r@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h\ra IN A 192.0.2.1 ; last\nwww IN A 192.0.2.2\r');
    assert.deepEqual(recordSet(got!), recordSet(text));
  });
});

describe('completion context after a lone CR', () => {
  test('the start of a new line, not the rdata of the line before', () => {
    const text = '$TTL 1h\r@ IN A 192.0.2.1\rw';
    assert.deepEqual(completionContext(zoneOf(text), text.length), { kind: 'line-start', word: 'w', replace: { start: text.length - 1, end: text.length } });
    assert.equal(completionContext(zoneOf(text), text.length - 1).kind, 'line-start');
  });

  test('the header positions of a record on a line after a lone CR', () => {
    const text = '$TTL 1h\r@ IN A 192.0.2.1\rwww ';
    const c = completionContext(zoneOf(text), text.length);
    assert.equal(c.kind, 'header');
  });
});

describe('origin guess with lone-CR line breaks', () => {
  test('finds the $ORIGIN after a $TTL line', () => {
    assert.equal(guessOrigin('$TTL 1h\r$ORIGIN example.org.\r@ SOA ns h 1 2 3 4 5\r', undefined), 'example.org.');
  });

  test('finds an absolute SOA owner after a $TTL line', () => {
    assert.equal(guessOrigin('$TTL 1h\rexample.net. IN SOA ns h 1 2 3 4 5\r', undefined), 'example.net.');
  });

  test('a $ORIGIN inside a comment that runs past a lone CR is no $ORIGIN', () => {
    assert.equal(guessOrigin('; note\r$ORIGIN example.org.\n@ SOA ns h 1 2 3 4 5\n', 'example.com.zone'), 'example.com.');
  });

  test('a backslash escapes the CR of a CRLF but not a lone CR', () => {
    assert.equal(guessOrigin('$TTL 1h\\\r$ORIGIN example.org.\r', undefined), 'example.org.');
  });
});
