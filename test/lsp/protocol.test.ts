/** The built server over the real protocol (stdio JSON-RPC): lifecycle, push and pull diagnostics, code actions. */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from '../helpers/lspClient';

const BROKEN = ['$ORIGIN example.com.', '$TTL 1h', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '  IN NS ns1', 'ns1 IN A 192.0.2.1', 'bad IN A 192.0.2.300', 'x IN FOO bar', ''].join('\n');

describe('language server over stdio', () => {
  const client = new TestClient();
  after(() => client.kill());

  test('initialize announces the capabilities we implement', async () => {
    const r = await client.initialize({});
    const caps = r.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false }, willSaveWaitUntil: true });
    assert.ok(caps.codeActionProvider, 'code actions');
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that did not ask');
  });

  test('an opened document gets pushed diagnostics with exact ranges and rule ids', async () => {
    await client.open('file:///tmp/example.com.zone', BROKEN);
    const p = await client.waitForDiagnostics((x) => x.uri === 'file:///tmp/example.com.zone');
    const byCode = new Map(p.diagnostics.map((d) => [d.code, d]));
    const bad = byCode.get('rdata-invalid');
    assert.ok(bad, `rdata-invalid missing in ${JSON.stringify(p.diagnostics)}`);
    assert.equal(bad.range.start.line, 5);
    const unknown = byCode.get('unknown-type');
    assert.ok(unknown);
    assert.deepEqual(unknown.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 8 } });
    assert.equal(p.version, 1);
  });

  test('an edit replaces the diagnostics; the stale version is not published after it', async () => {
    const uri = 'file:///tmp/example.com.zone';
    const fixed = BROKEN.replace('192.0.2.300', '192.0.2.30').replace('x IN FOO bar', '');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.version === 2);
    assert.equal(p.diagnostics.filter((d) => d.code === 'rdata-invalid' || d.code === 'unknown-type').length, 0);
  });

  test('a request for a document the server never saw is answered, and the server keeps serving', async () => {
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///nowhere.zone' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  test('code actions for a diagnostic offer the suppressions and the docs link', async () => {
    const uri = 'file:///tmp/actions.zone';
    await client.open(uri, BROKEN);
    const p = await client.waitForDiagnostics((x) => x.uri === uri);
    const d = p.diagnostics.find((x) => x.code === 'unknown-type')!;
    const actions = await client.connection.sendRequest<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable unknown-type for this line'), titles.join(', '));
    const line = actions.find((a) => a.title === 'Disable unknown-type for this line')!;
    assert.equal(line.edit!.changes[uri][0].newText, '; zonelint-disable-next-line unknown-type\n');
    assert.ok(titles.includes('Open documentation for unknown-type'));
  });

  test('a diagnostic whose index went stale (cross-zone findings recomputed) still finds its fixes by rule and range', async () => {
    const uri = 'file:///tmp/actions.zone';
    const p = await client.waitForDiagnostics((x) => x.uri === uri);
    const d = p.diagnostics.find((x) => x.code === 'unknown-type')!;
    const stale = { ...d, data: { ...(d.data as object), index: 9999 } };
    const actions = await client.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    });
    assert.ok(actions.some((a) => a.title === 'Disable unknown-type for this line'), actions.map((a) => a.title).join(', '));
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///tmp/actions.zone';
    const before = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const p = await client.waitForDiagnostics((x) => x.uri === uri && x.diagnostics.length === 0 && client.published.indexOf(x) >= before);
    assert.equal(p.diagnostics.length, 0);
  });
});

describe('pull diagnostics for clients that support them', () => {
  const client = new TestClient();
  after(() => client.kill());

  test('textDocument/diagnostic returns the findings and nothing is pushed', async () => {
    const r = await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.ok(r.capabilities.diagnosticProvider);
    const uri = 'file:///tmp/pull.zone';
    await client.open(uri, BROKEN);
    const report = await client.connection.sendRequest<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((d) => d.code === 'unknown-type'));
    assert.equal(client.published.filter((p) => p.uri === uri && p.diagnostics.length > 0).length, 0);
  });

  test('shutdown and exit end the process with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
