/**
 * Worker thread for paths.test.ts: times one scenario of pathScenarios.ts at n and 4n and posts
 * the result (see fuzz/growth.ts for how).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SCENARIOS } from './pathScenarios';
import { measureGrowth } from '../fuzz/growth';

const s = SCENARIOS[(workerData as { name: string }).name];
parentPort!.postMessage(measureGrowth(s.make, s.run, s.n));
