/** Shared by the mail rule tests: fixtures, workspaces of several zones, and applying fixes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, validate, type ValidationSettings } from '../../../server/src/language/languageService';
import { Workspace } from '../../../server/src/language/workspace/workspace';
import type { Zone } from '../../../server/src/language/model/zone';
import type { ZoneDiagnostic } from '../../../server/src/language/model/types';
import type { Fix } from '../../../server/src/language/checks/rule';
import { applyEdits, ruleFixes, stripSnippet } from '../../../server/src/language/features/codeActions';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'checks', 'mail', name), 'utf8');
}

export function example(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}

export interface OtherZone {
  uri: string;
  text: string;
  origin: string;
}

export function parse(text: string, origin: string, fileName = 'fixture.zone'): Zone {
  return parseDocument({ text, origin, fileName });
}

/** A workspace factory for assertAnnotated: the fixture zone plus `others`. */
export function withZones(others: OtherZone[]): (zone: Zone) => Workspace {
  return (zone) => {
    const ws = new Workspace();
    ws.set('fixture.zone', zone);
    for (const o of others) ws.set(o.uri, parse(o.text, o.origin, o.uri));
    return ws;
  };
}

export interface Checked {
  zone: Zone;
  workspace: Workspace;
  diagnostics: ZoneDiagnostic[];
}

export function check(text: string, origin = 'example.com.', others: OtherZone[] = [], settings?: ValidationSettings): Checked {
  const zone = parse(text, origin);
  const workspace = withZones(others)(zone);
  return { zone, workspace, diagnostics: validate(zone, workspace, settings) };
}

export function only(c: Checked, code: string): ZoneDiagnostic[] {
  return c.diagnostics.filter((d) => d.code === code);
}

/** The one diagnostic of `code` (fails unless there is exactly one). */
export function single(c: Checked, code: string): ZoneDiagnostic {
  const list = only(c, code);
  if (list.length !== 1) throw new Error(`expected one ${code}, got ${list.length}: ${list.map((d) => d.message).join(' | ')}`);
  return list[0];
}

export function fixesOf(c: Checked, d: ZoneDiagnostic): Fix[] {
  return ruleFixes(d, c.zone, c.workspace);
}

/**
 * The texts after applying `fix`: key '' is the document itself, other keys are workspace uris.
 * Snippet placeholders are replaced by their defaults.
 */
export function applyFix(fix: Fix, texts: Record<string, string>): Record<string, string> {
  const out = { ...texts };
  const byTarget = new Map<string, typeof fix.edits>();
  for (const e of fix.edits) {
    const key = e.uri ?? '';
    byTarget.set(key, [...(byTarget.get(key) ?? []), fix.snippet ? { ...e, newText: stripSnippet(e.newText) } : e]);
  }
  for (const [key, edits] of byTarget) {
    if (out[key] === undefined) throw new Error(`fix edits unknown document ${key}`);
    out[key] = applyEdits(out[key], edits);
  }
  return out;
}
