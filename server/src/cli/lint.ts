/**
 * The lint run: every file given is parsed into ONE workspace (so a forward zone and its reverse
 * zone, linted together, are checked against each other), then each zone is validated against
 * that workspace. Findings become `Problem`s with 1-based line/column positions in the file they
 * point into (the zone file itself or one of its `$INCLUDE`s).
 */
import * as fs from 'node:fs';
import { parseDocument, validate, type ValidationSettings } from '../language/languageService';
import { Workspace } from '../language/workspace/workspace';
import type { Zone } from '../language/model/zone';
import type { ZoneDiagnostic } from '../language/model/types';
import type { Severity } from '../language/text/finding';
import { LineIndex } from '../language/text/lineIndex';
import type { IncludeReader } from '../node/includeReader';
import { compareStrings } from './files';

export interface LintSource {
  /** Absolute path; also the zone's key in the workspace. */
  path: string;
  text: string;
  /** Named on the command line (rather than found in a directory walk). */
  explicit: boolean;
  /** The file's encoding when it is not ASCII/UTF-8 (reported as file-encoding). */
  encoding?: string;
}

export interface LoadedZone {
  path: string;
  zone: Zone;
}

export interface Problem {
  /** Absolute path of the file the finding is in (an included file for findings inside it). */
  path: string;
  /** 1-based; columns count UTF-16 code units, like the editor. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export interface LoadOptions {
  /** Only with a single file: overrides the guessed origin. */
  origin?: string;
  readInclude: IncludeReader;
}

/**
 * Parse every source into one workspace. A file found in a directory walk that another zone of the
 * run `$INCLUDE`s is a fragment of that zone, not a zone of its own: it is checked as part of the
 * including zone and left out of the workspace (a file named on the command line always stays).
 */
export function loadWorkspace(sources: readonly LintSource[], options: LoadOptions): { workspace: Workspace; zones: LoadedZone[] } {
  const parsed = sources.map((s) => ({ source: s, zone: parseDocument({ text: s.text, fileName: s.path, origin: options.origin, readInclude: options.readInclude, encoding: s.encoding }) }));
  const included = new Set<string>();
  for (const p of parsed) for (const f of p.zone.files.slice(1)) included.add(f.name);
  const workspace = new Workspace();
  const zones: LoadedZone[] = [];
  for (const p of parsed) {
    if (!p.source.explicit && (included.has(p.source.path) || included.has(realpathOr(p.source.path)))) continue;
    workspace.set(p.source.path, p.zone);
    zones.push({ path: p.source.path, zone: p.zone });
  }
  return { workspace, zones };
}

/** Validate each zone against the whole workspace; the raw diagnostics per zone, in zone order. */
export function validateZones(zones: readonly LoadedZone[], workspace: Workspace, settings: ValidationSettings): ZoneDiagnostic[][] {
  return zones.map((z) => validate(z.zone, workspace, settings, new LineIndex(z.zone.text)));
}

/**
 * Positions for every diagnostic, duplicates dropped (an included file shared by two zones is
 * reported once), sorted by file and position so the output is the same on every run.
 */
export function toProblems(zones: readonly LoadedZone[], diagnostics: readonly ZoneDiagnostic[][]): Problem[] {
  const lineIndexes = new Map<string, LineIndex>();
  const seen = new Set<string>();
  const problems: Problem[] = [];
  zones.forEach((z, i) => {
    for (const d of diagnostics[i]) {
      const file = z.zone.files[d.file] ?? z.zone.files[0];
      const path = file.name || z.path;
      let lines = lineIndexes.get(path);
      if (!lines) lineIndexes.set(path, (lines = new LineIndex(file.text)));
      const s = lines.positionAt(d.start);
      const e = lines.positionAt(Math.max(d.start, d.end));
      const p: Problem = { path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: d.severity, rule: d.code, message: d.message };
      const key = [p.path, p.line, p.column, p.endLine, p.endColumn, p.rule, p.message].join('\0');
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  });
  return problems.sort(compareProblems);
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareStrings(a.path, b.path) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countBySeverity(problems: readonly Problem[]): Counts {
  const c: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const p of problems) c[p.severity]++;
  return c;
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
