/**
 * Shared by the SPF rule tests: fixtures (zone files with inline `^^^ rule-id` annotations),
 * workspaces of several zones for the cross-zone rules, and applying a finding's fixes to get
 * the whole resulting text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, validate } from '../../../server/src/language/languageService';
import { Workspace } from '../../../server/src/language/workspace/workspace';
import type { Zone } from '../../../server/src/language/model/zone';
import type { ZoneDiagnostic } from '../../../server/src/language/model/types';
import type { Fix } from '../../../server/src/language/checks/rule';
import { applyEdits, ruleFixes } from '../../../server/src/language/features/codeActions';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', 'spf', name), 'utf8');
}

export function example(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

/** A zone head no SPF rule objects to (and few others do), for origin example.com. */
export const HEAD = `$TTL 3600
@ IN SOA ns1 hostmaster 2024010101 14400 3600 1209600 3600
@ IN NS ns1
@ IN NS ns2
ns1 IN A 192.0.2.1
ns2 IN A 192.0.2.2
`;

/** A zone head for another origin, with its SOA and NS. */
export function headFor(origin: string): string {
  return `$ORIGIN ${origin}\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 14400 3600 1209600 3600\n@ IN NS ns1\nns1 IN A 192.0.2.53\n`;
}

export interface OtherZone {
  uri: string;
  origin: string;
  text: string;
}

/** A workspace factory for assertAnnotated: the fixture zone plus `others`. */
export function withZones(others: OtherZone[]): (zone: Zone) => Workspace {
  return (zone) => {
    const ws = new Workspace();
    ws.set('fixture.zone', zone);
    for (const o of others) ws.set(o.uri, parseDocument({ text: o.text, origin: o.origin, fileName: o.uri }));
    return ws;
  };
}

export interface Checked {
  text: string;
  zone: Zone;
  workspace: Workspace;
  diagnostics: ZoneDiagnostic[];
}

export function check(text: string, origin = 'example.com.', others: OtherZone[] = []): Checked {
  const zone = parseDocument({ text, origin, fileName: 'fixture.zone' });
  const workspace = withZones(others)(zone);
  return { text, zone, workspace, diagnostics: validate(zone, workspace) };
}

export function only(c: Checked, code: string): ZoneDiagnostic[] {
  return c.diagnostics.filter((d) => d.code === code);
}

/** The source text each finding of `code` covers, in order. */
export function covered(c: Checked, code: string): string[] {
  return only(c, code).map((d) => c.text.slice(d.start, d.end));
}

export function fixesFor(c: Checked, d: ZoneDiagnostic): Fix[] {
  return ruleFixes(d, c.zone, c.workspace);
}

/** The whole text after applying the preferred fix of finding `index` of `code`. */
export function applyPreferred(c: Checked, code: string, index = 0): string {
  const list = only(c, code);
  assert.ok(list.length > index, `expected at least ${index + 1} ${code} finding(s), got ${list.length}`);
  const fix = fixesFor(c, list[index]).find((f) => f.isPreferred);
  assert.ok(fix, `finding ${index} of ${code} has a preferred fix`);
  for (const e of fix.edits) assert.equal(e.file ?? 0, 0, 'fixes edit the document itself');
  return applyEdits(c.text, fix.edits);
}

/** The fix titles offered for each finding of `code`. */
export function fixTitles(c: Checked, code: string): string[][] {
  return only(c, code).map((d) => fixesFor(c, d).map((f) => f.title));
}
