/**
 * The feature handlers over the real protocol, in process: the server's own startServer on one
 * end of a pair of streams and a JSON-RPC client on the other. Checks the announced
 * capabilities and that each handler converts positions and results correctly.
 */
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startInProcessServer } from '../helpers/inProcessServer';
import { applyLspEdits as applyEdits } from '../lsp/textEdits';

interface Pos { line: number; character: number }
interface Rng { start: Pos; end: Pos }
interface Edit { range: Rng; newText: string }

const URI = 'file:///tmp/zones/example.com.zone';
const REV = 'file:///tmp/zones/2.0.192.in-addr.arpa.zone';
const TEXT = [
  '$ORIGIN example.com.',
  '$TTL 1h',
  '$INCLUDE keys.db',
  '@ IN SOA ns1 hostmaster (',
  '   2024010101 ; serial',
  '   2h 1h 2w 1h )',
  '  IN NS ns1',
  '  IN MX 10 mail',
  'ns1 IN A 192.0.2.1',
  'mail IN A 192.0.2.25',
  '',
].join('\n');
const REVERSE = ['$ORIGIN 2.0.192.in-addr.arpa.', '@ IN SOA ns1.example.com. h.example.com. 1 2 3 4 5', '25 IN PTR mail.example.com.', ''].join('\n');

