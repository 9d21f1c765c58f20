/**
 * A handler that throws, in the real server over stdio: the request gets a JSON-RPC error
 * (InternalError, -32603) with a message naming the handler, the failure is logged
 * (window/logMessage, type Error), and the next requests are answered as usual; a notification
 * handler that throws is logged and the server goes on. No input is known to make a handler
 * throw, so the server is started with the test-only DNS_ZONE_TEST_FAULTS (server.ts), which
 * makes the named handlers throw on entry.
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { TestClient } from '../helpers/lspClient';
import { testFaults } from '../../server/src/server';

const URI = 'file:///tmp/faults/example.com.zone';
const ZONE = ['$ORIGIN example.com.', '$TTL 1h', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '  IN NS ns1', 'ns1 IN A 192.0.2.1', 'www IN A 192.0.2.80', ''].join('\n');
const INTERNAL_ERROR = -32603;

/** A client whose server process was started with DNS_ZONE_TEST_FAULTS=`faults` (the environment of this process is left as it was). */
function clientWithFaults(faults: string): TestClient {
  const saved = process.env.DNS_ZONE_TEST_FAULTS;
  process.env.DNS_ZONE_TEST_FAULTS = faults;
  try {
    return new TestClient();
  } finally {
    if (saved === undefined) delete process.env.DNS_ZONE_TEST_FAULTS;
    else process.env.DNS_ZONE_TEST_FAULTS = saved;
  }
}

/** The error a request was answered with, or a failure when it was answered normally. */
async function errorOf(client: TestClient, method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    const result = await client.connection.sendRequest(method, params);
    assert.fail(`${method} was answered normally: ${JSON.stringify(result)}`);
  } catch (e) {
    assert.ok(e instanceof ResponseError, `${method}: ${String(e)}`);
    return e;
  }
}

/** Log messages of type Error received after index `from` (they arrive asynchronously: wait a little for one). */
async function errorLogsSince(client: TestClient, from: number, pattern: RegExp): Promise<string[]> {
  for (let i = 0; i < 50; i++) {
    const hits = client.logMessages.slice(from).filter((m) => m.type === 1 && pattern.test(m.message));
    if (hits.length > 0) return hits.map((m) => m.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

describe('a request handler that throws', () => {
  const client = clientWithFaults('hover');
  after(() => client.kill());

  test('is answered with InternalError naming the handler, logged, and the next requests are served', async () => {
    await client.initialize({});
    await client.open(URI, ZONE);
    const position = { line: 5, character: 1 };
    const logsBefore = client.logMessages.length;
    const e = await errorOf(client, 'textDocument/hover', { textDocument: { uri: URI }, position });
    assert.equal(e.code, INTERNAL_ERROR);
    assert.match(e.message, /^hover failed: /);
    assert.match(e.message, /DNS_ZONE_TEST_FAULTS/);
    const logged = await errorLogsSince(client, logsBefore, /^hover failed: /);
    assert.equal(logged.length, 1, 'the failure is logged once');
    assert.match(logged[0], /\n\s+at /, 'with its stack');

    // The server keeps serving: other requests are answered normally, and hover fails again
    // the same way (it is not left in a broken state).
    const symbols = await client.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, JSON.stringify(symbols));
    const edits = await client.connection.sendRequest<unknown[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 8, insertSpaces: true } });
    assert.ok(Array.isArray(edits));
    assert.equal((await errorOf(client, 'textDocument/hover', { textDocument: { uri: URI }, position })).code, INTERNAL_ERROR);
    assert.ok(client.alive, client.stderr);
  });

  test('a request that does not fail is still answered normally, not with an error', async () => {
    const folding = await client.connection.sendRequest<unknown[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(Array.isArray(folding));
    assert.equal(await client.shutdown(), 0);
  });
});

describe('a notification handler that throws', () => {
  const client = clientWithFaults('didChange');
  after(() => client.kill());

  test('is logged, the change is still applied, and the server keeps serving', async () => {
    await client.initialize({});
    await client.open(URI, ZONE);
    await client.waitForDiagnostics((p) => p.uri === URI && p.version === 1);
    const logsBefore = client.logMessages.length;
    const changed = ZONE.replace('www IN A 192.0.2.80', 'mail IN A 192.0.2.25');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: changed }] });
    const logged = await errorLogsSince(client, logsBefore, /^didChange failed: /);
    assert.equal(logged.length, 1, 'the failure is logged');
    // The document store took the change before our listener threw: requests see version 2.
    const symbols = await client.connection.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const names = JSON.stringify(symbols);
    assert.ok(names.includes('mail') && !names.includes('www'), names);
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 8 } });
    assert.ok(hover && hover.contents.value.length > 0, JSON.stringify(hover));
    assert.ok(client.alive, client.stderr);
    assert.equal(await client.shutdown(), 0);
  });
});

describe('DNS_ZONE_TEST_FAULTS', () => {
  test('names handlers separated by commas; unset or empty, it names none', () => {
    assert.deepEqual([...testFaults('hover, didChange,,')], ['hover', 'didChange']);
    assert.equal(testFaults(undefined).size, 0);
    assert.equal(testFaults('').size, 0);
  });
});
