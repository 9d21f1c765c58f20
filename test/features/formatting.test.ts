/**
 * Formatting: exact layouts on small zones, and the safety proof on real files: the formatted
 * text parses to the same records, keeps every token and comment in order, and formatting it
 * again changes nothing.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/language/languageService';
import { formatDocument, applyTextEdits, type FormatOptions } from '../../server/src/language/features/format/format';
import { lex, TokenKind } from '../../server/src/language/parser/lexer';
import { formatOptionsFrom } from '../../server/src/lsp/handlers/formatting';
import { corpusFiles, recordKey, REPO_ROOT, zoneOf } from './helpers';

function format(text: string, options: FormatOptions = {}, origin = 'example.com.', range?: { start: number; end: number }): string {
  const zone = parseDocument({ text, origin, fileName: 'test.zone' });
  return applyTextEdits(text, formatDocument(zone, options, range));
}

/** Tokens (kind and text) and comments (trimmed) in order: what formatting must never change. */
function lexicalContent(text: string): string[] {
  const lx = lex(text);
  const out: string[] = [];
  for (let i = 0; i < lx.tokCount; i++) out.push(`${lx.tokKind[i] === TokenKind.Quoted ? 'Q' : 'W'}${lx.tokenText(i)}`);
  for (let c = 0; c < lx.commentCount; c++) out.push(`C${text.slice(lx.comments[2 * c], lx.comments[2 * c + 1]).trimEnd()}`);
  for (let e = 0; e < lx.entryCount; e++) out.push(`E${lx.entryHasOwner[e]}:${lx.entryLast[e] - lx.entryFirst[e]}`);
  return out;
}

describe('formatting layout', () => {
  test('aligns owner, TTL, class, type and rdata into columns', () => {
    const input = [
      '$ORIGIN example.com.',
      '$TTL   1h',
      '@ IN SOA ns1 hostmaster 1 2h 1h 2w 1h',
      '   IN   NS ns1',
      'ns1 300 IN A 192.0.2.1',
      'mail IN MX 10   mail.example.com.   ; primary',
      '',
      '; a comment line   ',
      'www CNAME @',
    ].join('\n');
    const expected = [
      '$ORIGIN example.com.',
      '$TTL 1h',
      '@        IN SOA   ns1 hostmaster 1 2h 1h 2w 1h',
      '         IN NS    ns1',
      'ns1  300 IN A     192.0.2.1',
      'mail     IN MX    10 mail.example.com. ; primary',
      '',
      '; a comment line',
      'www         CNAME @',
    ].join('\n');
    assert.equal(format(input), expected);
  });

  test('indents continuation lines of a parenthesised record to the rdata column and aligns their comments', () => {
    const input = [
      '@ IN SOA ns1 hostmaster (',
      '  2024010101 ; serial',
      '        3h ; refresh',
      ' ; a note inside',
      '',
      '  1h 1w',
      '  300 )   ; minimum',
      'www IN A 192.0.2.1',
    ].join('\n');
    const expected = [
      '@   IN SOA ns1 hostmaster (',
      '           2024010101 ; serial',
      '           3h         ; refresh',
      '           ; a note inside',
      '',
      '           1h 1w',
      '           300 )      ; minimum',
      'www IN A   192.0.2.1',
    ].join('\n');
    assert.equal(format(input), expected);
  });

  test('keeps CRLF line breaks and a BOM', () => {
    const input = '\ufeffwww  IN   A 192.0.2.1\r\nmail IN A 192.0.2.2\r\n';
    assert.equal(format(input), '\ufeffwww  IN A 192.0.2.1\r\nmail IN A 192.0.2.2\r\n');
  });

  test('writes TTL and class explicitly when asked, and nothing else changes', () => {
    const input = ['$TTL 3600', '@ SOA ns1 hostmaster 1 2h 1h 2w 1h', 'www 60 A 192.0.2.1', '  AAAA 2001:db8::1'].join('\n');
    const expected = ['$TTL 3600', '@   3600 IN SOA  ns1 hostmaster 1 2h 1h 2w 1h', 'www 60   IN A    192.0.2.1', '    3600 IN AAAA 2001:db8::1'].join('\n');
    const out = format(input, { ttl: 'explicit', class: 'explicit' });
    assert.equal(out, expected);
    assert.deepEqual(zoneOf(out).records.map(recordKey), zoneOf(input).records.map(recordKey));
  });

  test('pads with tabs to tab stops when asked', () => {
    const input = ['www IN A 192.0.2.1', 'mailhost IN MX 10 www'].join('\n');
    assert.equal(format(input, { useTabs: true, tabSize: 4 }), ['www\t\t\tIN\tA\t192.0.2.1', 'mailhost\tIN\tMX\t10 www'].join('\n'));
  });

  test('fixed column widths; a longer owner gets one space', () => {
    const input = ['a IN A 192.0.2.1', 'averylongname IN A 192.0.2.2'].join('\n');
    assert.equal(format(input, { columns: { owner: 6, class: 2, type: 5 } }), ['a      IN A     192.0.2.1', 'averylongname IN A     192.0.2.2'].join('\n'));
  });

  test('range formatting touches only the records in the range, with the document-wide columns', () => {
    const input = ['a IN A 192.0.2.1', 'bbbbbb IN A 192.0.2.2', 'c IN A 192.0.2.3'].join('\n');
    const start = input.indexOf('c IN');
    assert.equal(format(input, {}, 'example.com.', { start, end: start + 3 }), ['a IN A 192.0.2.1', 'bbbbbb IN A 192.0.2.2', 'c      IN A 192.0.2.3'].join('\n'));
  });

  test('unbalanced parentheses: no edits rather than a guess', () => {
    const input = ['@ IN SOA ns1 hostmaster ( 1 2 3 4 5', 'www   IN A 192.0.2.1'].join('\n');
    assert.equal(format(input), input);
  });

  test('a lone CR (a line break for the lexer, not for editors) leaves the text alone', () => {
    const input = 'www  IN A 192.0.2.1\rmail IN A 192.0.2.2\n';
    assert.equal(format(input), input);
  });

  test('settings and editor options become format options', () => {
    assert.deepEqual(formatOptionsFrom({ format: { columns: { owner: 20, type: 'x' }, ttl: 'explicit', class: 'bogus' } }, { tabSize: 4, insertSpaces: false }), {
      useTabs: true,
      tabSize: 4,
      columns: { owner: 20, ttl: undefined, class: undefined, type: undefined },
      ttl: 'explicit',
    });
    assert.deepEqual(formatOptionsFrom({}, { tabSize: 8, insertSpaces: true }), { useTabs: false, tabSize: 8 });
  });

  test('an owner-less record stays owner-less and a directive stays at the line start', () => {
    const input = ['$ORIGIN  example.com.', 'www IN A 192.0.2.1', '\tIN AAAA 2001:db8::1', '$GENERATE 1-3   host$ A 192.0.2.$'].join('\n');
    const out = format(input);
    assert.equal(out, ['$ORIGIN example.com.', 'www IN A    192.0.2.1', '    IN AAAA 2001:db8::1', '$GENERATE 1-3 host$ A 192.0.2.$'].join('\n'));
  });
});

