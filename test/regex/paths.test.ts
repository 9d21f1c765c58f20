/**
 * The regexes that were super-linear, reached through the product (pathScenarios.ts): each
 * input at size n and 4n must take roughly 4x the time, never 16x. Scenarios run in a worker
 * thread with a watchdog, so a regression to exponential or cubic time fails the test instead of
 * hanging it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SCENARIOS } from './pathScenarios';
import type { Growth } from '../fuzz/growth';

const WATCHDOG_MS = 60_000;
const MAX_RATIO = 10;
const FLOOR_MS = 5;

function timeInWorker(name: string): Promise<Growth | 'hung'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'pathWorker.js'), { workerData: { name } });
    const timer = setTimeout(() => void worker.terminate().then(() => resolve('hung')), WATCHDOG_MS);
    worker.once('message', (g: Growth) => {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(g));
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

describe('fixed regexes, through the product', () => {
  for (const [name, s] of Object.entries(SCENARIOS)) {
    test(s.title, async (t) => {
      let g = await timeInWorker(name);
      assert.notEqual(g, 'hung', `${name}: still running after ${WATCHDOG_MS} ms`);
      // A second look before calling it non-linear: a GC pause can hit either side.
      if (g !== 'hung' && g.largeMs >= FLOOR_MS && g.ratio >= MAX_RATIO) g = await timeInWorker(name);
      if (g === 'hung') return assert.fail(`${name}: still running after ${WATCHDOG_MS} ms`);
      t.diagnostic(`n=${s.n}: ${g.smallMs.toFixed(1)} ms, 4n: ${g.largeMs.toFixed(1)} ms (x${g.ratio.toFixed(1)})`);
      if (g.largeMs >= FLOOR_MS) assert.ok(g.ratio < MAX_RATIO, `${name}: 4x the input took ${g.ratio.toFixed(1)}x the time: not linear`);
    });
  }
});
