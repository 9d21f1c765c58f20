/** Shared helpers for the feature tests: parse a zone text, find offsets, normalise records. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/language/languageService';
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneRecord } from '../../server/src/language/model/types';
import type { FieldValue } from '../../server/src/language/rrtypes/spec';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');

export function zoneOf(lines: string[] | string, origin = 'example.com.', fileName = 'test.zone'): Zone {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  return parseDocument({ text, origin, fileName });
}

/** Offset of the `n`-th occurrence (0-based) of `needle` in `text`, plus `delta`. Throws when absent. */
export function offsetOf(text: string, needle: string, delta = 0, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${n}) not in text`);
  }
  return at + delta;
}

function valueKey(v: FieldValue): unknown {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === 'string' ? x : (x as { value: string }).value));
  return v.value;
}

/** A record without its source positions: what the zone means, not where it was written. */
export function recordKey(r: ZoneRecord): string {
  return JSON.stringify([r.owner, r.ttl, r.class, r.type, r.valid, r.rdata.map((f) => [f.name, valueKey(f.value)])]);
}

/** Zone files of the shared corpus with the origin named-checkzone used for them. */
export function corpusFiles(): { file: string; origin: string }[] {
  const tsv = path.join(SHARED, 'corpus', 'named-checkzone-results.tsv');
  if (!fs.existsSync(tsv)) return [];
  const rows = fs.readFileSync(tsv, 'utf8').split('\n').slice(1).filter(Boolean);
  return rows
    .map((row) => row.split('\t'))
    .map(([file, origin]) => ({ file: path.join(SHARED, 'corpus', file), origin: origin.endsWith('.') ? origin : origin + '.' }))
    .filter((x) => fs.existsSync(x.file));
}
