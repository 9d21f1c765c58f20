/**
 * Inlay hints (absolute names after relative ones, unit durations after bare seconds) and
 * semantic tokens (unresolved host names in rdata, obsolete record types), pure and over LSP.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startInProcessServer } from '../helpers/inProcessServer';
import { compactDuration, inlayHints } from '../../server/src/language/features/inlayHints';
import { semanticTokens } from '../../server/src/language/features/semanticTokens';
import * as fs from 'node:fs';
import { parseDocument } from '../../server/src/language/languageService';
import { corpusFiles, zoneOf } from './helpers';

const TEXT = [
  '$TTL 3600',
  '@ IN SOA ns1 hostmaster.example.com. 1 7200 1h 1209600 5400',
  '  IN NS ns1',
  '  IN NS ns.example.net.',
  '  IN MX 10 mail',
  '  IN MX 20 backup',
  'ns1 86400 IN A 192.0.2.1',
  'mail.example.com. 1h IN A 192.0.2.25',
  'www IN CNAME gone',
  'old IN SPF "v=spf1 -all"',
  '*.wild IN A 192.0.2.9',
  '  IN MX 30 x.wild',
  '',
].join('\n');

/** The text with every hint inserted in brackets, for a whole-text comparison. */
function withHints(text: string, hints: { offset: number; label: string }[]): string {
  let out = text;
  for (const h of [...hints].sort((a, b) => b.offset - a.offset)) out = `${out.slice(0, h.offset)}[${h.label}]${out.slice(h.offset)}`;
  return out;
}

/** The text with every token wrapped as <modifiers|text>. */
function withTokens(text: string, tokens: { start: number; end: number; modifiers: string[] }[]): string {
  let out = text;
  for (const t of [...tokens].sort((a, b) => b.start - a.start)) out = `${out.slice(0, t.start)}<${t.modifiers.join(',')}|${out.slice(t.start, t.end)}>${out.slice(t.end)}`;
  return out;
}

describe('inlay hints', () => {
  test('compact durations', () => {
    assert.deepEqual([60, 3600, 5400, 86400, 1209600, 90061].map(compactDuration), ['1m', '1h', '1h30m', '1d', '2w', '1d1h1m1s']);
  });
  test('names after relative owners and rdata names, units after bare seconds', () => {
    const zone = zoneOf(TEXT);
    assert.equal(
      withHints(TEXT, inlayHints(zone)),
      [
        '$TTL 3600[1h]',
        '@[example.com.] IN SOA ns1[ns1.example.com.] hostmaster.example.com. 1 7200[2h] 1h 1209600[2w] 5400[1h30m]',
        '  IN NS ns1[ns1.example.com.]',
        '  IN NS ns.example.net.',
        '  IN MX 10 mail[mail.example.com.]',
        '  IN MX 20 backup[backup.example.com.]',
        'ns1[ns1.example.com.] 86400[1d] IN A 192.0.2.1',
        'mail.example.com. 1h IN A 192.0.2.25',
        'www[www.example.com.] IN CNAME gone[gone.example.com.]',
        'old[old.example.com.] IN SPF "v=spf1 -all"',
        '*.wild[*.wild.example.com.] IN A 192.0.2.9',
        '  IN MX 30 x.wild[x.wild.example.com.]',
        '',
      ].join('\n'),
    );
  });
  test('only the requested range', () => {
    const zone = zoneOf(TEXT);
    const line = TEXT.indexOf('ns1 86400');
    const hints = inlayHints(zone, { start: line, end: line + 'ns1 86400 IN A 192.0.2.1'.length });
    assert.deepEqual(hints.map((h) => h.label), ['ns1.example.com.', '1d']);
  });
});

describe('semantic tokens', () => {
  test('unresolved in-zone host names and obsolete types, nothing else', () => {
    const zone = zoneOf(TEXT);
    assert.equal(
      withTokens(TEXT, semanticTokens(zone)),
      [
        '$TTL 3600',
        '@ IN SOA ns1 hostmaster.example.com. 1 7200 1h 1209600 5400',
        '  IN NS ns1',
        '  IN NS ns.example.net.',
        '  IN MX 10 mail',
        '  IN MX 20 <unresolved|backup>',
        'ns1 86400 IN A 192.0.2.1',
        'mail.example.com. 1h IN A 192.0.2.25',
        'www IN CNAME <unresolved|gone>',
        'old IN <deprecated|SPF> "v=spf1 -all"',
        '*.wild IN A 192.0.2.9',
        '  IN MX 30 x.wild',
        '',
      ].join('\n'),
    );
  });
});

describe('inlay hints and semantic tokens over LSP', () => {
  const URI = 'file:///tmp/zones/example.com.zone';
  const clients: MessageConnection[] = [];
  let legend: { tokenTypes: string[]; tokenModifiers: string[] };
  const open = async (settings: unknown): Promise<MessageConnection> => {
    const { client, capabilities } = startInProcessServer(settings);
    legend = ((await capabilities).semanticTokensProvider as { legend: typeof legend }).legend;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dns-zone', version: 1, text: TEXT } });
    clients.push(client);
    return client;
  };
  const whole = { start: { line: 0, character: 0 }, end: { line: 13, character: 0 } };
  let on: MessageConnection;
  let off: MessageConnection;
  before(async () => {
    on = await open({ inlayHints: { enabled: true } });
    off = await open({});
  });
  after(async () => {
    for (const c of clients) {
      await c.sendRequest('shutdown');
      c.dispose();
    }
  });

  test('inlay hints at their positions when enabled, none by default', async () => {
    const hints = await on.sendRequest<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: whole });
    const line6 = hints.filter((h) => h.position.line === 6);
    assert.deepEqual(line6, [
      { position: { line: 6, character: 3 }, label: '→ ns1.example.com.', kind: 1, paddingLeft: true },
      { position: { line: 6, character: 9 }, label: '(1d)', kind: 2, paddingLeft: true },
    ]);
    assert.deepEqual(await off.sendRequest('textDocument/inlayHint', { textDocument: { uri: URI }, range: whole }), []);
  });

  test('semantic tokens decode to the right places with the legend', async () => {
    const { data } = await on.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: URI } });
    const decoded: string[] = [];
    let line = 0;
    let ch = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
      const mods = legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
      decoded.push(`${line}:${ch}:${TEXT.split('\n')[line].slice(ch, ch + data[i + 2])}:${legend.tokenTypes[data[i + 3]]}:${mods.join(',')}`);
    }
    assert.deepEqual(decoded, ['5:11:backup:variable:unresolved', '8:13:gone:variable:unresolved', '9:7:SPF:type:deprecated']);
  });
});

describe('hints and tokens on the whole corpus', () => {
  test('offsets inside the text, tokens on one line, sorted, never throwing', () => {
    const files = corpusFiles();
    let hints = 0;
    for (const { file, origin } of files) {
      const text = fs.readFileSync(file, 'utf8');
      const zone = parseDocument({ text, origin, fileName: file });
      const h = inlayHints(zone);
      hints += h.length;
      for (let i = 0; i < h.length; i++) {
        assert.ok(h[i].offset >= 0 && h[i].offset <= text.length, file);
        if (i > 0) assert.ok(h[i - 1].offset <= h[i].offset, file);
      }
      const tokens = semanticTokens(zone);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        assert.ok(t.start < t.end && t.end <= text.length && !text.slice(t.start, t.end).includes('\n'), file);
        if (i > 0) assert.ok(tokens[i - 1].end <= t.start, `${file}: tokens overlap`);
      }
    }
    assert.ok(files.length === 0 || hints > 0);
  });
});
