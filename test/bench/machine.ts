/** The machine a benchmark ran on, printed with the results so that numbers are never read without it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { hasGnuTime } from './measure';
import { REPO_ROOT, zonelintEntry } from './tools';
import { inSnapshot, sourceRoot } from './snapshot';

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) return 'not installed';
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0];
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1].trim() : os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function dnsZonefileVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve('dns-zonefile/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The commit measured, and whether the working tree differs from it. */
function codeVersion(): string {
  const cwd = sourceRoot();
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' });
  if (head.status !== 0) return 'not a git checkout';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' }).stdout.trim();
  const where = inSnapshot() ? `; build copied from ${cwd} at the start of the run` : '';
  return `${head.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}${where}`;
}

export function machineInfo(): string[] {
  return [
    `code: ${codeVersion()}`,
    `nproc: ${os.availableParallelism()}; CPU: ${cpuModel()}; memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `node ${process.version}; named-checkzone ${firstLine('named-checkzone', ['-v'])}; ${firstLine('ldns-read-zone', ['-v'])}; dns-zonefile ${dnsZonefileVersion()}`,
    `zonelint runs ${zonelintEntry()}; peak RSS and CPU time from ${hasGnuTime() ? "GNU time (/usr/bin/time -f '%M %U %S')" : 'polling VmHWM in /proc/<pid>/status (install the Debian package `time` for exact values)'}`,
    `load average at start: ${loadAverage()}`,
  ];
}

/** The build outputs the benchmark runs, with their modification times: a rebuild during a run mixes two versions. */
export function buildStamp(): string {
  const files = ['dist/cli.js', 'dist/server.js', 'out/server/src/language/languageService.js', 'out/server/src/language/model/zone.js'];
  return files
    .map((f) => {
      try {
        return `${f}@${fs.statSync(path.join(REPO_ROOT, f)).mtime.toISOString()}`;
      } catch {
        return `${f}@missing`;
      }
    })
    .join(' ');
}
