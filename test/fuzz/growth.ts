/**
 * Time-growth checks: a run on input of size N and on 4N must take roughly 4 times as long, never
 * 16 (quadratic). Times are the best of a few runs (GC pauses and JIT warm-up only ever add
 * time), compared with each other, never with a wall-clock threshold; runs too fast to measure
 * reliably pass.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';

/** The small input is grown until one run takes at least this long. */
const MIN_SMALL_MS = 15;

/** Milliseconds of the fastest of `repeat` runs of `run`. */
export function bestMs(run: () => void, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export interface Growth {
  smallMs: number;
  largeMs: number;
  ratio: number;
}

export interface GrowthOptions {
  /** Size multiplier between the two runs (default 4). */
  factor?: number;
  /** Largest accepted time ratio (default 10 for 4x: linear gives ~4, quadratic ~16). */
  maxRatio?: number;
  /** Below this many ms for the large input, timing noise dominates and the check passes. */
  floorMs?: number;
  repeat?: number;
}

/** Measure `run(make(n))` against `run(make(factor * n))`; inputs are built outside the timing. */
export function measureGrowth<T>(make: (n: number) => T, run: (input: T) => void, n: number, options: GrowthOptions = {}): Growth {
  const factor = options.factor ?? 4;
  const repeat = options.repeat ?? 3;
  const warm = make(Math.max(1, Math.floor(n / 8)));
  run(warm);
  // Sub-millisecond runs are mostly timer and GC noise: grow the input until the small run takes
  // long enough to measure (at most 64 times the size asked for).
  let size = n;
  for (let i = 0; i < 6; i++) {
    const probe = make(size);
    if (bestMs(() => run(probe), 1) >= MIN_SMALL_MS) break;
    size *= 2;
  }
  const small = make(size);
  const large = make(factor * size);
  const smallMs = bestMs(() => run(small), repeat);
  const largeMs = bestMs(() => run(large), repeat);
  return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 0.05) };
}

export function assertLinearGrowth<T>(label: string, make: (n: number) => T, run: (input: T) => void, n: number, options: GrowthOptions = {}): Growth {
  const maxRatio = options.maxRatio ?? 10;
  const floorMs = options.floorMs ?? 5;
  let g = measureGrowth(make, run, n, options);
  // One more, longer look before calling it non-linear: a stray GC pause can hit either side.
  if (g.largeMs >= floorMs && g.ratio >= maxRatio) {
    const again = measureGrowth(make, run, n, { ...options, repeat: (options.repeat ?? 3) + 2 });
    if (again.ratio < g.ratio) g = again;
  }
  if (g.largeMs >= floorMs) {
    assert.ok(g.ratio < maxRatio, `${label}: ${options.factor ?? 4}x the input took ${g.ratio.toFixed(1)}x the time (${g.smallMs.toFixed(1)} ms -> ${g.largeMs.toFixed(1)} ms): not linear`);
  }
  return g;
}

/** The `count` longest of 40 values drawn with `seed` (early draws are small by design). */
export function longestSamples(arb: fc.Arbitrary<string>, seed: number, count: number): string[] {
  return fc
    .sample(arb, { seed, numRuns: 40 })
    .sort((a, b) => b.length - a.length)
    .slice(0, count);
}
