/**
 * Worker thread that runs the attacks of pump.ts against a list of regexes and reports after
 * each one. It runs apart from the test so that a regex that never finishes (exponential
 * backtracking) can be stopped: the test terminates the worker and names the regex.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { genericAttacks, runAttack, type Attack, type AttackResult } from './pump';

export interface PumpJob {
  id: string;
  pattern: string;
  flags: string;
  /** Attacks chosen for this regex; the generic ones are added with `genericReps`. */
  attacks: Attack[];
  genericReps: number;
}

export type PumpMessage = { type: 'start'; id: string } | { type: 'done'; id: string; results: AttackResult[]; attacks: number } | { type: 'end' };

const jobs = (workerData as { jobs: PumpJob[] }).jobs;
for (const job of jobs) {
  parentPort!.postMessage({ type: 'start', id: job.id } satisfies PumpMessage);
  const re = new RegExp(job.pattern, job.flags);
  const all = [...job.attacks, ...genericAttacks(job.pattern, job.genericReps)];
  const results: AttackResult[] = [];
  for (const a of all) {
    const r = runAttack(re, a);
    // Only the slow ones travel back: the test reports them.
    if (r.growth || r.failed) results.push(r);
  }
  parentPort!.postMessage({ type: 'done', id: job.id, results, attacks: all.length } satisfies PumpMessage);
}
parentPort!.postMessage({ type: 'end' } satisfies PumpMessage);