/** Format, then check records, lexical content and idempotence; returns a failure text or ''. */
function check(text: string, origin: string, fileName: string, compareRecords: boolean): string {
  const zone = parseDocument({ text, origin, fileName });
  const once = applyTextEdits(text, formatDocument(zone));
  const again = parseDocument({ text: once, origin, fileName });
  const twice = applyTextEdits(once, formatDocument(again));
  if (twice !== once) return 'formatting twice changed the text';
  if (JSON.stringify(lexicalContent(once)) !== JSON.stringify(lexicalContent(text))) return 'tokens or comments changed';
  if (compareRecords) {
    const a = zone.records.map(recordKey);
    const b = again.records.map(recordKey);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      const i = a.findIndex((x, k) => x !== b[k]);
      return `records differ at ${i}: ${a[i]} vs ${b[i]}`;
    }
  }
  return '';
}

describe('formatting never changes a zone', () => {
  test('examples: same records, same tokens, idempotent', () => {
    const dir = path.join(REPO_ROOT, 'examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.zone'));
    assert.ok(files.length >= 3);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const zone = parseDocument({ text, fileName: f });
      assert.ok(zone.records.length > 5, f);
      assert.notEqual(applyTextEdits(text, formatDocument(zone, { columns: { owner: 30 } })), text, `${f}: fixed widths must change something`);
      assert.equal(check(text, zone.origin ?? '.', f, true), '', f);
    }
  });

  test('corpus files without parse errors: same record set; every corpus file: same tokens and idempotent', (t) => {
    const files = corpusFiles();
    if (files.length === 0) {
      t.skip('the shared corpus is not available');
      return;
    }
    let clean = 0;
    let changed = 0;
    const failures: string[] = [];
    for (const { file, origin } of files) {
      const text = fs.readFileSync(file, 'latin1');
      const zone = parseDocument({ text, origin, fileName: file });
      const parsesCleanly = zone.parseDiagnostics.every((d) => d.severity !== 'error');
      if (parsesCleanly) clean++;
      if (formatDocument(zone).length > 0) changed++;
      const why = check(text, origin, file, parsesCleanly);
      if (why) failures.push(`${path.relative(path.join(REPO_ROOT, '..'), file)}: ${why}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(clean > 300, `only ${clean} clean corpus files`);
    assert.ok(changed > 100, `formatting changed only ${changed} files`);
  });
});
