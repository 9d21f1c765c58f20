/**
 * Language-server latencies over the real protocol: the built server in its own process, spoken
 * to over stdio by test/helpers/lspClient.ts. Validation delay 0 (initializationOptions), so the
 * times are the server's work plus the transport, not the debounce.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TestClient, serverEntry } from '../helpers/lspClient';
import { median, percentile, readCpuMs, readVmKiB } from './measure';
import type { BenchZone } from './zoneCache';

export interface LatencyStats {
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Requests that got a non-empty answer (a hover or at least one completion item). */
  answered: number;
}

export interface LspResult {
  server: string;
  records: number;
  /** didOpen until the first publishDiagnostics (for a large zone: its parse findings). */
  openMs: number;
  /** didOpen until the last publishDiagnostics of version 1 (the complete result). */
  openCompleteMs?: number;
  /** Server CPU time (user + system) spent between didOpen and its diagnostics. */
  openCpuMs?: number;
  openDiagnostics: number;
  /** didChange until the first publishDiagnostics of that version (provisional for large zones). */
  edit: LatencyStats;
  /**
   * didChange after a pause until the last publishDiagnostics of that version (the complete
   * result: a server that publishes a provisional result first publishes again when its rules are done).
   */
  settled?: LatencyStats;
  /** Server CPU time per edit, averaged over all edits (robust against other load on the machine). */
  editCpuMs?: number;
  hover?: LatencyStats;
  completion?: LatencyStats;
  rssIdleKiB?: number;
  rssAfterOpenKiB?: number;
  rssAfterEditsKiB?: number;
  /**
   * The lowest RSS while the server is left alone after everything (idleMs): V8's memory reducer
   * gives back the pages of garbage some 20–40 s into an idle spell, so this is what the server
   * holds for the zone, where the readings right after open and edits include garbage.
   */
  rssSettledKiB?: number;
  /** How long the server was left idle for rssSettledKiB. */
  idleMs?: number;
  peakRssKiB?: number;
}

/** How long the server is left idle for the settled RSS, and how often RSS is read meanwhile. */
const IDLE_MS = 60_000;
const IDLE_POLL_MS = 1000;

function stats(samples: number[], answered: number): LatencyStats {
  return { n: samples.length, medianMs: median(samples), p95Ms: percentile(samples, 95), maxMs: Math.max(...samples), answered };
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** Lines of the file, with the indexes of those that are plain `A 10.x.y.z` records. */
function addressLines(lines: string[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (/\tA\t10\.\d+\.\d+\.\d+$/.test(l)) out.push(i);
  });
  return out;
}

/** Positions (line, character) on the type of MX records and on SPF terms, spread over the file. */
function probePositions(lines: string[], count: number): { line: number; character: number }[] {
  const candidates: { line: number; character: number }[] = [];
  lines.forEach((l, i) => {
    const mx = l.indexOf('\tMX\t');
    if (mx >= 0) candidates.push({ line: i, character: mx + 2 });
    const inc = l.indexOf('include:');
    if (inc >= 0) candidates.push({ line: i, character: inc + 3 });
  });
  const step = Math.max(1, Math.floor(candidates.length / count));
  return candidates.filter((_, i) => i % step === 0).slice(0, count);
}

const SETTLE_EDITS = 5;
/** No further publish for this long after the last one: the version's result is complete. */
const SETTLE_QUIET_MS = 2000;

/** Resolves once `count()` has not changed for `quietMs` (or after `timeoutMs`). */
async function quietFor(count: () => number, quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = count();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    if (count() !== last) {
      last = count();
      since = Date.now();
    }
  }
}

/**
 * Runs `act` (a didOpen or didChange of `version`) and times the publishes of that version from
 * its start: the first, and the last before none came for SETTLE_QUIET_MS.
 */
async function timedPublishes(client: TestClient, uri: string, version: number, act: () => Promise<void>, timeoutMs: number): Promise<{ firstMs: number; lastMs: number }> {
  const started = process.hrtime.bigint();
  const seen: number[] = [];
  const listener = (p: { uri: string; version?: number }): void => {
    if (p.uri === uri && p.version === version) seen.push(ms(started));
  };
  client.publishListeners.push(listener);
  try {
    await act();
    await client.waitForDiagnostics((p) => p.uri === uri && p.version === version, timeoutMs);
    const firstMs = ms(started);
    await quietFor(() => seen.length, SETTLE_QUIET_MS, timeoutMs);
    return { firstMs, lastMs: seen.length > 0 ? seen[seen.length - 1] : firstMs };
  } finally {
    client.publishListeners.splice(client.publishListeners.indexOf(listener), 1);
  }
}

