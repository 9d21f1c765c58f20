/**
 * No regular expression of server/src takes super-linear time: each one found in the source
 * (listed in the inventory or not) meets generic attacks built from its own characters and from
 * those that mean something in zone text, and the listed ones also meet 50 000 repetitions of
 * their ambiguous part. They run in a worker thread with a watchdog, so one that never finishes
 * (exponential backtracking) is named instead of hanging the suite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { INVENTORY } from './inventory';
import { scanRegexes } from './scan';
import type { AttackResult } from './pump';
import type { PumpJob, PumpMessage } from './pumpWorker';

/** A regex still busy after this long is reported as hanging. */
const WATCHDOG_MS = 20_000;
/** Repetitions for the generic attacks (the inventory's own attacks use 50 000 unless bounded). */
const GENERIC_REPS = 4_000;

/** One job per distinct pattern; a `new RegExp` built from a non-literal uses the inventory's sample. */
function jobs(): PumpJob[] {
  const byId = new Map<string, PumpJob>();
  for (const s of scanRegexes()) {
    const audit = INVENTORY.find((e) => e.file === s.file && e.regex === s.written);
    const pattern = s.pattern ?? sampleOf(s.written);
    if (pattern === undefined) continue;
    const id = `${s.file} ${s.written}`;
    if (!byId.has(id)) byId.set(id, { id, pattern, flags: s.flags ?? '', attacks: audit?.attack ? [audit.attack] : [], genericReps: GENERIC_REPS });
  }
  return [...byId.values()];
}

/** The one dynamic regex: eui48.ts builds `{5}` / `{7}` groups from a constant. */
function sampleOf(written: string): string | undefined {
  if (written.includes('octets - 1')) return '^[0-9A-Fa-f]{1,2}(-[0-9A-Fa-f]{1,2}){5}$';
  return undefined;
}

interface Outcome {
  slow: { id: string; result: AttackResult }[];
  hung: string[];
  attacks: number;
  regexes: number;
}

/** Run the jobs in a worker; if one hangs, stop it, record it, and go on with the rest. */
async function runAll(all: PumpJob[]): Promise<Outcome> {
  const outcome: Outcome = { slow: [], hung: [], attacks: 0, regexes: 0 };
  let remaining = all;
  while (remaining.length > 0) {
    const done = new Set<string>();
    let current: string | undefined;
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(path.join(__dirname, 'pumpWorker.js'), { workerData: { jobs: remaining } });
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (current) outcome.hung.push(current);
          void worker.terminate().then(() => resolve());
        }, WATCHDOG_MS);
      };
      arm();
      worker.on('message', (m: PumpMessage) => {
        if (m.type === 'start') {
          current = m.id;
          arm();
        } else if (m.type === 'done') {
          done.add(m.id);
          outcome.regexes++;
          outcome.attacks += m.attacks;
          for (const result of m.results) outcome.slow.push({ id: m.id, result });
        } else {
          clearTimeout(timer);
          void worker.terminate().then(() => resolve());
        }
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    remaining = remaining.filter((j) => !done.has(j.id) && !outcome.hung.includes(j.id));
  }
  return outcome;
}

test('every regex of server/src stays linear on adversarial input', { timeout: 10 * 60_000 }, async (t) => {
  const all = jobs();
  assert.ok(all.length > 50, `only ${all.length} regexes`);
  const outcome = await runAll(all);
  const failed = outcome.slow.filter((s) => s.result.failed);
  const describe = (s: { id: string; result: AttackResult }) => {
    const a = s.result.attack;
    const g = s.result.growth;
    return `${s.id}: ${JSON.stringify(a.prefix ?? '')} + ${JSON.stringify(a.pump)} x ${a.reps} + ${JSON.stringify(a.suffix ?? '')}: ${s.result.ms.toFixed(1)} ms (baseline ${s.result.baselineMs.toFixed(2)} ms)${g ? `, 4x input ${g.smallMs.toFixed(1)} -> ${g.largeMs.toFixed(1)} ms` : ''}`;
  };
  t.diagnostic(`${outcome.regexes} regexes, ${outcome.attacks} attacks; slow at first look but linear on re-measure: ${outcome.slow.length - failed.length}`);
  for (const s of outcome.slow.filter((x) => !x.result.failed)) t.diagnostic(`  ${describe(s)}`);
  assert.deepEqual(outcome.hung, [], `regexes still running after ${WATCHDOG_MS} ms (catastrophic backtracking)`);
  assert.deepEqual(failed.map(describe), [], 'regexes whose time grows faster than their input');
});
