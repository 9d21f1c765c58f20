/** The machine a benchmark ran on, printed with the results so that numbers are never read without it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { hasGnuTime } from './measure';
import { zonelintEntry } from './tools';

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

export function machineInfo(): string[] {
  return [
    `nproc: ${os.availableParallelism()}; CPU: ${cpuModel()}; memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `node ${process.version}; named-checkzone ${firstLine('named-checkzone', ['-v'])}; ${firstLine('ldns-read-zone', ['-v'])}; dns-zonefile ${dnsZonefileVersion()}`,
    `zonelint runs ${zonelintEntry()}; peak RSS from ${hasGnuTime() ? 'GNU time (/usr/bin/time -f %M)' : 'polling VmHWM in /proc/<pid>/status (install the Debian package `time` for exact values)'}`,
    `load average at start: ${loadAverage()}`,
  ];
}
