/**
 * The built server as VS Code's language client sees it, over stdio JSON-RPC: the capabilities
 * it answers to VS Code's `initialize` (against a committed snapshot), document sync with
 * incremental changes and pull diagnostics, hover, a quick fix applied to the text, formatting,
 * cancellation, requests about documents it never saw, malformed params, and both ways to exit.
 *
 * Regenerate the snapshot after an intended capability change with UPDATE_SNAPSHOT=1.
 */
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { REPO_ROOT, TestClient } from '../helpers/lspClient';
import { VSCODE_CLIENT_CAPABILITIES, vscodeInitializeExtras } from './vscodeClient';
import { applyLspEdits, type LspTextEdit } from './textEdits';

const SNAPSHOT = path.join(REPO_ROOT, 'test', 'lsp', 'capabilities.snapshot.json');
const WORKSPACE = 'file:///tmp/zones';
const MISTAKES = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mail-mistakes.zone'), 'utf8');
const BROKEN = ['$ORIGIN example.com.', '$TTL 1h', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '  IN NS ns1', 'ns1 IN A 192.0.2.1', 'bad IN A 192.0.2.300', ''].join('\n');
/** Ragged columns on purpose, for formatting. */
const UNFORMATTED = ['$ORIGIN example.net.', '$TTL 3600', '@ IN SOA ns1 hostmaster ( 2026112701 4h 1h 2w 1h )', '@   IN NS    ns1', '  IN  NS ns2', '@ IN   MX 10   mail', 'ns1    IN A 192.0.2.1', 'ns2 IN A    192.0.2.2', 'mail  300 IN   A   192.0.2.25', 'www IN CNAME   @', ''].join('\n');

interface Diag {
  range: LspTextEdit['range'];
  code?: string;
}
interface Report {
  kind: string;
  items: Diag[];
}
interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  command?: unknown;
  edit?: { changes?: Record<string, LspTextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: LspTextEdit[] }[] };
}

