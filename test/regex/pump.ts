/**
 * Adversarial inputs for a regular expression and the test of how long it takes on them. An
 * input is `prefix + pump * reps + suffix`: a long run of the pattern's ambiguous part, then a
 * character that makes the match fail, so a backtracking engine tries every way to split the
 * run. The time is compared with a linear baseline on the same input length (a trivial regex
 * that visits each character once), never with a wall-clock threshold; anything slow is
 * measured again at 4x the length, and only growth well beyond 4x counts as a failure.
 */
import { bestMs } from '../fuzz/growth';

export interface Attack {
  prefix?: string;
  /** The ambiguous part, repeated. */
  pump: string;
  suffix?: string;
  reps?: number;
}

export interface AttackResult {
  attack: Attack;
  ms: number;
  baselineMs: number;
  /** Present when the first look was slow: times at reps and 4 * reps. */
  growth?: { smallMs: number; largeMs: number };
  failed: boolean;
}

/** Characters that mean something in zone files, URIs, tag lists, names and regexes. */
const ALPHABET = ['a', 'Z', '0', '9', ' ', '\t', '.', '-', '_', '/', '\\', '"', ';', ',', '=', ':', '@', '$', '{', '}', '(', ')', '[', ']', '%', '+', '#', '!', 'é', '\n', '\r', '\0'];
const SUFFIXES = ['', '!', '\n'];

/** Literal text after `^` up to the first special character: what the input must start with. */
export function literalPrefix(pattern: string): string {
  const special = '.^$*+?()[]{}|\\';
  let i = pattern.startsWith('^') ? 1 : 0;
  let out = '';
  while (i < pattern.length) {
    const c = pattern[i];
    let lit: string;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) break; // \d, \s, \1 ...: a class, not a literal
      lit = n;
      i += 2;
    } else if (special.includes(c)) {
      break;
    } else {
      lit = c;
      i++;
    }
    if (/[*+?{]/.test(pattern[i] ?? '')) break; // quantified: not required
    out += lit;
  }
  return out;
}

const CANDIDATES = ['a', 'Z', '0', ' ', '.', '-', '_', '/', ':', '@', '=', ',', ';', '"', '!', '%', '+', '#'];

/**
 * A string that gets a match past the start of an anchored pattern: literals as written, one
 * sample character for each class or escape (repeated as often as a `{n}` asks), up to the first
 * group or alternative. `^;\s*zonelint-disable(...` gives `; zonelint-disable`.
 */
export function loosePrefix(pattern: string): string {
  if (!pattern.startsWith('^')) return '';
  let i = 1;
  let out = '';
  while (i < pattern.length && out.length < 40) {
    const c = pattern[i];
    let unit: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const n = pattern[i + 1] ?? '';
      unit = ({ s: ' ', d: '0', w: 'a', S: 'a', D: 'a', W: '.' } as Record<string, string>)[n] ?? (/[A-Za-z0-9]/.test(n) ? undefined : n);
      next = i + 2;
    } else if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      const cls = new RegExp(pattern.slice(i, j + 1));
      unit = CANDIDATES.find((x) => cls.test(x));
      next = j + 1;
    } else if (c === '.') {
      unit = 'a';
    } else if (!'^$*+?()[]{}|'.includes(c)) {
      unit = c;
    }
    if (unit === undefined) break;
    const q = /^(\{(\d+)(?:,\d*)?\}|[*+?])\??/.exec(pattern.slice(next));
    const times = q?.[2] ? Math.min(Number(q[2]), 3) : 1;
    out += unit.repeat(times);
    i = next + (q ? q[0].length : 0);
  }
  return out;
}

/** Generic attacks: every character of the alphabet and of the pattern, alone and after a letter or digit. */
export function genericAttacks(pattern: string, reps: number): Attack[] {
  const own = [...new Set(pattern.replace(/\\[dDwWsSbB]/g, '').split(''))].filter((c) => !/[\w]/.test(c) || c === '_');
  const units = new Set<string>([...ALPHABET, ...own]);
  for (const c of own) if (!/\w/.test(c)) ['a', '0', c].forEach((x) => units.add(x + c));
  // Words of the pattern (`dns`, `zonelint-disable`) followed by a separator.
  for (const w of pattern.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []) [',', ' ', '.', ''].forEach((s) => units.add(w + s));
  const prefixes = [...new Set(['', literalPrefix(pattern), loosePrefix(pattern)])];
  const out: Attack[] = [];
  for (const prefix of prefixes) for (const pump of units) for (const suffix of SUFFIXES) out.push({ prefix, pump, suffix, reps });
  return out;
}

export function build(a: Attack, reps = a.reps ?? 50_000): string {
  return (a.prefix ?? '') + a.pump.repeat(reps) + (a.suffix ?? '');
}

/** What the product does with such a regex: all matches for /g, one exec otherwise. */
export function runOnce(re: RegExp, input: string): void {
  re.lastIndex = 0;
  if (re.global) input.replace(re, '');
  else re.exec(input);
}

const BASELINE = /[\s\S]/g;
const baselineCache = new Map<number, number>();

/** Time of the linear baseline on an input of `length` characters. */
export function baselineMs(length: number): number {
  let hit = baselineCache.get(length);
  if (hit === undefined) {
    const input = 'a'.repeat(length);
    hit = bestMs(() => input.replace(BASELINE, ''), 3);
    baselineCache.set(length, hit);
  }
  return hit;
}

/** Slower than this many baselines at the first look: measured again at 4x. */
export const SUSPECT_FACTOR = 20;
/** Below this, timing noise dominates: fine. */
export const FLOOR_MS = 3;
/** Growth from reps to 4 * reps beyond this is not linear (quadratic gives ~16). */
export const MAX_GROWTH = 9;

export function runAttack(re: RegExp, attack: Attack): AttackResult {
  const reps = attack.reps ?? 50_000;
  const input = build(attack, reps);
  const t = bestMs(() => runOnce(re, input), 1);
  const base = baselineMs(input.length);
  if (t < FLOOR_MS || t < SUSPECT_FACTOR * base) return { attack, ms: t, baselineMs: base, failed: false };
  const large4 = build(attack, 4 * reps);
  const measure = () => {
    const small = bestMs(() => runOnce(re, input), 3);
    const large = bestMs(() => runOnce(re, large4), 2);
    return { smallMs: small, largeMs: large, failed: large >= FLOOR_MS && large / Math.max(small, 0.05) > MAX_GROWTH };
  };
  // Non-linear only if two measurements agree: a GC pause can spoil one.
  let g = measure();
  if (g.failed) g = measure();
  return { attack, ms: t, baselineMs: base, growth: { smallMs: g.smallMs, largeMs: g.largeMs }, failed: g.failed };
}
