/**
 * Runs one command as its own process and measures it from the outside: wall time with
 * process.hrtime around the spawn, peak resident memory and CPU time with GNU time
 * (`/usr/bin/time -f '%M %U %S'`),
 * or, where that is missing, by polling VmHWM in /proc/<pid>/status. Every run has a time limit;
 * on expiry the whole process group is killed and the run is reported as timed out.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface RunSpec {
  cmd: string;
  args: string[];
  /** Exit codes that count as success (zonelint exits 1 when it reports errors). */
  okCodes: number[];
  /** Keep stdout (a runner that reports JSON) instead of sending it to /dev/null. */
  captureStdout?: boolean;
  cwd?: string;
}

export interface RunResult {
  status: 'ok' | 'failed' | 'timeout';
  wallMs: number;
  /** Peak resident set size in KiB, when it could be measured. */
  peakRssKiB?: number;
  /** User + system CPU time (GNU time only): less disturbed by other load than wall time. */
  cpuMs?: number;
  exitCode: number | null;
  stdout: string;
  /** The last 2 000 characters of stderr, for error reports. */
  stderrTail: string;
}

export function hasGnuTime(): boolean {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** VmHWM (peak RSS) of a live process in KiB, or undefined once it is gone. */
export function readVmKiB(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

let clockTicks: number | undefined;

/** CPU time (user + system) a live process has used so far, in ms, from /proc/<pid>/stat. */
export function readCpuMs(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

/** GNU time's last line, `%M %U %S` (its file may start with "Command exited with non-zero status"). */
function readGnuTimeOutput(file: string): { peakRssKiB?: number; cpuMs?: number } {
  try {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const [rss, user, sys] = lines[lines.length - 1].split(' ').map(Number);
    return {
      peakRssKiB: Number.isFinite(rss) && rss > 0 ? rss : undefined,
      cpuMs: Number.isFinite(user) && Number.isFinite(sys) ? Math.round((user + sys) * 1000) : undefined,
    };
  } catch {
    return {};
  }
}

export function runMeasured(spec: RunSpec, timeoutMs: number): Promise<RunResult> {
  const useTime = hasGnuTime();
  const timeFile = path.join(os.tmpdir(), `dns-zone-bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, spec.cmd, ...spec.args]] : [spec.cmd, spec.args];
  const devNull = spec.captureStdout ? undefined : fs.openSync('/dev/null', 'w');
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // detached: the child leads its own process group, so a timeout kills GNU time and the tool.
    const child = spawn(cmd, args, { cwd: spec.cwd, detached: true, stdio: ['ignore', devNull ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let polledHwm: number | undefined;
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 20000) stderr = stderr.slice(-4000);
    });
    const poll = useTime
      ? undefined
      : setInterval(() => {
          const v = child.pid ? readVmKiB(child.pid, 'VmHWM') : undefined;
          if (v !== undefined) polledHwm = Math.max(polledHwm ?? 0, v);
        }, 10);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    let done = false;
    const finish = (code: number | null, spawnError?: Error): void => {
      if (done) return;
      done = true;
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (devNull !== undefined) fs.closeSync(devNull);
      const measured = useTime ? readGnuTimeOutput(timeFile) : { peakRssKiB: polledHwm };
      fs.rmSync(timeFile, { force: true });
      const ok = !timedOut && !spawnError && code !== null && spec.okCodes.includes(code);
      resolve({
        status: timedOut ? 'timeout' : ok ? 'ok' : 'failed',
        wallMs,
        peakRssKiB: measured.peakRssKiB,
        cpuMs: measured.cpuMs,
        exitCode: code,
        stdout,
        stderrTail: (spawnError ? `${spawnError.message}\n` : '') + stderr.slice(-2000),
      });
    };
    child.on('error', (err) => finish(null, err));
    child.on('close', (code) => finish(code));
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}
