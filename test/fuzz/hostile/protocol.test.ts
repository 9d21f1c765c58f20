/**
 * The language server under protocol abuse, over the real stdio connection: requests for stale
 * versions and unknown documents, handlers made to fail by malformed params, edits with ranges
 * outside the document, malformed notifications, floods and cancellations. Every request must be
 * answered (a result or a JSON-RPC error, never silence) and the server must keep serving.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TestClient, type PublishedDiagnostics } from '../../helpers/lspClient';

const ZONE = ['$ORIGIN example.com.', '$TTL 1h', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '  IN NS ns1', '  IN NS ns2', 'ns1 IN A 192.0.2.1', 'ns2 IN A 192.0.2.2', 'bad IN A 192.0.2.300', 'mail IN MX 10 mx.example.com', ''].join('\n');
const pos = (line: number, character: number) => ({ line, character });
const range = (a: [number, number], b: [number, number]) => ({ start: pos(...a), end: pos(...b) });

/** A request that must be answered: resolves with the result, or with the error it got back. */
async function answered(client: TestClient, method: string, params: unknown, cancel?: CancellationTokenSource): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  try {
    return { result: await (cancel ? client.connection.sendRequest(method, params, cancel.token) : client.connection.sendRequest(method, params)) };
  } catch (err) {
    const e = err as { code?: number; message: string };
    assert.equal(typeof e.code, 'number', `${method}: not a JSON-RPC error but ${e.message}`);
    return { error: { code: e.code!, message: e.message } };
  }
}

/** The server still answers a real request about a real document. */
async function stillServing(client: TestClient, uri: string): Promise<void> {
  const symbols = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0, 'documentSymbol answered with symbols');
}

