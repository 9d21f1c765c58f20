/**
 * `dnsZone/checkMailServers` over the real protocol against the loopback servers of world.ts:
 * the result, progress, diagnostics merged with the offline ones and kept through edits, code
 * actions on them, cancellation, and no traffic when disabled or untrusted.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { CheckMailServersResult } from '../../server/src/lsp/handlers/liveChecks';
import { COMPILED_SERVER, TestClient } from '../helpers/lspClient';
import { namedSkipReason } from './named';
import { CASES, startWorld, zoneWith, type World } from './world';

const URI = 'file:///zones/example.test.zone';
const TEXT = zoneWith(['good', 'noPtr', 'plainBanner']) + 'oops IN FOO 1\n';
const lineOf = (text: string, host: string) => text.slice(0, text.indexOf(host, text.indexOf(' MX '))).split('\n').length - 1;
const codes = (p: { diagnostics: { code?: string }[] }) => p.diagnostics.map((d) => d.code);

/**
 * The compiled server (out/, which has the live handler even when a dist/ bundle is older) with a
 * client that answers `dnsZone.live` from `liveSettings` (tests change it as they go) and accepts
 * server-initiated progress.
 */
class LiveSession extends TestClient {
  constructor(public liveSettings: Record<string, unknown>) {
    super(['--stdio'], COMPILED_SERVER);
    this.configuration = (item) => (item.section === 'dnsZone.live' ? this.liveSettings : null);
  }

  async start(trusted: boolean): Promise<void> {
    await this.initialize({ workspace: { configuration: true }, window: { workDoneProgress: true } }, { initializationOptions: { trusted } });
  }

  async close(): Promise<void> {
    try {
      await this.shutdown();
    } catch {
      this.kill();
    }
  }
}

describe('the Check Mail Servers request', { skip: namedSkipReason() }, () => {
  let world: World;
  let session: LiveSession;
  before(async () => {
    world = await startWorld();
    session = new LiveSession({ enabled: true, resolver: world.named.resolver, smtpPort: world.smtp.port, timeoutMs: 1500 });
    await session.start(true);
  });
  after(async () => {
    await session?.close();
    await world?.stop();
  });
  // (An `undefined` token argument would be sent as a second parameter, so it is left out instead.)
  const check = (uri: string, source?: CancellationTokenSource) =>
    source ? session.connection.sendRequest<CheckMailServersResult>('dnsZone/checkMailServers', { uri }, source.token) : session.connection.sendRequest<CheckMailServersResult>('dnsZone/checkMailServers', { uri });

  test('answers the report and the findings, with progress, and publishes them with the offline ones', async () => {
    await session.open(URI, TEXT);
    const offline = await session.waitForDiagnostics((p) => p.uri === URI);
    assert.ok(codes(offline).includes('unknown-type'));
    assert.ok(!codes(offline).includes('rdns-missing'));
    const ended = session.nextProgress('end');
    const r = await check(URI);
    assert.equal(r.status, 'ok', r.report);
    assert.deepEqual(r.findings.map((d) => [d.code, d.range.start.line]).sort(), [['rdns-missing', lineOf(TEXT, CASES.noPtr.host)], ['smtp-banner-no-fqdn', lineOf(TEXT, CASES.plainBanner.host)]]);
    assert.match(r.report, /greeting: 220 SMTP service ready/);
    assert.match(r.report, /3 mail hosts, 3 addresses checked: 2 findings\./);
    await ended;
    const begin = session.progress.find((p) => p.value.kind === 'begin');
    assert.deepEqual([begin?.value.title, begin?.value.cancellable], ['Checking mail servers', true]);
    const merged = await session.waitForDiagnostics((p) => p.uri === URI && codes(p).includes('rdns-missing'));
    assert.ok(codes(merged).includes('unknown-type'), 'offline findings stay');
    assert.ok(codes(merged).includes('smtp-banner-no-fqdn'));
  });

  test('live diagnostics follow edits and offer the suppression quick-fixes', async () => {
    const edited = '; a comment line\n' + TEXT;
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: edited }] });
    const p = await session.waitForDiagnostics((x) => x.uri === URI && x.version === 2);
    const d = p.diagnostics.find((x) => x.code === 'rdns-missing');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.equal(d.range.start.line, lineOf(edited, CASES.noPtr.host));
    const actions = await session.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    assert.ok(actions.some((a) => a.title === 'Disable rdns-missing for this line'), JSON.stringify(actions));
  });

  test('cancellation ends the run early with RequestCancelled', async () => {
    const uri = 'file:///zones/silent.example.test.zone';
    await session.open(uri, zoneWith(['silent']));
    session.liveSettings = { ...session.liveSettings, timeoutMs: 10000 };
    const source = new CancellationTokenSource();
    const began = session.nextProgress('begin');
    const started = Date.now();
    const pending = check(uri, source);
    await began;
    source.cancel();
    await assert.rejects(pending, (err: unknown) => err instanceof ResponseError && err.code === -32800);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    session.liveSettings = { ...session.liveSettings, timeoutMs: 1500 };
  });

  test('disabled: nothing is contacted and the answer says how to turn it on', async () => {
    const before = world.smtp.seen.get(CASES.good.address)!.connections;
    session.liveSettings = { ...session.liveSettings, enabled: false };
    try {
      const r = await check(URI);
      assert.equal(r.status, 'disabled');
      assert.match(r.report, /dnsZone\.live\.enabled/);
      assert.deepEqual(r.findings, []);
    } finally {
      session.liveSettings = { ...session.liveSettings, enabled: true };
    }
    assert.equal(world.smtp.seen.get(CASES.good.address)!.connections, before);
  });

  test('a malformed resolver setting fails the run with a message, contacting nothing', async () => {
    const before = world.smtp.seen.get(CASES.good.address)!.connections;
    const saved = session.liveSettings;
    session.liveSettings = { ...saved, resolver: 'dns.example' };
    try {
      const r = await check(URI);
      assert.equal(r.status, 'failed');
      assert.match(r.report, /dnsZone\.live\.resolver is not usable: "dns\.example" is not an IP address/);
    } finally {
      session.liveSettings = saved;
    }
    assert.equal(world.smtp.seen.get(CASES.good.address)!.connections, before);
  });

  test('closing the document forgets its live findings', async () => {
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await session.waitForDiagnostics((p) => p.uri === URI && p.diagnostics.length === 0);
    const count = session.published.length;
    await session.open(URI, TEXT, 3);
    const p = await session.waitForDiagnostics((x) => x.uri === URI && x.version === 3 && session.published.indexOf(x) >= count);
    assert.ok(codes(p).includes('unknown-type'));
    assert.ok(!codes(p).includes('rdns-missing'));
  });
});

describe('an untrusted workspace', { skip: namedSkipReason() }, () => {
  let world: World;
  let session: LiveSession;
  before(async () => {
    world = await startWorld();
    session = new LiveSession({ enabled: true, resolver: world.named.resolver, smtpPort: world.smtp.port, timeoutMs: 1500 });
    await session.start(false);
  });
  after(async () => {
    await session?.close();
    await world?.stop();
  });

  test('makes no network traffic even with live checks enabled', async () => {
    await session.open(URI, TEXT);
    const r = await session.connection.sendRequest<CheckMailServersResult>('dnsZone/checkMailServers', { uri: URI });
    assert.equal(r.status, 'untrusted');
    assert.deepEqual(r.findings, []);
    for (const [address, seen] of world.smtp.seen) assert.equal(seen.connections, 0, address);
  });
});
