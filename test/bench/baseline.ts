/**
 * The regression check: the zonelint / named-checkzone wall-time ratio on the 100 000-record zone,
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
  /** zonelint CPU time / named-checkzone CPU time (recorded, not checked). */
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

/** Fails when the current ratio is more than TOLERANCE worse (higher) than the baseline's. */
export function checkRatio(current: number, baseline: Baseline, tolerance = TOLERANCE): CheckResult {
  const limit = baseline.timeRatio * (1 + tolerance);
  const change = (current / baseline.timeRatio - 1) * 100;
  const text = `zonelint/named-checkzone time ratio on ${baseline.records} records: ${current.toFixed(2)} (baseline ${baseline.timeRatio.toFixed(2)}, ${change >= 0 ? '+' : ''}${change.toFixed(0)}%, limit ${limit.toFixed(2)})`;
  return current <= limit ? { ok: true, message: `ok: ${text}` } : { ok: false, message: `REGRESSION: ${text}` };
}