describe('language server under protocol abuse', () => {
  const client = new TestClient();
  const logged: string[] = [];
  const uri = 'file:///tmp/abuse/example.com.zone';
  let v1: PublishedDiagnostics;

  before(async () => {
    await client.initialize({});
    // Replaces the helper's no-op: handler failures are logged here, never on stdout.
    client.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logged.push(p.message);
    });
    await client.open(uri, ZONE, 1);
    v1 = await client.waitForDiagnostics((p) => p.uri === uri && p.version === 1);
  });
  after(() => client.kill());

  test('a code action for a diagnostic of an older version is answered without its stale fix', async () => {
    const stale = v1.diagnostics.find((d) => d.code === 'name-missing-trailing-dot' || d.code === 'rdata-invalid')!;
    assert.ok(stale, JSON.stringify(v1.diagnostics.map((d) => d.code)));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `; edited\n${ZONE}` }] });
    const r = await answered(client, 'textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } });
    assert.deepEqual(r.result, [], 'no quick fix computed on one version is applied to another');
    await stillServing(client, uri);
  });

  test('requests about a document the server never saw are answered', async () => {
    const ghost = { textDocument: { uri: 'file:///nowhere/ghost.zone' } };
    const at = { ...ghost, position: pos(3, 4) };
    const requests: [string, unknown][] = [
      ['textDocument/hover', at],
      ['textDocument/completion', at],
      ['textDocument/definition', at],
      ['textDocument/references', { ...at, context: { includeDeclaration: true } }],
      ['textDocument/prepareRename', at],
      ['textDocument/rename', { ...at, newName: 'x' }],
      ['textDocument/documentSymbol', ghost],
      ['textDocument/foldingRange', ghost],
      ['textDocument/selectionRange', { ...ghost, positions: [pos(0, 0)] }],
      ['textDocument/documentLink', ghost],
      ['textDocument/formatting', { ...ghost, options: { tabSize: 4, insertSpaces: true } }],
      ['textDocument/rangeFormatting', { ...ghost, range: range([0, 0], [1, 0]), options: { tabSize: 4, insertSpaces: true } }],
      ['textDocument/codeAction', { ...ghost, range: range([0, 0], [0, 0]), context: { diagnostics: [] } }],
      ['workspace/symbol', { query: 'ghost' }],
    ];
    for (const [method, params] of requests) {
      const r = await answered(client, method, params);
      assert.equal(r.error, undefined, `${method}: ${r.error?.message}`);
      assert.ok(r.result === null || Array.isArray(r.result) || typeof r.result === 'object', `${method}: ${JSON.stringify(r.result)}`);
    }
    await stillServing(client, uri);
  });

  test('a handler that fails on malformed params answers, logs, and the server keeps serving', async () => {
    const before = logged.length;
    const malformed: [string, unknown][] = [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: null, position: 'nowhere' }],
      ['textDocument/codeAction', { textDocument: { uri }, range: range([0, 0], [0, 0]), context: null }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 'x', character: {} } }],
      ['textDocument/documentSymbol', { textDocument: 42 }],
      ['textDocument/formatting', { textDocument: { uri }, options: null }],
      ['workspace/symbol', { query: { not: 'a string' } }],
    ];
    for (const [method, params] of malformed) {
      const r = await answered(client, method, params);
      assert.ok(r.error !== undefined || r.result !== undefined, `${method} answered`);
    }
    assert.ok(logged.length > before, 'the failures were logged to the client');
    assert.equal(client.stderr, '', 'nothing on stderr');
    await stillServing(client, uri);
  });

  test('an unknown method gets MethodNotFound, not silence', async () => {
    const r = await answered(client, 'zonelint/noSuchRequest', { x: 1 });
    assert.equal(r.error?.code, -32601);
    await stillServing(client, uri);
  });

  test('edits with ranges outside the document are survived; diagnostics follow the latest version', async () => {
    const edits = [
      { range: range([1000, 0], [1000, 5]), text: 'far away' },
      { range: range([-1, -5], [0, 3]), text: 'negative' },
      { range: range([5, 50], [2, 0]), text: 'backwards' },
      { range: range([0, 9999], [0, 99999]), text: 'past the line' },
      { range: range([2 ** 31, 0], [2 ** 31, 1]), text: 'huge' },
    ];
    let version = 3;
    for (const change of edits) await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version++ }, contentChanges: [change] });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: ZONE }] });
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === version, 20_000);
    assert.ok(p.diagnostics.some((d) => d.code === 'rdata-invalid'));
    await stillServing(client, uri);
  });

  test('malformed notifications (bad changes, a non-string text, unknown documents) do not stop it', async () => {
    const other = 'file:///tmp/abuse/odd.zone';
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 100 }, contentChanges: null });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.zone', version: 1 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.zone' } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'dns-zone', version: 1, text: 42 } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'dns-zone', version: 2, text: ZONE } });
    const hover = await answered(client, 'textDocument/hover', { textDocument: { uri: other }, position: pos(7, 1) });
    assert.equal(hover.error, undefined);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 101 }, contentChanges: [{ text: ZONE }] });
    await client.waitForDiagnostics((x) => x.uri === uri && x.version === 101, 20_000);
    await stillServing(client, uri);
  });

  test('a flood of 300 requests, some cancelled, gets 300 answers', async () => {
    const pending: Promise<{ result?: unknown; error?: { code: number } }>[] = [];
    for (let i = 0; i < 300; i++) {
      const params = { textDocument: { uri }, position: pos(i % 10, i % 7) };
      const cancel = i % 5 === 0 ? new CancellationTokenSource() : undefined;
      pending.push(answered(client, i % 3 === 0 ? 'textDocument/completion' : 'textDocument/hover', params, cancel));
      cancel?.cancel();
    }
    const results = await Promise.all(pending);
    assert.equal(results.length, 300);
    // A cancelled request ends with a result or with RequestCancelled (-32800), nothing else.
    for (const r of results) assert.ok(r.error === undefined || r.error.code === -32800, JSON.stringify(r.error));
    await stillServing(client, uri);
  });

  test('shutdown after all of it exits with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
