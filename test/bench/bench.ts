/**
 * The benchmark of the issue "Fast on the largest zones" (docs/performance.md).
 *
 *   node out/test/bench/bench.js                 full: 10k, 100k, 1M records, 3 runs (1M: 2), LSP
 *   node out/test/bench/bench.js --quick         10k + 100k, 1 run, 30 edits: for CI
 *   node out/test/bench/bench.js --check         zonelint vs named-checkzone on 100k only, 5 runs;
 *                                                exit 1 when the ratio is > 30% worse than baseline.json
 *
 * Other options: --sizes 10000,100000  --reps N  --timeout SECONDS  --edits N  --no-lsp
 * --json FILE (raw results)  --update-baseline (write baseline.json from this run's 100k ratio)
 * --no-snapshot (measure dist/ and out/ in place instead of a private copy; see snapshot.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { benchZone, CACHE_DIR, type BenchZone } from './zoneCache';
import { runSuite, toRows, type Row } from './suite';
import { measureLsp, type LspResult } from './lspLatency';
import { lspTable, resultsTable, targetsTable } from './report';
import { buildStamp, loadAverage, machineInfo } from './machine';
import { CHECK_RECORDS, checkRatio, readBaseline, writeBaseline } from './baseline';
import { REPO_ROOT, type ToolId } from './tools';
import { inSnapshot, SOURCE_ROOT_ENV, takeSnapshot } from './snapshot';

interface Options {
  sizes: number[];
  reps?: number;
  timeoutMs: number;
  edits: number;
  lsp: boolean;
  check: boolean;
  onlyCheck: boolean;
  updateBaseline: boolean;
  /** Run from a private copy of the build (see snapshot.ts); --no-snapshot runs the build in place. */
  snapshot: boolean;
  json?: string;
}

