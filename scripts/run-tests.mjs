// Runs the compiled tests (out/test/**/*.test.js) with Node's built-in test runner. Node 20's
// `node --test` takes no globs, so the files are listed here. `--unit` leaves out the slow
// layers (oracle, editors, benchmarks); any other arguments filter by path substring.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const unit = args.includes('--unit');
const filters = args.filter((a) => !a.startsWith('--'));
const SLOW = ['/e2e/', '/clients/', '/bench/', '/soak/'];

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

let files = walk('out/test').map((f) => relative('.', f)).sort();
if (unit) files = files.filter((f) => !SLOW.some((s) => f.includes(s)));
if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const started = Date.now();
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
console.log(`test files: ${files.length}, wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(r.status ?? 1);
