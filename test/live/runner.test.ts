/**
 * The live checks against real servers on loopback (world.ts): BIND for DNS, smtp-server (and
 * two raw sockets) for SMTP. Each case is a zone with one MX and asserts the exact findings and
 * that they sit on the MX target field. Without `named`: skipped, or failed under CI.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/language/languageService';
import { singleZoneWorkspace } from '../../server/src/language/workspace/workspace';
import { checkMailServers, formatLiveReport, liveDiagnostics, LiveCancelled } from '../../server/src/live';
import { namedSkipReason } from './named';
import { CASES, SPF_HOST, SPF_IP, startWorld, zoneWith, type Case, type CaseName, type World } from './world';

const TIMEOUT = 1500;
const skip = namedSkipReason();

function load(text: string) {
  const zone = parseDocument({ text, fileName: '/zones/example.test.zone' });
  return { zone, workspace: singleZoneWorkspace('/zones/example.test.zone', zone) };
}

describe('live checks against real DNS and SMTP servers', { skip }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => {
    await world?.stop();
  });
  const check = (text: string, extra: { signal?: AbortSignal; resolver?: string; timeoutMs?: number } = {}) => {
    const { zone, workspace } = load(text);
    return checkMailServers(zone, workspace, { resolver: extra.resolver ?? world.named.resolver, smtpPort: world.smtp.port, timeoutMs: extra.timeoutMs ?? TIMEOUT, signal: extra.signal });
  };

  for (const name of Object.keys(CASES) as CaseName[]) {
    const c: Case = CASES[name];
    test(`${name}: ${c.expected.join(', ') || 'no findings'}`, async () => {
      const text = zoneWith([name]);
      const run = await check(text);
      assert.deepEqual(run.findings.map((f) => f.code).sort(), [...c.expected].sort(), formatLiveReport(run));
      const { zone } = load(text);
      const diagnostics = liveDiagnostics(zone, run.findings);
      const at = text.indexOf(c.host, text.indexOf(' MX '));
      assert.equal(diagnostics.length, c.expected.length);
      for (const d of diagnostics) assert.deepEqual({ start: d.start, end: d.end, file: d.file }, { start: at, end: at + c.host.length, file: 0 }, d.message);
      if (c.server && c.address) {
        const seen = world.smtp.seen.get(c.address)!;
        assert.ok(seen.connections >= 1, 'the server was contacted');
        assert.equal(seen.mailFrom, 0, 'never MAIL FROM');
      }
    });
  }

  test('the greeting, the EHLO identity and the messages say what was seen', async () => {
    const run = await check(zoneWith(['plainBanner', 'good', 'otherName', 'ptrElsewhere', 'refusing', 'silent']));
    const byCode = new Map(run.findings.map((f) => [f.code, f]));
    assert.match(byCode.get('smtp-banner-no-fqdn')!.message, /"220 SMTP service ready"/);
    assert.match(byCode.get('smtp-banner-mismatch')!.message, /greets as relay\.mail\.test, which is neither the MX name othername\.example\.test nor the PTR name othername\.example\.test\.$/);
    assert.match(byCode.get('rdns-not-forward-confirmed')!.message, /other\.mail\.test resolves to 127\.0\.0\.44, not 127\.0\.0\.4\.$/);
    assert.match(byCode.get('smtp-banner-not-220')!.message, /"554 busy\.example\.test No SMTP service here"/);
    assert.match(byCode.get('smtp-unreachable')!.message, /no greeting within 1500 ms/);
    // EHLO names our end of the connection as an address literal, nothing about this machine.
    assert.ok(world.smtp.seen.get(CASES.good.address)!.ehlo.includes('[127.0.0.1]'), JSON.stringify(world.smtp.seen.get(CASES.good.address)));
    const report = formatLiveReport(run);
    assert.match(report, /greeting: 220 mx\.example\.test ESMTP/);
    assert.match(report, /EHLO: 250, STARTTLS offered/);
    assert.match(report, /PTR: mx\.example\.test\. \(forward-confirmed\)/);
  });

  test('the zone being checked answers before DNS (BIND holds a stale copy of example.test)', async () => {
    const run = await check(zoneWith(['good']));
    const resolution = run.targets[0].resolutions[0];
    assert.deepEqual({ kind: resolution.answer.kind, source: resolution.answer.source }, { kind: 'found', source: 'zone' });
    assert.deepEqual(run.targets[0].addresses.map((a) => a.address), ['127.0.0.2']);
    assert.equal(run.targets[0].addresses[0].ptr.source, 'dns');
  });

  test('hosts named by SPF get reverse-DNS checks on their term and no SMTP connection', async () => {
    const text = zoneWith(['good'], true);
    const before = world.smtp.seen.get(SPF_HOST.address)!.connections;
    const run = await check(text);
    assert.deepEqual(run.findings.map((f) => [f.code, f.address]), [['rdns-missing', SPF_HOST.address]]);
    assert.equal(world.smtp.seen.get(SPF_HOST.address)!.connections, before, 'no connection to a sending host');
    const { zone } = load(text);
    const [d] = liveDiagnostics(zone, run.findings);
    const term = `a:${SPF_HOST.host.slice(0, -1)}`;
    assert.equal(text.slice(d.start, d.end), term);
    const ip = run.targets.find((t) => t.target.address === SPF_IP.address)!;
    assert.deepEqual(ip.addresses[0].ptrNames.map((p) => [p.name, p.confirmed]), [[SPF_IP.ptr, true]]);
  });

  test('a resolver that does not answer gives live-check-incomplete, not false findings', async () => {
    const run = await check(zoneWith(['good']), { resolver: `127.0.0.1:${world.smtp.port}` });
    assert.deepEqual(run.findings.map((f) => f.code), ['live-check-incomplete']);
    assert.match(run.findings[0].message, /PTR lookup for 127\.0\.0\.2 failed/);
  });

  test('cancellation stops a run well before its timeouts', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const running = check(zoneWith(['silent', 'ptrElsewhere']), { signal: abort.signal, timeoutMs: 10000 });
    // Cancel once the silent server has accepted the connection (an event, not a guess).
    const seen = world.smtp.seen.get(CASES.silent.address)!;
    const initial = seen.connections;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => seen.connections > initial && (clearInterval(poll), resolve()), 5);
    });
    abort.abort();
    await assert.rejects(running, LiveCancelled);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
