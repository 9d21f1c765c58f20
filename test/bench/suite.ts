/**
 * Runs every tool on every zone size, repetitions interleaved (tool A, B, C, then A, B, C again)
 * so that a burst of load on the machine does not land on one tool only, and turns the runs into
 * table rows: medians, throughput, and ratios against named-checkzone on the same file.
 */
import { median, runMeasured, type RunResult } from './measure';
import { TOOLS, onPath, type Tool, type ToolId } from './tools';
import type { BenchZone } from './zoneCache';

export interface SuiteOptions {
  tools: ToolId[];
  /** Repetitions for a zone of this many records. */
  reps(records: number): number;
  timeoutMs: number;
  /** A tool whose run took longer than this is not repeated (the 1M-record zone on a slow tool). */
  noRepeatAboveMs: number;
  log(line: string): void;
}

export interface ToolRuns {
  tool: ToolId;
  zone: BenchZone;
  runs: RunResult[];
  missing: boolean;
}

export async function runSuite(zones: BenchZone[], options: SuiteOptions): Promise<ToolRuns[]> {
  const out: ToolRuns[] = [];
  const tools: Tool[] = TOOLS.filter((t) => options.tools.includes(t.id));
  for (const zone of zones) {
    const entries = tools.map((t) => ({ tool: t, result: { tool: t.id, zone, runs: [] as RunResult[], missing: !!t.requires && !onPath(t.requires) } }));
    const reps = options.reps(zone.records);
    for (let rep = 0; rep < reps; rep++) {
      for (const { tool, result } of entries) {
        if (result.missing) continue;
        const previous = result.runs[result.runs.length - 1];
        if (previous && (previous.status !== 'ok' || previous.wallMs > options.noRepeatAboveMs)) continue;
        const r = await runMeasured(tool.spec(zone), options.timeoutMs);
        result.runs.push(r);
        const mem = r.peakRssKiB ? `${(r.peakRssKiB / 1024).toFixed(0)} MiB` : '?';
        options.log(`  ${zone.records} records, run ${rep + 1}/${reps}: ${tool.id} ${r.status} ${(r.wallMs / 1000).toFixed(2)} s ${mem}${r.status === 'failed' ? ` (exit ${r.exitCode}) ${r.stderrTail.trim().split('\n').slice(-2).join(' | ')}` : ''}`);
      }
    }
    out.push(...entries.map((e) => e.result));
  }
  return out;
}

export interface Row {
  label: string;
  records: number;
  bytes: number;
  /** 'ok', 'timeout', 'failed (exit 2)', 'not installed'. */
  status: string;
  ms?: number;
  /** CPU time (user + system) of the process or phase. */
  cpuMs?: number;
  peakRssKiB?: number;
  runs: number;
  timeRatio?: number;
  cpuRatio?: number;
  memRatio?: number;
  note?: string;
}

function statusOf(t: ToolRuns): string {
  if (t.missing) return 'not installed';
  if (t.runs.some((r) => r.status === 'ok')) return 'ok';
  const bad = t.runs.find((r) => r.status !== 'ok');
  if (!bad) return 'not run';
  return bad.status === 'timeout' ? `timeout (${(bad.wallMs / 1000).toFixed(0)} s)` : `failed (exit ${bad.exitCode})`;
}

/** Median of a numeric field of the JSON the runner printed, over the successful runs. */
function medianOfReport(runs: RunResult[], field: string): number | undefined {
  const values = runs.map((r) => (JSON.parse(r.stdout) as Record<string, number>)[field]).filter((v) => typeof v === 'number');
  return values.length ? median(values) : undefined;
}

function medianOf(values: (number | undefined)[]): number | undefined {
  const v = values.filter((x): x is number => typeof x === 'number');
  return v.length ? median(v) : undefined;
}

/** Table rows per zone: one per process, plus the in-process phases of dns-zonefile and ours. */
export function toRows(all: ToolRuns[]): Row[] {
  const rows: Row[] = [];
  const sizes = [...new Set(all.map((t) => t.zone.records))];
  for (const size of sizes) {
    const group = all.filter((t) => t.zone.records === size);
    const sizeRows: Row[] = [];
    for (const t of group) {
      const ok = t.runs.filter((r) => r.status === 'ok');
      const base = { records: t.zone.records, bytes: t.zone.bytes, status: statusOf(t), runs: t.runs.length };
      const wall = ok.length ? median(ok.map((r) => r.wallMs)) : undefined;
      const peak = medianOf(ok.map((r) => r.peakRssKiB));
      const cpu = medianOf(ok.map((r) => r.cpuMs));
      const proc = { ms: wall, cpuMs: cpu, peakRssKiB: peak };
      if (t.tool === 'zonelint') sizeRows.push({ ...base, label: 'zonelint --format json (process)', ...proc });
      if (t.tool === 'named-checkzone') sizeRows.push({ ...base, label: 'named-checkzone -i local', ...proc });
      if (t.tool === 'ldns-read-zone') sizeRows.push({ ...base, label: 'ldns-read-zone', ...proc });
      if (t.tool === 'dns-zonefile') {
        const seen = medianOfReport(ok, 'records');
        sizeRows.push({ ...base, label: 'dns-zonefile (process)', ...proc });
        sizeRows.push({
          ...base,
          label: 'dns-zonefile parse() in process',
          ms: medianOfReport(ok, 'parseMs'),
          cpuMs: medianOfReport(ok, 'parseCpuMs'),
          note: seen === undefined ? undefined : `understood ${seen} of ${t.zone.records} records`,
        });
      }
      if (t.tool === 'in-process') {
        const parse = medianOfReport(ok, 'parseMs');
        const validate = medianOfReport(ok, 'validateMs');
        const parseCpu = medianOfReport(ok, 'parseCpuMs');
        const validateCpu = medianOfReport(ok, 'validateCpuMs');
        const sum = (a?: number, b?: number): number | undefined => (a !== undefined && b !== undefined ? a + b : undefined);
        sizeRows.push({ ...base, label: 'ours: parseDocument (in process)', ms: parse, cpuMs: parseCpu });
        sizeRows.push({ ...base, label: 'ours: validate (in process)', ms: validate, cpuMs: validateCpu, note: `${medianOfReport(ok, 'diagnostics') ?? '?'} diagnostics` });
        sizeRows.push({
          ...base,
          label: 'ours: parse + validate (in process)',
          ms: sum(parse, validate),
          cpuMs: sum(parseCpu, validateCpu),
          peakRssKiB: peak,
          note: 'peak RSS of the whole runner process',
        });
      }
    }
    const named = sizeRows.find((r) => r.label.startsWith('named-checkzone'));
    for (const r of sizeRows) {
      if (named?.ms && r.ms !== undefined) r.timeRatio = r.ms / named.ms;
      if (named?.cpuMs && r.cpuMs !== undefined) r.cpuRatio = r.cpuMs / named.cpuMs;
      if (named?.peakRssKiB && r.peakRssKiB !== undefined) r.memRatio = r.peakRssKiB / named.peakRssKiB;
    }
    rows.push(...sizeRows);
  }
  return rows;
}
