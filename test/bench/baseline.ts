/**
 * The regression check: the zonelint / named-checkzone CPU-time ratio (wall time without GNU time) on the 100 000-record zone,
 * against the ratio committed in test/bench/baseline.json. Ratios only: absolute times depend on
 * the machine, a ratio against a C tool run on the same file in the same run much less.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceRoot } from './snapshot';

export const CHECK_RECORDS = 100_000;
/** How much worse than the baseline the ratio may get before the check fails. */
export const TOLERANCE = 0.3;

export interface Baseline {
  records: number;
  /** zonelint wall time / named-checkzone wall time. */
  timeRatio: number;
  /** zonelint CPU time / named-checkzone CPU time (what the check compares, when GNU time measured it). */
  cpuRatio?: number;
  /** zonelint peak RSS / named-checkzone peak RSS (recorded, not checked). */
  memoryRatio?: number;
  measured: string;
}

/** The source file in the checkout, not a copy in out/ or in a build snapshot. */
export const BASELINE_FILE = path.join(sourceRoot(), 'test', 'bench', 'baseline.json');

export function readBaseline(file = BASELINE_FILE): Baseline {
  const b = JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline;
  if (typeof b.timeRatio !== 'number' || !(b.timeRatio > 0)) throw new Error(`${file}: timeRatio must be a positive number`);
  return b;
}

export function writeBaseline(b: Baseline, file = BASELINE_FILE): void {
  fs.writeFileSync(file, JSON.stringify(b, null, 2) + '\n');
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

/**
 * Fails when the current ratio is more than TOLERANCE worse (higher) than the baseline's.
 * `metric` 'cpu' compares the CPU-time ratios (user + system): on a shared runner CPU time moves
 * far less than wall time, which counts every moment a ready process waits for a core.
 */
export function checkRatio(current: number, baseline: Baseline, tolerance = TOLERANCE, metric: 'time' | 'cpu' = 'time'): CheckResult {
  const base = metric === 'cpu' ? baseline.cpuRatio : baseline.timeRatio;
  if (base === undefined || !(base > 0)) return { ok: false, message: `baseline has no ${metric === 'cpu' ? 'CPU-time' : 'time'} ratio` };
  const limit = base * (1 + tolerance);
  const change = (current / base - 1) * 100;
  const what = metric === 'cpu' ? 'CPU-time' : 'time';
  const text = `zonelint/named-checkzone ${what} ratio on ${baseline.records} records: ${current.toFixed(2)} (baseline ${base.toFixed(2)}, ${change >= 0 ? '+' : ''}${change.toFixed(0)}%, limit ${limit.toFixed(2)})`;
  return current <= limit ? { ok: true, message: `ok: ${text}` } : { ok: false, message: `REGRESSION: ${text}` };
}
