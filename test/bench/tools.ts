/**
 * The tools the benchmark compares, each as a command line on one zone file. Our own process
 * runners are the compiled files next to this one (out/test/bench/runners/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunSpec } from './measure';
import type { BenchZone } from './zoneCache';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export type ToolId = 'zonelint' | 'named-checkzone' | 'ldns-read-zone' | 'dns-zonefile' | 'in-process';

export interface Tool {
  id: ToolId;
  /** An external executable that must be on PATH, if any. */
  requires?: string;
  spec(zone: BenchZone): RunSpec;
}

export const TOOLS: Tool[] = [
  {
    id: 'zonelint',
    // Parse + every rule + JSON output, as a user runs it (bin/ prefers the esbuild bundle in dist/).
    spec: (z) => ({ cmd: process.execPath, args: [path.join(REPO_ROOT, 'bin', 'zonelint.js'), '--format', 'json', z.path], okCodes: [0, 1], cwd: REPO_ROOT }),
  },
  {
    id: 'named-checkzone',
    requires: 'named-checkzone',
    spec: (z) => ({ cmd: 'named-checkzone', args: ['-i', 'local', z.origin, z.path], okCodes: [0] }),
  },
  {
    id: 'ldns-read-zone',
    requires: 'ldns-read-zone',
    spec: (z) => ({ cmd: 'ldns-read-zone', args: [z.path], okCodes: [0] }),
  },
  {
    id: 'dns-zonefile',
    spec: (z) => ({ cmd: process.execPath, args: [path.join(__dirname, 'runners', 'dnsZonefile.js'), z.path], okCodes: [0], captureStdout: true, cwd: REPO_ROOT }),
  },
  {
    id: 'in-process',
    spec: (z) => ({ cmd: process.execPath, args: [path.join(__dirname, 'runners', 'inProcess.js'), z.path], okCodes: [0], captureStdout: true, cwd: REPO_ROOT }),
  },
];

/** Whether an executable is found on PATH. */
export function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** Which build `bin/zonelint.js` runs: it prefers the bundle. */
export function zonelintEntry(): string {
  return fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')) ? 'dist/cli.js (esbuild bundle)' : 'out/server/src/cli.js (tsc output)';
}
