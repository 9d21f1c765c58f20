// Runs the property-based tests (out/test/fuzz/*.test.js) with a larger budget than CI's:
// FUZZ_RUNS sets the runs per property (each divides it by its own cost), FUZZ_SEED the seed.
//
//   node scripts/fuzz.mjs                 # 20 000 runs, the fixed CI seed
//   node scripts/fuzz.mjs --runs 100000   # more
//   node scripts/fuzz.mjs --seed random   # a new seed each time (printed, to rerun a failure)
//   node scripts/fuzz.mjs --seed 42 fixes # only files whose name contains "fixes"
//
// A failure prints the seed and the shrunk counterexample; rerun it with the same --seed.
// Compile first (npm run fuzz does: tsc -p . && node scripts/fuzz.mjs).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

const runs = option('--runs', process.env.FUZZ_RUNS ?? '20000');
let seed = option('--seed', process.env.FUZZ_SEED ?? '');
if (seed === 'random') seed = String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(runs) || (seed !== '' && !/^\d+$/.test(seed))) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--seed N|random] [file filter ...]');
  process.exit(2);
}

const dir = join('out', 'test', 'fuzz');
if (!existsSync(dir)) {
  console.error(`${dir} does not exist: compile first (npx tsc -p .)`);
  process.exit(2);
}
let files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.js'))
  .sort()
  .map((f) => join(dir, f));
if (args.length > 0) files = files.filter((f) => args.some((a) => f.includes(a)));
if (files.length === 0) {
  console.error('no fuzz test files matched');
  process.exit(2);
}

const env = { ...process.env, FUZZ_RUNS: runs };
if (seed !== '') env.FUZZ_SEED = seed;
console.log(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed || '(the fixed CI seed)'} on ${files.length} files`);
const started = Date.now();
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(0)} s; rerun with --seed ${seed || '(default)'} --runs ${runs}`);
process.exit(r.status ?? 1);
