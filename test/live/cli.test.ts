/**
 * `zonelint --live`: option parsing (no network), and a run against the loopback servers of
 * world.ts whose live findings join the offline ones in the json, text and sarif formats.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { cleanup, parseJsonOutput, positionOf, tempTree, zonelintInProcess } from '../cli/helpers';
import { namedSkipReason } from './named';
import { CASES, startWorld, zoneWith, type World } from './world';

describe('--live options', () => {
  const parse = (...argv: string[]) => parseArgs(argv, () => true);
  test('parsed with their values', () => {
    const o = parse('--live', '--resolver', '127.0.0.1:5353', '--smtp-port=2525', '--smtp-timeout', '1500', 'a.zone');
    assert.deepEqual([o.live, o.resolver, o.smtpPort, o.smtpTimeout, o.paths], [true, '127.0.0.1:5353', 2525, 1500, ['a.zone']]);
    assert.equal(parse('a.zone').live, false);
  });
  test('usage errors', () => {
    assert.throws(() => parse('--resolver', '127.0.0.1', 'a.zone'), /--resolver only makes sense with --live/);
    assert.throws(() => parse('--live', '--resolver', 'dns.example', 'a.zone'), /--resolver: "dns\.example" is not an IP address/);
    assert.throws(() => parse('--live', '--smtp-port', '0', 'a.zone'), /--smtp-port needs a port number/);
    assert.throws(() => parse('--live', '--smtp-timeout', 'fast', 'a.zone'), /--smtp-timeout needs milliseconds/);
    assert.throws(() => parse('--live', '--export-json', 'a.zone'), /--live cannot be combined with --export-json/);
  });
});

describe('zonelint --live against real servers', { skip: namedSkipReason() }, () => {
  let world: World;
  let dir: string;
  const text = zoneWith(['good', 'noPtr', 'refused', 'plainBanner']) + 'oops IN FOO 1\n';
  before(async () => {
    world = await startWorld();
    dir = tempTree({ 'example.test.zone': text });
  });
  after(async () => {
    await world?.stop();
    if (dir) cleanup(dir);
  });
  const live = (...extra: string[]) => ['--live', '--resolver', world.named.resolver, '--smtp-port', String(world.smtp.port), '--smtp-timeout', '1500', ...extra, 'example.test.zone'];

  test('json: live findings on the MX target fields, next to the offline ones', async () => {
    const r = await zonelintInProcess(live('--format', 'json'), dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = parseJsonOutput(r.stdout);
    assert.ok(findings.some((f) => f.rule === 'unknown-type'), 'offline findings are still there');
    const liveOnes = findings.filter((f) => ['rdns-missing', 'smtp-unreachable', 'smtp-banner-no-fqdn'].includes(f.rule));
    const at = (host: string) => positionOf(text, host, ' MX ');
    assert.deepEqual(
      liveOnes.map((f) => [f.rule, f.severity, f.line, f.column, f.endColumn]),
      [
        ['rdns-missing', 'warning', at(CASES.noPtr.host).line, at(CASES.noPtr.host).column, at(CASES.noPtr.host).column + CASES.noPtr.host.length],
        ['smtp-unreachable', 'error', at(CASES.refused.host).line, at(CASES.refused.host).column, at(CASES.refused.host).column + CASES.refused.host.length],
        ['smtp-banner-no-fqdn', 'warning', at(CASES.plainBanner.host).line, at(CASES.plainBanner.host).column, at(CASES.plainBanner.host).column + CASES.plainBanner.host.length],
      ],
    );
    assert.match(r.stderr, /live check of example\.test\.zone: 4 mail hosts, 4 addresses/);
  });

  test('text and sarif carry them too; without --live nothing is contacted', async () => {
    const t = await zonelintInProcess(live(), dir);
    assert.match(t.stdout, /example\.test\.zone:\d+:\d+ +warning +.*has no PTR record.* rdns-missing/);
    const s = await zonelintInProcess(live('--format', 'sarif'), dir);
    const results = JSON.parse(s.stdout).runs[0].results as { ruleId: string }[];
    assert.ok(results.some((x) => x.ruleId === 'smtp-unreachable'));
    const before = world.smtp.seen.get(CASES.good.address)!.connections;
    const offline = await zonelintInProcess(['--format', 'json', 'example.test.zone'], dir);
    assert.ok(!parseJsonOutput(offline.stdout).some((f) => f.rule === 'rdns-missing'));
    assert.equal(world.smtp.seen.get(CASES.good.address)!.connections, before);
  });
});