/** The LSP position of the `n`th character of `needle` in `text`. */
function positionOf(text: string, needle: string, n = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in the text`);
  const before = text.slice(0, at + n).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The edits of one document in a workspace edit, in either of the shapes the spec allows. */
function editsFor(edit: Action['edit'], uri: string): LspTextEdit[] {
  if (edit?.documentChanges) return edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return edit?.changes?.[uri] ?? [];
}

describe('a VS Code-like session over stdio', { timeout: 120_000 }, () => {
  const client = new TestClient();
  const request = <T>(method: string, params: unknown): Promise<T> => client.connection.sendRequest<T>(method, params);
  const pull = (uri: string): Promise<Report> => request<Report>('textDocument/diagnostic', { textDocument: { uri } });
  let capabilities: Record<string, unknown>;
  after(() => client.kill());

  before(async () => {
    const result = await client.initialize(VSCODE_CLIENT_CAPABILITIES, vscodeInitializeExtras(WORKSPACE));
    capabilities = result.capabilities;
    const actual = `${JSON.stringify(result, null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, actual);
  });

  test('initialize answers exactly the capabilities in capabilities.snapshot.json', () => {
    assert.ok(fs.existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run with UPDATE_SNAPSHOT=1 once`);
    const expected: unknown = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
    // deepEqual on the whole result: any added, removed or changed capability fails here.
    assert.deepEqual({ capabilities, serverInfo: (expected as { serverInfo?: unknown }).serverInfo }, expected, 'the capabilities changed; if on purpose, run with UPDATE_SNAPSHOT=1 and commit the snapshot');
    // What VS Code relies on, stated separately so a regenerated snapshot cannot hide it.
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false }, willSaveWaitUntil: true });
    assert.ok(capabilities.diagnosticProvider, 'VS Code pulls diagnostics, so the server offers them');
  });

  test('open, incremental change and close, with pulled diagnostics and nothing pushed', async () => {
    const uri = `${WORKSPACE}/broken.zone`;
    await client.open(uri, BROKEN);
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    const bad = first.items.find((d) => d.code === 'rdata-invalid');
    assert.ok(bad, JSON.stringify(first.items));
    assert.equal(bad.range.start.line, 5);
    // Replace only "300" with "30", as VS Code sends a keystroke-sized change.
    const at = positionOf(BROKEN, '192.0.2.300', '192.0.2.'.length);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: '30' }],
    });
    const second = await pull(uri);
    assert.deepEqual(second.items.filter((d) => d.code === 'rdata-invalid'), []);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await pull(uri), { kind: 'full', items: [] }, 'a closed document has no findings');
    assert.equal(client.published.filter((p) => p.diagnostics.length > 0).length, 0, 'a pulling client gets no pushed diagnostics');
  });

  test('hover on the SPF ptr mechanism explains it and covers exactly the term', async () => {
    const uri = `${WORKSPACE}/mail-mistakes.zone`;
    await client.open(uri, MISTAKES);
    const at = positionOf(MISTAKES, ' ptr +all', 2);
    const hover = await request<{ contents: { kind: string; value: string }; range: LspTextEdit['range'] }>('textDocument/hover', { textDocument: { uri }, position: at });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /ptr\[:<domain>\]/);
    assert.match(hover.contents.value, /RFC 7208/);
    const start = positionOf(MISTAKES, ' ptr +all', 1);
    assert.deepEqual(hover.range, { start, end: { line: start.line, character: start.character + 3 } });
  });

  test('the trailing-dot quick fix, applied, changes only that name and clears the finding', async () => {
    const uri = `${WORKSPACE}/mail-mistakes.zone`;
    const report = await pull(uri);
    const target = report.items.find((d) => d.code === 'name-missing-trailing-dot');
    assert.ok(target, JSON.stringify(report.items.map((d) => d.code)));
    const actions = await request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'], triggerKind: 1 } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    // resolveProvider is false, so every action must arrive complete: an edit or a command.
    for (const a of actions) assert.ok(a.edit || a.command, `${a.title} needs codeAction/resolve, which the server does not offer`);
    const fixed = applyLspEdits(MISTAKES, editsFor(fix.edit, uri));
    assert.equal(fixed, MISTAKES.replace('MX   10 mail.example.com\n', 'MX   10 mail.example.com.\n'));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await pull(uri)).items.map((d) => d.code);
    assert.ok(!after.includes('name-missing-trailing-dot'), after.join(', '));
    assert.ok(after.includes('spf-rr-type'), 'the other findings stay');
  });

  test('codeAction/resolve is declared off, and the server indeed does not answer it', async () => {
    assert.equal((capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, false);
    await assert.rejects(request('codeAction/resolve', { title: 'x' }), (e: unknown) => e instanceof ResponseError && e.code === -32601);
  });

  test('formatting returns edits that align the columns and change only white space', async () => {
    const uri = `${WORKSPACE}/unformatted.zone`;
    await client.open(uri, UNFORMATTED);
    const edits = await request<LspTextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const formatted = applyLspEdits(UNFORMATTED, edits);
    assert.equal(formatted.replace(/\s+/g, ''), UNFORMATTED.replace(/\s+/g, ''), 'only white space changes');
    const records = formatted.split('\n').filter((l) => l !== '' && !l.startsWith('$'));
    const typeColumn = (line: string): number => / (SOA|NS|MX|A|CNAME) /.exec(line)!.index + 1;
    const columns = new Set(records.map(typeColumn));
    assert.equal(columns.size, 1, `the type starts in one column:\n${formatted}`);
    // Formatting the result again changes nothing.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: formatted }] });
    const again = await request<LspTextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 8, insertSpaces: true } });
    assert.equal(applyLspEdits(formatted, again), formatted);
  });

  test('a request cancelled right after it is sent gets its result or RequestCancelled (-32800), and the server keeps serving', async (t) => {
    const uri = `${WORKSPACE}/large.zone`;
    const lines = ['$ORIGIN large.example.', '$TTL 3600', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '@ IN NS ns1', 'ns1 IN A 192.0.2.1'];
    for (let i = 0; i < 20000; i++) lines.push(`h${i}   IN  A    192.0.2.${i % 250}`);
    await client.open(uri, `${lines.join('\n')}\n`);
    const outcomes: string[] = [];
    for (const method of ['textDocument/formatting', 'textDocument/documentSymbol', 'textDocument/hover']) {
      const source = new CancellationTokenSource();
      const params = { textDocument: { uri }, options: { tabSize: 8, insertSpaces: true }, position: { line: 6, character: 1 } };
      const pending = client.connection.sendRequest<unknown>(method, params, source.token);
      source.cancel(); // $/cancelRequest right behind the request
      try {
        const result = await pending;
        assert.ok(result === null || typeof result === 'object', `${method}: ${typeof result}`);
        outcomes.push(`${method}: result`);
      } catch (e) {
        assert.ok(e instanceof ResponseError && e.code === -32800, `${method}: ${String(e)}`);
        outcomes.push(`${method}: cancelled`);
      }
    }
    assert.equal(outcomes.length, 3);
    t.diagnostic(outcomes.join(', '));
    const hover = await request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: `${WORKSPACE}/mail-mistakes.zone` }, position: positionOf(MISTAKES, ' ptr +all', 2) });
    assert.match(hover!.contents.value, /RFC 7208/, 'served after the cancellations');
  });

  test('requests about a document the server never saw get empty answers, not errors', async () => {
    const unknown = { uri: `${WORKSPACE}/never-opened.zone` };
    assert.equal(await request('textDocument/hover', { textDocument: unknown, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await request('textDocument/formatting', { textDocument: unknown, options: { tabSize: 8, insertSpaces: true } }), []);
    const symbols = await request<unknown[] | null>('textDocument/documentSymbol', { textDocument: unknown });
    assert.ok(symbols === null || (Array.isArray(symbols) && symbols.length === 0), JSON.stringify(symbols));
    assert.deepEqual(await pull(unknown.uri), { kind: 'full', items: [] });
    assert.ok(client.alive);
  });

  test('malformed params are answered (an error, or an empty answer with the failure logged), never a crash', async () => {
    const uri = `${WORKSPACE}/mail-mistakes.zone`;
    // mustLog: the handler reads the missing field, so its guard catches a TypeError, logs it
    // (window/logMessage, type Error) and answers the handler's empty fallback.
    const malformed: { method: string; params: unknown; mustLog: boolean }[] = [
      { method: 'textDocument/hover', params: { textDocument: { uri } }, mustLog: true }, // no position
      { method: 'textDocument/hover', params: { textDocument: { uri }, position: 'line 3' }, mustLog: false },
      { method: 'textDocument/formatting', params: { textDocument: { uri } }, mustLog: true }, // no options
      { method: 'textDocument/codeAction', params: { textDocument: { uri } }, mustLog: true }, // no range, no context
    ];
    for (const { method, params, mustLog } of malformed) {
      const logsBefore = client.logMessages.length;
      try {
        const result = await request<unknown>(method, params);
        const emptyAnswer = result === null || (Array.isArray(result) && result.length === 0);
        assert.ok(emptyAnswer, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(result)}`);
        const logged = client.logMessages.slice(logsBefore).filter((m) => m.type === 1);
        if (mustLog) assert.ok(logged.some((m) => /failed/.test(m.message)), `${method} ${JSON.stringify(params)}: the failure was not logged`);
      } catch (e) {
        // An InvalidParams or InternalError response would be as good (better, per the spec).
        assert.ok(e instanceof ResponseError, `${method}: ${String(e)}`);
        assert.ok([-32602, -32603].includes(e.code), `${method}: code ${e.code}`);
      }
      assert.ok(client.alive, `the server died on ${method} ${JSON.stringify(params)}: ${client.stderr}`);
    }
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(MISTAKES, ' ptr +all', 2) });
    assert.match(hover.contents.value, /RFC 7208/, 'still serving');
  });
});

