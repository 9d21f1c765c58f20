/**
 * A directive must be ended by a line break (BIND 9.18 refuses one on a last line without one:
 * "extra input text"). A line break is LF, CRLF or a lone CR, but a comment runs on past a lone CR
 * to the next LF. The expected answers are what `named-checkzone -i local` (BIND 9.18) said about
 * each tail after a valid SOA/NS/A head; the incremental parser must agree with a whole parse
 * when an edit adds or removes the break.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, reparseDocument, type Zone } from '../../server/src/language/languageService';

const HEAD = '$TTL 3600\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
const FILE = '/zones/example.com.zone';

const refused = (text: string): boolean =>
  parseDocument({ text, origin: 'example.com.' }).parseDiagnostics.some((d) => d.code === 'syntax-error' && d.message.includes('does not end with a line break'));

describe('a directive on the last line needs a line break after it, as BIND reads line breaks', () => {
  const accepted = [
    '$ORIGIN x.example.com.\r',
    '$ORIGIN x.example.com.\r@ TXT word',
    '$ORIGIN x.example.com.\r\n',
    '$ORIGIN x.example.com.\n',
    '$ORIGIN x.example.com. ; c\r\n',
    '$ORIGIN ( x.example.com.\r)\r',
    '$TTL 5\r; c',
    '$TTL 5 ; c\rfoo\n',
    '$TTL 5 (\r)\r',
  ];
  const refusedTails = [
    '$ORIGIN x.example.com.',
    '$ORIGIN x.example.com. ; c\r',
    '$TTL 5 ;\r',
    // The break inside the parentheses does not end the directive.
    '$ORIGIN ( x.example.com.\r)',
  ];

  for (const tail of accepted) {
    test(`accepted: ${JSON.stringify(tail)}`, () => assert.equal(refused(HEAD + tail), false));
  }
  for (const tail of refusedTails) {
    test(`refused: ${JSON.stringify(tail)}`, () => assert.equal(refused(HEAD + tail), true));
  }

  test('a comment after the directive runs past a lone CR: the LF that ends it is the break', () => {
    assert.equal(refused(`${HEAD}$TTL 5 ; c\r@ TXT word\n`), false); // the comment reaches the LF
    assert.equal(refused(`${HEAD}$TTL 5 ; c`), true);
  });
});

describe('incremental parsing of the break after a directive', () => {
  const view = (z: Zone) => ({ records: z.parse.records, directives: z.parse.directives, diagnostics: z.parse.diagnostics });
  const lines = Array.from({ length: 400 }, (_, i) => `h${i} A 192.0.2.${i % 250}`).join('\r');

  for (const [before, after] of [
    [`${HEAD}${lines}\r$ORIGIN x.example.com.`, `${HEAD}${lines}\r$ORIGIN x.example.com.\r`],
    [`${HEAD}${lines}\r$ORIGIN x.example.com.\r`, `${HEAD}${lines}\r$ORIGIN x.example.com.`],
    [`${HEAD}${lines}\r$ORIGIN x.example.com.\r`, `${HEAD}${lines}\r$ORIGIN x.example.com. ; c\r`],
    [`${HEAD}$ORIGIN x.example.com.\r${lines}`, `${HEAD}$ORIGIN x.example.com.\r${lines}\n`],
  ]) {
    test(`${JSON.stringify(before.slice(-30))} -> ${JSON.stringify(after.slice(-30))}`, () => {
      const r = reparseDocument(parseDocument({ text: before, fileName: FILE }), { text: after, fileName: FILE });
      assert.deepEqual(view(r.zone), view(parseDocument({ text: after, fileName: FILE })));
    });
  }
});
