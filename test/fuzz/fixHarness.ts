/**
 * Small harness for fix tests: lint a text as example.com (optionally beside other zones), apply
 * the first fix of a rule, or run fix-all rounds as `zonelint --fix` does; and describe a zone's
 * records for assertions.
 */
import { parseDocument, validate, Workspace, type Zone } from '../../server/src/language/languageService';
import { applyEdits, preferredFixEdits, ruleFixes, stripSnippet } from '../../server/src/language/features/codeActions';
import type { ZoneDiagnostic } from '../../server/src/language/model/types';
import { ORIGIN } from './zoneText';

export const SELF = 'file:///zones/example.com.zone';

export interface Linted {
  zone: Zone;
  ws: Workspace;
  diagnostics: ZoneDiagnostic[];
}

export function lint(text: string): Linted {
  const zone = parseDocument({ text, origin: ORIGIN, fileName: SELF });
  const ws = new Workspace();
  ws.set(SELF, zone);
  return { zone, ws, diagnostics: validate(zone, ws) };
}

/** The text after the first fix of the first `code` finding, or undefined when none is offered. */
export function applyFirstFix(text: string, code: string): string | undefined {
  const l = lint(text);
  const d = l.diagnostics.find((x) => x.code === code);
  const fix = d && ruleFixes(d, l.zone, l.ws)[0];
  if (!fix) return undefined;
  return applyEdits(text, fix.edits.map((e) => (fix.snippet ? { ...e, newText: stripSnippet(e.newText) } : e)));
}

/** Fix-all rounds until nothing is left (at most `rounds`). */
export function fixAll(text: string, rounds = 10): string {
  let current = text;
  for (let i = 0; i < rounds; i++) {
    const l = lint(current);
    const edits = preferredFixEdits(l.diagnostics.filter((d) => d.file === 0), l.zone, l.ws);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}

/** `owner type rdata` of every record, in order. */
export function records(text: string): string[] {
  return lint(text).zone.records.map((r) => `${r.owner} ${r.ttl} ${r.type} ${text.slice(r.rdataStart, r.rdataEnd)}`);
}

/** Codes of the parse findings (syntax stage). */
export function syntaxCodes(text: string): string[] {
  return lint(text).zone.parseDiagnostics.map((d) => d.code);
}
