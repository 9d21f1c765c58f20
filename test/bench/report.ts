/**
 * Printing: the results table (markdown, so it can go into docs/performance.md as printed), the
 * language-server latencies, and the issue's targets with where we stand against each.
 */
import type { LatencyStats, LspResult } from './lspLatency';
import type { Row } from './suite';

const MB = 1e6;

function fixed(n: number | undefined, digits: number): string {
  return n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits);
}

function ratio(n: number | undefined): string {
  return n === undefined ? '—' : `${n.toFixed(n < 10 ? 2 : 1)}×`;
}

function count(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

function rate(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '—';
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(0);
}

function duration(ms: number | undefined): string {
  return ms === undefined ? '—' : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function resultsTable(rows: Row[]): string {
  const out = [
    '| tool | records | MB | runs | wall time | CPU time | MB/s | records/s | peak RSS | wall × named | CPU × named | RSS × named | note |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const r of rows) {
    const seconds = r.ms === undefined ? undefined : r.ms / 1000;
    const time = r.status !== 'ok' ? r.status : duration(r.ms);
    out.push(
      `| ${r.label} | ${count(r.records)} | ${fixed(r.bytes / MB, 1)} | ${r.runs} | ${time} | ${r.status !== 'ok' ? '—' : duration(r.cpuMs)} | ${fixed(seconds ? r.bytes / MB / seconds : undefined, 1)} | ${rate(seconds ? r.records / seconds : undefined)} | ${r.peakRssKiB ? `${(r.peakRssKiB / 1024).toFixed(0)} MiB` : '—'} | ${ratio(r.timeRatio)} | ${ratio(r.cpuRatio)} | ${ratio(r.memRatio)} | ${r.note ?? ''} |`,
    );
  }
  return out.join('\n');
}

function latency(s: LatencyStats | undefined): string {
  return s ? `median ${s.medianMs.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(1)} ms (n = ${s.n}, answered ${s.answered})` : 'not offered by the server';
}

function bytesPerRecord(kib: number | undefined, records: number): string {
  return kib === undefined ? '—' : `${((kib * 1024) / records).toFixed(0)} B/record`;
}

export function lspTable(l: LspResult): string {
  const mib = (k?: number): string => (k === undefined ? '—' : `${(k / 1024).toFixed(0)} MiB`);
  return [
    `| language server (${count(l.records)} records, ${l.server.replace(/.*\/(dist|out)\//, '$1/')}) | result |`,
    '|---|---|',
    `| didOpen → first publishDiagnostics | ${l.openMs.toFixed(0)} ms |`,
    `| didOpen → complete diagnostics (last publish of version 1) | ${fixed(l.openCompleteMs, 0)} ms (${l.openDiagnostics} diagnostics); server CPU ${fixed(l.openCpuMs, 0)} ms |`,
    `| didChange (one line) → publishDiagnostics | ${latency(l.edit)}; server CPU ${fixed(l.editCpuMs, 0)} ms per edit (mean) |`,
    `| didChange after a pause → complete diagnostics (last publish of the version) | ${latency(l.settled)} |`,
    `| hover | ${latency(l.hover)} |`,
    `| completion | ${latency(l.completion)} |`,
    `| RSS idle (after initialize) | ${mib(l.rssIdleKiB)} |`,
    `| RSS after open | ${mib(l.rssAfterOpenKiB)} = ${bytesPerRecord(l.rssAfterOpenKiB, l.records)}; above idle: ${bytesPerRecord(l.rssAfterOpenKiB && l.rssIdleKiB ? l.rssAfterOpenKiB - l.rssIdleKiB : undefined, l.records)} |`,
    `| RSS right after the edits / peak (VmHWM) | ${mib(l.rssAfterEditsKiB)} / ${mib(l.peakRssKiB)} |`,
    `| RSS held: the lowest in ${fixed((l.idleMs ?? 0) / 1000, 0)} s idle after all of the above | ${mib(l.rssSettledKiB)} = ${bytesPerRecord(l.rssSettledKiB, l.records)}; above idle: ${bytesPerRecord(l.rssSettledKiB && l.rssIdleKiB ? l.rssSettledKiB - l.rssIdleKiB : undefined, l.records)} |`,
  ].join('\n');
}

interface Target {
  target: string;
  measured: string;
  met: boolean | undefined;
  /** A figure shown beside the targets, not one of them. */
  info?: boolean;
}

function verdict(met: boolean | undefined): string {
  return met === undefined ? 'not measured' : met ? 'met' : '**not met**';
}

/** The targets of the issue "Fast on the largest zones", judged on the largest zone measured. */
export function targetsTable(rows: Row[], lsp: LspResult | undefined): string {
  const largest = Math.max(...rows.map((r) => r.records));
  const at = (prefix: string): Row | undefined => rows.find((r) => r.records === largest && r.label.startsWith(prefix));
  const zl = at('zonelint');
  const ours = at('ours: parse + validate');
  const mbps = ours?.ms ? ours.bytes / MB / (ours.ms / 1000) : undefined;
  const cpuMbps = ours?.cpuMs ? ours.bytes / MB / (ours.cpuMs / 1000) : undefined;
  const perRecord = lsp?.rssAfterOpenKiB ? (lsp.rssAfterOpenKiB * 1024) / lsp.records : undefined;
  const targets: Target[] = [
    { target: `zonelint wall time ≤ 1/4 of named-checkzone (${count(largest)} records)`, measured: `${ratio(zl?.timeRatio)} (CPU time ${ratio(zl?.cpuRatio)})`, met: zl?.timeRatio === undefined ? undefined : zl.timeRatio <= 0.25 },
    { target: `zonelint peak memory < named-checkzone (${count(largest)} records)`, measured: ratio(zl?.memRatio), met: zl?.memRatio === undefined ? undefined : zl.memRatio < 1 },
    { target: `in process (parse + validate) ≥ 50 MB/s (${count(largest)} records)`, measured: `${fixed(mbps, 1)} MB/s (per CPU second ${fixed(cpuMbps, 1)})`, met: mbps === undefined ? undefined : mbps >= 50 },
    { target: 'server: didOpen → diagnostics < 500 ms', measured: lsp ? `${lsp.openMs.toFixed(0)} ms` : '—', met: lsp ? lsp.openMs < 500 : undefined },
    { target: 'server: edit → diagnostics < 50 ms (median)', measured: lsp ? `${lsp.edit.medianMs.toFixed(1)} ms` : '—', met: lsp ? lsp.edit.medianMs < 50 : undefined },
    { target: 'server: didOpen → complete diagnostics (not a target, for comparison)', measured: lsp?.openCompleteMs !== undefined ? `${lsp.openCompleteMs.toFixed(0)} ms` : '—', met: undefined, info: true },
    { target: 'server: edit → complete diagnostics (after a pause; not a target, for comparison)', measured: lsp?.settled ? `${lsp.settled.medianMs.toFixed(0)} ms` : '—', met: undefined, info: true },
    { target: 'server: hover < 20 ms (median)', measured: lsp?.hover ? `${lsp.hover.medianMs.toFixed(1)} ms` : '—', met: lsp?.hover ? lsp.hover.medianMs < 20 : undefined },
    { target: 'server: completion < 20 ms (median)', measured: lsp?.completion ? `${lsp.completion.medianMs.toFixed(1)} ms` : '—', met: lsp?.completion ? lsp.completion.medianMs < 20 : undefined },
    { target: 'server: < 300 bytes of RSS per record after open', measured: perRecord === undefined ? '—' : `${perRecord.toFixed(0)} B/record`, met: perRecord === undefined ? undefined : perRecord < 300 },
  ];
  return ['| target | measured | verdict |', '|---|--:|---|', ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.info ? '—' : verdict(t.met)} |`)].join('\n');
}
