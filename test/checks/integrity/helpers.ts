/**
 * Helpers for the integrity rule tests: a clean zone head to build fixtures on, findings of one
 * rule as `line:start-end` keys (for ranges at column 0, which a `;` annotation cannot mark),
 * and applying a rule's preferred fixes to get the whole resulting text.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { diagnosticsOf } from '../../helpers/annotations';
import { ruleById } from '../../../server/src/language/checks';
import type { Fix, TextEdit } from '../../../server/src/language/checks/rule';
import { singleZoneWorkspace } from '../../../server/src/language/workspace/workspace';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'checks', 'integrity');

/** A zone start that no integrity rule objects to. */
export const HEAD = `$TTL 3600
@ IN SOA ns1 hostmaster 2024010101 14400 3600 1209600 3600
@ IN NS ns1
@ IN NS ns2
ns1 IN A 192.0.2.1
ns2 IN A 192.0.2.2
`;

/** Findings of `code` as sorted `line:start-end` keys (1-based lines). */
export function findingKeys(text: string, code: string, origin?: string): string[] {
  return diagnosticsOf(text, origin)
    .actual.filter((a) => a.code === code)
    .map((a) => `${a.line + 1}:${a.startChar}-${a.endChar}`)
    .sort();
}

export function assertFindings(text: string, code: string, expected: string[], origin?: string): void {
  const { actual } = diagnosticsOf(text, origin);
  const mine = actual.filter((a) => a.code === code);
  assert.deepEqual(
    mine.map((a) => `${a.line + 1}:${a.startChar}-${a.endChar}`).sort(),
    [...expected].sort(),
    mine.map((a) => a.message).join('\n'),
  );
}

/** Messages of the findings of `code`. */
export function messagesOf(text: string, code: string, origin?: string): string[] {
  return diagnosticsOf(text, origin).actual.filter((a) => a.code === code).map((a) => a.message);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) {
    assert.equal(e.file ?? 0, 0, 'test fixtures edit the document only');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/** The fixes the rule offers for each of its findings, in finding order. */
export function fixesOf(text: string, code: string, origin?: string): Fix[][] {
  const { zone, raw } = diagnosticsOf(text, origin);
  const rule = ruleById(code);
  assert.ok(rule?.fixes, `${code} offers fixes`);
  return raw.filter((d) => d.code === code).map((d) => rule.fixes!(d, zone, singleZoneWorkspace('fixture.zone', zone)));
}

/** The text after applying the preferred fix of finding `index` of `code`. */
export function applyFix(text: string, code: string, index = 0, origin?: string): string {
  const all = fixesOf(text, code, origin);
  assert.ok(all.length > index, `expected at least ${index + 1} ${code} finding(s), got ${all.length}`);
  const preferred = all[index].find((f) => f.isPreferred);
  assert.ok(preferred, `finding ${index} of ${code} has a preferred fix`);
  return applyEdits(text, preferred.edits);
}

/** An annotation line marking columns [start, end) of the line above (start >= 1). */
export function mark(start: number, end: number, code: string): string {
  assert.ok(start >= 1 && end > start, 'annotations cannot mark column 0');
  return ';' + ' '.repeat(start - 1) + '^'.repeat(end - start) + ' ' + code;
}
