/**
 * The benchmark's own machinery: the zone generator (deterministic, exact record count, loads in
 * named-checkzone and in our parser), the measuring of processes (time limit, exit codes, peak
 * memory), medians, the table ratios and the regression check, and the language-server
 * measurement on a small zone.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Prng } from './prng';
import { generateZone, BENCH_ORIGIN } from './zoneGenerator';
import { benchZone, namedCheckzone } from './zoneCache';
import { median, percentile, runMeasured, type RunResult } from './measure';
import { checkRatio } from './baseline';
import { toRows, type ToolRuns } from './suite';
import { onPath } from './tools';
import { parseDocument } from '../../server/src/language/languageService';
import { measureLsp } from './lspLatency';
import { lspTable } from './report';

describe('Prng', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    assert.deepEqual(sa, Array.from({ length: 20 }, () => b.next()));
    assert.notDeepEqual(sa, Array.from({ length: 20 }, () => c.next()));
    for (const v of sa) assert.ok(v >= 0 && v < 1);
  });

  test('int stays within its bounds and reaches both ends', () => {
    const r = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(3, 6));
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });
});

describe('generateZone', () => {
  const zone = generateZone(3000);

  test('is deterministic and has exactly the records asked for', () => {
    assert.equal(generateZone(3000).text, zone.text);
    assert.notEqual(generateZone(3000, 1).text, zone.text);
    assert.equal(zone.records, 3000);
    assert.equal(Object.values(zone.byType).reduce((a, b) => a + b, 0), 3000);
  });

  test('has the mix the benchmark promises', () => {
    for (const type of ['SOA', 'NS', 'A', 'AAAA', 'MX', 'TXT', 'CNAME', 'SRV', 'CAA']) assert.ok((zone.byType[type] ?? 0) > 0, type);
    assert.match(zone.text, /^\$ORIGIN zone-bench\.example\.$/m);
    assert.match(zone.text, /^\$TTL /m);
    assert.match(zone.text, /SOA\t[^\n]*\(\n/);
    assert.match(zone.text, /"v=spf1 /);
    assert.match(zone.text, /^; /m);
    assert.match(zone.text, /^\$ORIGIN site-\d+\.zone-bench\.example\.$/m);
  });

  test('our parser reads every record without a syntax error', () => {
    const parsed = parseDocument({ text: zone.text, fileName: 'bench.zone' });
    assert.equal(parsed.origin, BENCH_ORIGIN);
    assert.equal(parsed.records.length, 3000);
    assert.deepEqual(parsed.parseDiagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  });

  test('named-checkzone loads it and ldns-read-zone prints exactly as many records', { skip: !onPath('named-checkzone') || !onPath('ldns-read-zone') }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
    try {
      const file = path.join(dir, 'bench.zone');
      fs.writeFileSync(file, zone.text);
      const check = namedCheckzone(BENCH_ORIGIN, file);
      assert.ok(check.ok, check.output);
      assert.match(check.output, /loaded serial 2024060101/);
      const ldns = spawnSync('ldns-read-zone', [file], { encoding: 'utf8' });
      assert.equal(ldns.status, 0, ldns.stderr);
      assert.equal(ldns.stdout.split('\n').filter((l) => l && !l.startsWith(';')).length, 3000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('benchZone writes the file once, then reuses it while its hash matches', { skip: !onPath('named-checkzone') }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cache-'));
    try {
      const first = benchZone(2000, 5, dir);
      assert.equal(first.generated, true);
      assert.equal(fs.readFileSync(first.path, 'utf8'), generateZone(2000, 5).text);
      assert.equal(benchZone(2000, 5, dir).generated, false);
      fs.appendFileSync(first.path, '; tampered\n');
      const again = benchZone(2000, 5, dir);
      assert.equal(again.generated, true);
      assert.equal(again.sha256, first.sha256);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runMeasured', () => {
  test('a run over its time limit is killed and reported as timed out', async () => {
    const r = await runMeasured({ cmd: 'sleep', args: ['20'], okCodes: [0] }, 300);
    assert.equal(r.status, 'timeout');
    assert.ok(r.wallMs >= 300 && r.wallMs < 10_000, String(r.wallMs));
  });

  test('an exit code outside okCodes is a failure; stdout is captured when asked', async () => {
    const failed = await runMeasured({ cmd: process.execPath, args: ['-e', 'process.exit(3)'], okCodes: [0, 1] }, 30_000);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.exitCode, 3);
    const ok = await runMeasured({ cmd: process.execPath, args: ['-e', 'process.stdout.write("hi"); process.exit(1)'], okCodes: [0, 1], captureStdout: true }, 30_000);
    assert.equal(ok.status, 'ok');
    assert.equal(ok.stdout, 'hi');
  });

  test('peak memory grows with what the process allocates', async () => {
    const small = await runMeasured({ cmd: process.execPath, args: ['-e', '0'], okCodes: [0] }, 30_000);
    const big = await runMeasured({ cmd: process.execPath, args: ['-e', 'const b = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => b.length, 200)'], okCodes: [0] }, 30_000);
    assert.ok(small.peakRssKiB && big.peakRssKiB, 'peak RSS measured');
    assert.ok(big.peakRssKiB! - small.peakRssKiB! > 150 * 1024, `${small.peakRssKiB} -> ${big.peakRssKiB}`);
  });
});

describe('statistics and the regression check', () => {
  test('median and nearest-rank percentile', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(hundred, 95), 95);
    assert.equal(percentile([7], 95), 7);
  });

  test('the check allows up to 30% worse and fails beyond', () => {
    const baseline = { records: 100000, timeRatio: 2, measured: 'test' };
    assert.equal(checkRatio(2.59, baseline).ok, true);
    assert.equal(checkRatio(1.2, baseline).ok, true);
    const bad = checkRatio(2.61, baseline);
    assert.equal(bad.ok, false);
    assert.match(bad.message, /REGRESSION.*2\.61.*baseline 2\.00/);
    // The CPU-time ratio is checked the same way when asked for, against the baseline's own.
    const both = { records: 100000, timeRatio: 2, cpuRatio: 4, measured: 'test' };
    assert.equal(checkRatio(5.1, both, undefined, 'cpu').ok, true);
    assert.equal(checkRatio(5.3, both, undefined, 'cpu').ok, false);
    assert.equal(checkRatio(3, { records: 100000, timeRatio: 2, measured: 'test' }, undefined, 'cpu').ok, false, 'no CPU baseline: fail, do not pass silently');
  });

  test('rows take the median of the successful runs and divide by named-checkzone', () => {
    const zone = { path: '/z', origin: 'z.', records: 1000, bytes: 2_000_000, sha256: '', byType: {}, generated: false };
    const run = (wallMs: number, peakRssKiB: number, status: RunResult['status'] = 'ok'): RunResult => ({ status, wallMs, peakRssKiB, cpuMs: wallMs / 2, exitCode: 0, stdout: '', stderrTail: '' });
    const runs: ToolRuns[] = [
      { tool: 'named-checkzone', zone, missing: false, runs: [run(100, 1000), run(300, 3000), run(200, 2000)] },
      { tool: 'zonelint', zone, missing: false, runs: [run(500, 500), run(400, 400), run(9000, 400, 'timeout')] },
      { tool: 'ldns-read-zone', zone, missing: true, runs: [] },
    ];
    const rows = toRows(runs);
    const named = rows.find((r) => r.label.startsWith('named'))!;
    const zl = rows.find((r) => r.label.startsWith('zonelint'))!;
    assert.equal(named.ms, 200);
    assert.equal(zl.ms, 450);
    assert.equal(zl.timeRatio, 450 / 200);
    assert.equal(zl.memRatio, 450 / 2000);
    assert.equal(zl.cpuRatio, 225 / 100);
    assert.equal(rows.find((r) => r.label.startsWith('ldns'))!.status, 'not installed');
  });
});

describe('measureLsp', () => {
  test('times open, edits, hovers and completions against the real server and reads its memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lsp-'));
    try {
      const zone = generateZone(3000, 9);
      const file = path.join(dir, 'bench-3000-9.zone');
      fs.writeFileSync(file, zone.text);
      const r = await measureLsp({ path: file, origin: BENCH_ORIGIN, records: 3000, bytes: zone.text.length, sha256: '', byType: {}, generated: true }, 4, 3, 60_000, 2000);
      assert.equal(r.records, 3000);
      assert.ok(r.openDiagnostics > 0, 'the generated zone has findings (DMARC p=none)');
      assert.equal(r.edit.n, 4);
      assert.equal(r.edit.answered, 4);
      assert.ok(r.settled && r.settled.answered > 0);
      assert.equal(r.hover?.answered, 3, 'every probe is on a record with a hover');
      assert.ok(r.completion && r.completion.answered > 0);
      for (const k of ['rssIdleKiB', 'rssAfterOpenKiB', 'rssAfterEditsKiB', 'rssSettledKiB', 'peakRssKiB'] as const) assert.ok((r[k] ?? 0) > 10 * 1024, `${k}: ${r[k]}`);
      assert.ok(r.peakRssKiB! >= r.rssSettledKiB!, 'the peak is at least the settled RSS');
      const table = lspTable(r);
      assert.match(table, /\| RSS held: the lowest in 2 s idle after all of the above \| \d+ MiB = \d+ B\/record; above idle: -?\d+ B\/record \|/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