describe('feature handlers over LSP', () => {
  let client: MessageConnection;
  let capabilities: Record<string, unknown>;
  const doc = { textDocument: { uri: URI } };
  const at = (line: number, character: number) => ({ ...doc, position: { line, character } });

  before(async () => {
    const server = startInProcessServer();
    client = server.client;
    capabilities = await server.capabilities;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dns-zone', version: 1, text: TEXT } });
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: REV, languageId: 'dns-zone', version: 1, text: REVERSE } });
  });
  after(async () => {
    // Shutdown stops the server's pending validations; the streams stay open (no `exit`: it would end this process).
    await client.sendRequest('shutdown');
    client.dispose();
  });

  test('announces every feature with its options, next to code actions', () => {
    for (const k of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'workspaceSymbolProvider', 'codeActionProvider']) {
      assert.ok(capabilities[k], k);
    }
    assert.deepEqual(capabilities.completionProvider, { triggerCharacters: ['$', ':', '='], resolveProvider: false });
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.ok(capabilities.documentSymbolProvider);
  });

  test('hover: markdown and the range it covers', async () => {
    const h = await client.sendRequest<{ contents: { kind: string; value: string }; range: Rng }>('textDocument/hover', at(5, 4));
    assert.equal(h.contents.kind, 'markdown');
    assert.ok(h.contents.value.includes('7200 seconds (2 hours)'));
    assert.deepEqual(h.range, { start: { line: 5, character: 3 }, end: { line: 5, character: 5 } });
    assert.equal(await client.sendRequest('textDocument/hover', at(10, 0)), null);
  });

  test('completion: snippet items with the range they replace', async () => {
    const items = await client.sendRequest<{ label: string; insertTextFormat: number; textEdit: Edit }[]>('textDocument/completion', at(7, 12));
    const mail = items.find((i) => i.label === 'mail');
    assert.ok(mail);
    assert.deepEqual(mail.textEdit.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 15 } });
    const types = await client.sendRequest<{ label: string; insertTextFormat: number; textEdit: Edit }[]>('textDocument/completion', at(6, 5));
    const mx = types.find((i) => i.label === 'MX')!;
    assert.equal(mx.insertTextFormat, 2);
    assert.equal(mx.textEdit.newText, 'MX ${1:preference} ${2:exchange}');
  });

  test('document symbols nest records under owners', async () => {
    const symbols = await client.sendRequest<{ name: string; kind: number; children?: { name: string }[]; range: Rng }[]>('textDocument/documentSymbol', doc);
    const apex = symbols.find((s) => s.name === '@')!;
    assert.equal(apex.children!.length, 3);
    assert.deepEqual(apex.range, { start: { line: 3, character: 0 }, end: { line: 7, character: 15 } });
    assert.deepEqual(symbols.map((s) => s.name), ['$ORIGIN example.com.', '$TTL 1h', '$INCLUDE keys.db', '@', 'ns1', 'mail']);
  });

  test('workspace symbols come from every open zone', async () => {
    const found = await client.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'mail' });
    assert.deepEqual(found.map((s) => [s.name, s.location.uri]), [['mail.example.com', URI]]);
    const ptr = await client.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: '25.2' });
    assert.deepEqual(ptr.map((s) => s.location.uri), [REV]);
  });

  test('folding and selection ranges', async () => {
    const folds = await client.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', doc);
    assert.ok(folds.some((f) => f.startLine === 3 && f.endLine === 5));
    const sel = await client.sendRequest<{ range: Rng; parent?: { range: Rng; parent?: unknown } }[]>('textDocument/selectionRange', { ...doc, positions: [{ line: 9, character: 12 }] });
    assert.deepEqual(sel[0].range, { start: { line: 9, character: 10 }, end: { line: 9, character: 20 } });
    assert.deepEqual(sel[0].parent!.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 20 } });
  });

  test('definition across open zones and references', async () => {
    const defs = await client.sendRequest<{ uri: string; range: Rng }[]>('textDocument/definition', { textDocument: { uri: REV }, position: { line: 2, character: 14 } });
    assert.deepEqual(defs, [{ uri: URI, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 20 } } }]);
    const refs = await client.sendRequest<{ uri: string; range: Rng }[]>('textDocument/references', { ...at(9, 1), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]).sort(), [[REV, 2], [URI, 7], [URI, 9]].sort());
  });

  test('prepareRename and rename edit both documents', async () => {
    const prep = await client.sendRequest<{ range: Rng; placeholder: string }>('textDocument/prepareRename', at(9, 2));
    assert.deepEqual(prep, { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } }, placeholder: 'mail' });
    const edit = await client.sendRequest<{ changes: Record<string, Edit[]> }>('textDocument/rename', { ...at(9, 2), newName: 'mx1' });
    assert.equal(applyEdits(TEXT, edit.changes[URI]), TEXT.replace('10 mail', '10 mx1').replace('mail IN A', 'mx1 IN A'));
    assert.equal(applyEdits(REVERSE, edit.changes[REV]), REVERSE.replace('mail.example.com.', 'mx1.example.com.'));
    await assert.rejects(client.sendRequest('textDocument/rename', { ...at(9, 2), newName: 'ns1' }), /already has records/);
  });

  test('document links for $INCLUDE', async () => {
    const links = await client.sendRequest<{ range: Rng; target: string }[]>('textDocument/documentLink', doc);
    assert.deepEqual(links.map((l) => [l.range, l.target]), [[{ start: { line: 2, character: 9 }, end: { line: 2, character: 16 } }, 'file:///tmp/zones/keys.db']]);
  });

  test('document and range formatting', async () => {
    const edits = await client.sendRequest<Edit[]>('textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } });
    const formatted = applyEdits(TEXT, edits);
    assert.equal(
      formatted,
      [
        '$ORIGIN example.com.',
        '$TTL 1h',
        '$INCLUDE keys.db',
        '@    IN SOA ns1 hostmaster (',
        '            2024010101 ; serial',
        '            2h 1h 2w 1h )',
        '     IN NS  ns1',
        '     IN MX  10 mail',
        'ns1  IN A   192.0.2.1',
        'mail IN A   192.0.2.25',
        '',
      ].join('\n'),
    );
    const ranged = await client.sendRequest<Edit[]>('textDocument/rangeFormatting', { ...doc, range: { start: { line: 8, character: 0 }, end: { line: 8, character: 3 } }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(ranged.map((e) => e.range.start.line), [8]);
  });
});
