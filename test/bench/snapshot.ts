/**
 * A private copy of the build for one benchmark run. Measuring takes minutes, and a rebuild of
 * dist/ or out/ in the meantime (a watcher, a colleague, another terminal) would mix two versions
 * of the code in one table. The bench copies what it runs (bin/, dist/, the compiled server,
 * bench and helper code, package.json) to a temporary directory, links node_modules and docs, and
 * runs itself again from there. The source checkout stays where baseline.json and git live.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from './zoneCache';
import { REPO_ROOT } from './tools';

/** Set in the re-run: the checkout the snapshot was taken from. */
export const SOURCE_ROOT_ENV = 'DNS_ZONE_BENCH_SOURCE_ROOT';

/** The checkout (for baseline.json and git), also when running from a snapshot. */
export function sourceRoot(): string {
  return process.env[SOURCE_ROOT_ENV] ?? REPO_ROOT;
}

export function inSnapshot(): boolean {
  return process.env[SOURCE_ROOT_ENV] !== undefined;
}

const COPIED = ['bin', 'dist', path.join('out', 'server'), path.join('out', 'test', 'bench'), path.join('out', 'test', 'helpers'), 'package.json'];
const LINKED = ['node_modules', 'docs'];

/** Copies the build; returns the directory, whose out/test/bench/bench.js is the entry to run. */
export function takeSnapshot(root = REPO_ROOT): string {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const dir = fs.mkdtempSync(path.join(CACHE_DIR, 'build-'));
  for (const rel of COPIED) {
    const from = path.join(root, rel);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, rel), { recursive: true });
  }
  for (const rel of LINKED) {
    const from = path.join(root, rel);
    if (fs.existsSync(from)) fs.symlinkSync(from, path.join(dir, rel));
  }
  return dir;
}