const USAGE = 'usage: bench.js [--quick] [--check] [--update-baseline] [--sizes N,N] [--reps N] [--timeout S] [--edits N] [--no-lsp] [--no-snapshot] [--json FILE]';

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [10_000, 100_000, 1_000_000], timeoutMs: 300_000, edits: 100, lsp: true, check: false, onlyCheck: false, updateBaseline: false, snapshot: true };
  let quick = false;
  let sizesGiven = false;
  const value = (i: number): string => {
    if (i >= argv.length) throw new Error(`${argv[i - 1]} needs a value\n${USAGE}`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') quick = true;
    else if (a === '--check') o.check = true;
    else if (a === '--update-baseline') o.updateBaseline = true;
    else if (a === '--no-lsp') o.lsp = false;
    else if (a === '--no-snapshot') o.snapshot = false;
    else if (a === '--sizes') {
      o.sizes = value(++i).split(',').map(Number);
      sizesGiven = true;
    } else if (a === '--reps') o.reps = Number(value(++i));
    else if (a === '--timeout') o.timeoutMs = Number(value(++i)) * 1000;
    else if (a === '--edits') o.edits = Number(value(++i));
    else if (a === '--json') o.json = value(++i);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  if (quick) {
    if (!sizesGiven) o.sizes = [10_000, 100_000];
    o.reps ??= 1;
    o.edits = Math.min(o.edits, 30);
  }
  // --check on its own measures only what it compares; with --quick or --sizes it uses that run.
  o.onlyCheck = o.check && !quick && !sizesGiven;
  if (o.check || o.updateBaseline) {
    if (!o.sizes.includes(CHECK_RECORDS)) o.sizes.push(CHECK_RECORDS);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error('--sizes: whole numbers of at least 1000 records');
  if (o.reps !== undefined && !(o.reps >= 1)) throw new Error('--reps: at least 1');
  if (!(o.timeoutMs > 0) || !(o.edits >= 1)) throw new Error(`bad --timeout or --edits\n${USAGE}`);
  return o;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** zonelint / named-checkzone wall-time ratio on the check zone, if both ran. */
function checkZoneRatio(rows: Row[]): { time?: number; cpu?: number; memory?: number } {
  const zl = rows.find((r) => r.records === CHECK_RECORDS && r.label.startsWith('zonelint'));
  return { time: zl?.timeRatio, cpu: zl?.cpuRatio, memory: zl?.memRatio };
}

function rounded(n: number | undefined): number | undefined {
  return n === undefined ? undefined : Number(n.toFixed(3));
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const o = parseArgs(argv);
  if (o.snapshot && !inSnapshot()) {
    const dir = takeSnapshot();
    try {
      const r = spawnSync(process.execPath, [path.join(dir, 'out', 'test', 'bench', 'bench.js'), ...argv], { stdio: 'inherit', env: { ...process.env, [SOURCE_ROOT_ENV]: REPO_ROOT } });
      return r.status ?? 2;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const machine = machineInfo();
  for (const l of machine) log(l);
  const buildAtStart = buildStamp();

  const zones: BenchZone[] = [];
  for (const size of o.onlyCheck ? [CHECK_RECORDS] : o.sizes) {
    const started = Date.now();
    const z = benchZone(size);
    zones.push(z);
    log(`zone ${z.path}: ${z.records} records, ${(z.bytes / 1e6).toFixed(1)} MB, ${z.generated ? `generated and checked with named-checkzone in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'reused (same SHA-256)'}`);
  }

  const tools: ToolId[] = o.onlyCheck ? ['zonelint', 'named-checkzone'] : ['zonelint', 'named-checkzone', 'ldns-read-zone', 'dns-zonefile', 'in-process'];
  const runs = await runSuite(zones, {
    tools,
    // The check alone runs 5 times: its ratio must hold up on a loaded CI machine.
    reps: (n) => o.reps ?? (o.onlyCheck ? 5 : n >= 1_000_000 ? 2 : 3),
    timeoutMs: o.timeoutMs,
    noRepeatAboveMs: 120_000,
    log,
  });
  const rows = toRows(runs);

  let lsp: LspResult | undefined;
  const lspZone = zones.find((z) => z.records === 100_000) ?? zones[zones.length - 1];
  if (o.lsp && !o.onlyCheck) {
    log(`language server on ${lspZone.records} records, ${o.edits} edits ...`);
    lsp = await measureLsp(lspZone, o.edits, 30, o.timeoutMs);
  }

  // Someone rebuilding dist/ or out/ during the run would make the numbers mix two versions.
  const rebuilt = buildStamp() !== buildAtStart;
  if (rebuilt) log(`WARNING: the build changed during the run (was ${buildAtStart}, now ${buildStamp()}): results mix versions`);
  const out: string[] = ['```', ...machine, `load average at end: ${loadAverage()}`, `zones cached in ${CACHE_DIR}`];
  if (rebuilt) out.push('WARNING: dist/ or out/ was rebuilt during this run; the results mix two versions of the code');
  out.push('```', '', resultsTable(rows));
  if (lsp) out.push('', lspTable(lsp));
  if (!o.onlyCheck) out.push('', targetsTable(rows, lsp));
  process.stdout.write(`${out.join('\n')}\n`);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ machine, rows, lsp, runs: runs.map((r) => ({ tool: r.tool, zone: r.zone, runs: r.runs.map((x) => ({ ...x, stderrTail: x.stderrTail.slice(-500) })) })) }, null, 2));

  let code = 0;
  const ratio = checkZoneRatio(rows);
  if (o.updateBaseline) {
    if (ratio.time === undefined) {
      log('--update-baseline: no zonelint/named-checkzone ratio on the 100 000-record zone in this run');
      return 2;
    }
    const reps = runs.find((r) => r.tool === 'zonelint' && r.zone.records === CHECK_RECORDS)?.runs.length ?? 0;
    writeBaseline({
      records: CHECK_RECORDS,
      timeRatio: rounded(ratio.time)!,
      cpuRatio: rounded(ratio.cpu),
      memoryRatio: rounded(ratio.memory),
      measured: `${new Date().toISOString().slice(0, 10)}, median of ${reps} runs; ${machine[0]}; ${machine[1]}; load average ${loadAverage()}`,
    });
    log('baseline.json updated');
  }
  if (o.check) {
    if (ratio.time === undefined) {
      log('--check: zonelint or named-checkzone did not complete on the 100 000-record zone');
      return 1;
    }
    const baseline = readBaseline();
    // CPU time when both runs have it (GNU time): steadier on a loaded runner than wall time.
    const byCpu = ratio.cpu !== undefined && baseline.cpuRatio !== undefined;
    const result = byCpu ? checkRatio(ratio.cpu!, baseline, undefined, 'cpu') : checkRatio(ratio.time, baseline);
    const other = byCpu ? `wall-time ratio ${ratio.time.toFixed(2)}` : `CPU-time ratio ${ratio.cpu?.toFixed(2) ?? '?'}`;
    process.stdout.write(`\n${result.message}\n(for information, ${other})\n`);
    if (!result.ok) code = 1;
  }
  return code;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    log(`bench: ${(err as Error).message ?? String(err)}`);
    process.exitCode = 2;
  },
);