describe('cancellation of a long request', { timeout: 60_000 }, () => {
  test('cancelling a slow request in flight answers RequestCancelled (-32800)', async () => {
    const client = new TestClient();
    let ok = false;
    const request = <T>(method: string, params: unknown): Promise<T> => client.connection.sendRequest<T>(method, params);
    await client.initialize(VSCODE_CLIENT_CAPABILITIES, vscodeInitializeExtras(WORKSPACE));
    await client.open(`${WORKSPACE}/mail-mistakes.zone`, MISTAKES);
    // The mail-server check asks DNS; this resolver swallows every query, so the request waits
    // until it is cancelled (or the query times out after the configured 60 s).
    const silent = dgram.createSocket('udp4');
    const queried = new Promise<void>((resolve) => silent.once('message', () => resolve()));
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    const live = { enabled: true, resolver: `127.0.0.1:${silent.address().port}`, timeoutMs: 60_000 };
    client.configuration = (item) => (item.section === 'dnsZone.live' ? live : null);
    // Names of this zone are answered from the zone itself; the MX host lives elsewhere, so it is asked.
    const uri = `${WORKSPACE}/cancel.zone`;
    await client.open(uri, ['$ORIGIN cancel.test.', '$TTL 3600', '@ IN SOA ns1 hostmaster ( 1 2h 1h 2w 1h )', '@ IN NS ns1', 'ns1 IN A 192.0.2.1', '@ IN MX 10 mx.elsewhere.test.', ''].join('\n'));
    try {
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('dnsZone/checkMailServers', { uri }, source.token);
      const settled = pending.then(() => 'answered', () => 'rejected');
      const first = await Promise.race([queried.then(() => 'queried'), settled]);
      // The message is awaited only on failure: built eagerly (as an assert argument), its
      // `await pending` waited for the answer before the cancel was ever sent.
      if (first !== 'queried') assert.fail(`the check ended before asking DNS: ${await pending.then(JSON.stringify, String)}`);
      source.cancel();
      const cancelledAt = Date.now();
      await assert.rejects(pending, (e: unknown) => e instanceof ResponseError && e.code === -32800, 'cancelled');
      // Far under the 60 s the swallowed query would wait: the cancel itself ended the run.
      const took = Date.now() - cancelledAt;
      assert.ok(took < 3_000, `answered ${took} ms after the cancel: cancelled, not timed out`);
      ok = true;
    } finally {
      silent.close();
      if (!ok) client.kill();
    }
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: `${WORKSPACE}/mail-mistakes.zone` }, position: positionOf(MISTAKES, ' ptr +all', 2) });
    assert.match(hover.contents.value, /RFC 7208/, 'served after the cancellation');
    assert.equal(await client.shutdown(), 0);
  });
});

describe('ending the server', { timeout: 30_000 }, () => {
  test('shutdown then exit: exit code 0', async () => {
    const client = new TestClient();
    try {
      await client.initialize(VSCODE_CLIENT_CAPABILITIES, vscodeInitializeExtras(WORKSPACE));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('exit without shutdown: exit code 1, as the spec asks', async () => {
    const client = new TestClient();
    try {
      await client.initialize(VSCODE_CLIENT_CAPABILITIES, vscodeInitializeExtras(WORKSPACE));
      assert.equal(await client.exitWithoutShutdown(), 1);
    } finally {
      client.kill();
    }
  });
});