export async function measureLsp(zone: BenchZone, edits: number, probes = 30, timeoutMs = 300_000, idleMs = IDLE_MS): Promise<LspResult> {
  const text = fs.readFileSync(zone.path, 'utf8');
  const lines = text.split('\n');
  const uri = pathToFileURL(zone.path).href;
  const client = new TestClient();
  const replaceLine = (line: number, oldLength: number, updated: string, version: number): Promise<void> =>
    client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, text: updated }],
    });
  try {
    const init = await client.initialize({}, { initializationOptions: { settings: { validationDelay: 0 } } });
    const pid = client.pid!;
    const rssIdleKiB = readVmKiB(pid, 'VmRSS');

    const cpuBeforeOpen = readCpuMs(pid);
    let started = process.hrtime.bigint();
    // A large zone gets its parse findings first: the complete result is the last publish.
    const opened = await timedPublishes(client, uri, 1, () => client.open(uri, text, 1), timeoutMs);
    const openMs = opened.firstMs;
    const openCompleteMs = opened.lastMs;
    const complete = client.published.filter((p) => p.uri === uri && p.version === 1).pop()!;
    const cpuAfterOpen = readCpuMs(pid);
    const rssAfterOpenKiB = readVmKiB(pid, 'VmRSS');

    // One-line edits: a new last octet for an A record, each on a different line.
    const targets = addressLines(lines);
    const step = Math.max(1, Math.floor(targets.length / edits));
    const editTimes: number[] = [];
    for (let i = 0; i < edits; i++) {
      const line = targets[(i * step) % targets.length];
      const old = lines[line];
      const updated = old.replace(/\.\d+$/, `.${(i % 250) + 1}`);
      lines[line] = updated;
      const version = i + 2;
      started = process.hrtime.bigint();
      await replaceLine(line, old.length, updated, version);
      await client.waitForDiagnostics((p) => p.uri === uri && p.version === version, timeoutMs);
      editTimes.push(ms(started));
    }
    const rssAfterEditsKiB = readVmKiB(pid, 'VmRSS');
    const cpuAfterEdits = readCpuMs(pid);

    // Edits one at a time, each followed by a pause: how long until the complete result.
    const settleTimes: number[] = [];
    for (let i = 0; i < SETTLE_EDITS; i++) {
      const line = targets[(i * step + 1) % targets.length];
      const old = lines[line];
      const updated = old.replace(/\.\d+$/, `.${(i % 250) + 3}`);
      lines[line] = updated;
      const version = edits + 2 + i;
      // A second publish of the version, if one comes, is the complete result.
      settleTimes.push((await timedPublishes(client, uri, version, () => replaceLine(line, old.length, updated, version), timeoutMs)).lastMs);
    }
    const cpuDelta = (a?: number, b?: number): number | undefined => (a !== undefined && b !== undefined ? b - a : undefined);
    const editCpuTotal = cpuDelta(cpuAfterOpen, cpuAfterEdits);

    const positions = probePositions(lines, probes);
    const caps = init.capabilities;
    let hover: LatencyStats | undefined;
    if (caps.hoverProvider) {
      const times: number[] = [];
      let answered = 0;
      for (const position of positions) {
        started = process.hrtime.bigint();
        const h = await client.connection.sendRequest<unknown>('textDocument/hover', { textDocument: { uri }, position });
        times.push(ms(started));
        if (h) answered++;
      }
      hover = stats(times, answered);
    }
    let completion: LatencyStats | undefined;
    if (caps.completionProvider) {
      const times: number[] = [];
      let answered = 0;
      for (const position of positions) {
        started = process.hrtime.bigint();
        const c = await client.connection.sendRequest<unknown[] | { items: unknown[] } | null>('textDocument/completion', { textDocument: { uri }, position });
        times.push(ms(started));
        const items = Array.isArray(c) ? c : c?.items;
        if (items && items.length > 0) answered++;
      }
      completion = stats(times, answered);
    }
    const peakRssKiB = readVmKiB(pid, 'VmHWM');
    let rssSettledKiB = readVmKiB(pid, 'VmRSS');
    for (let waited = 0; waited < idleMs; waited += IDLE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(IDLE_POLL_MS, idleMs)));
      const now = readVmKiB(pid, 'VmRSS');
      if (now !== undefined && (rssSettledKiB === undefined || now < rssSettledKiB)) rssSettledKiB = now;
    }
    await client.shutdown();
    return {
      server: serverEntry(),
      records: zone.records,
      openMs,
      openCpuMs: cpuDelta(cpuBeforeOpen, cpuAfterOpen),
      openDiagnostics: complete.diagnostics.length,
      openCompleteMs,
      edit: stats(editTimes, editTimes.length),
      settled: stats(settleTimes, settleTimes.length),
      editCpuMs: editCpuTotal === undefined ? undefined : editCpuTotal / edits,
      hover,
      completion,
      rssIdleKiB,
      rssAfterOpenKiB,
      rssAfterEditsKiB,
      rssSettledKiB,
      idleMs,
      peakRssKiB,
    };
  } catch (err) {
    client.kill();
    throw err;
  }
}
