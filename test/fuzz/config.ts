/**
 * Budget and seed of the property-based tests. CI runs a small, fixed-seed budget so a failure
 * is reproducible; `npm run fuzz` (scripts/fuzz.mjs) raises FUZZ_RUNS and may pick a new seed.
 * A failing property prints its seed and shrunk counterexample; rerun with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20241127;

export const FUZZ_SEED = readInt('FUZZ_SEED') ?? DEFAULT_SEED;

/**
 * Runs for one property: `ciRuns` by default; with FUZZ_RUNS set, FUZZ_RUNS divided by the
 * property's relative `cost` (a property that probes every offset of a document is dearer than
 * one that parses it once), never below `ciRuns`.
 */
export function fuzzRuns(ciRuns: number, cost = 1): number {
  const requested = readInt('FUZZ_RUNS');
  if (requested === undefined) return ciRuns;
  return Math.max(ciRuns, Math.ceil(requested / cost));
}

/** fast-check parameters: the fixed seed, the budget, shrinking on failure, and the failed assertion in the report. */
export function fuzzParams<T>(ciRuns: number, cost = 1): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(ciRuns, cost), includeErrorInReport: true };
}

function readInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}
