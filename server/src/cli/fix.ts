/**
 * `--fix`: apply every preferred fix (`isPreferred`) the rules offer, in rounds. Each round
 * re-lints the edited texts, takes the preferred fixes, keeps those whose edits do not overlap an
 * edit already taken (a fix is all or nothing), and applies them. Rounds repeat until no preferred
 * fix is left or the round limit is reached, since one fix can make another finding appear or go.
 */
import { fileURLToPath } from 'node:url';
import { ruleById } from '../language/checks';
import { isAutomaticFix, type Fix, type TextEdit } from '../language/checks/rule';
import { applyEdits, editsOverlap } from '../language/features/codeActions';
import type { ZoneDiagnostic } from '../language/model/types';
import type { Workspace } from '../language/workspace/workspace';
import { compareStrings } from './files';
import type { LoadedZone } from './lint';

export const MAX_FIX_ROUNDS = 10;

/** An edit resolved to the file it changes. */
export interface PlannedEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

export interface PlannedFix {
  rule: string;
  title: string;
  edits: PlannedEdit[];
}

export interface FixRoundResult {
  /** Fixes applied over all rounds. */
  applied: number;
  rounds: number;
  /** Current text of every file seen, by path. */
  texts: Map<string, string>;
  /** Paths whose text differs from what was first seen, sorted. */
  changed: string[];
  /** Problems met while collecting fixes (a rule's fix function threw), for stderr. */
  notes: string[];
}

export interface Analysis {
  fixes: PlannedFix[];
  /** The text of every file the fixes were computed on (top-level and included), by path. */
  seen: ReadonlyMap<string, string>;
  notes?: string[];
}

/**
 * Run fix rounds. `analyze` lints the current texts (given as an overlay over the disk) and
 * returns the preferred fixes; edits are applied to the overlay only, the caller writes files.
 */
export function runFixRounds(analyze: (overlay: ReadonlyMap<string, string>) => Analysis, maxRounds = MAX_FIX_ROUNDS): FixRoundResult {
  const texts = new Map<string, string>();
  const originals = new Map<string, string>();
  const notes: string[] = [];
  let applied = 0;
  let rounds = 0;
  while (rounds < maxRounds) {
    const a = analyze(texts);
    for (const [p, t] of a.seen) {
      if (!originals.has(p)) originals.set(p, t);
      if (!texts.has(p)) texts.set(p, t);
    }
    if (a.notes) for (const n of a.notes) if (!notes.includes(n)) notes.push(n);
    const chosen = selectFixes(a.fixes, texts);
    if (chosen.length === 0) break;
    rounds++;
    const byPath = new Map<string, PlannedEdit[]>();
    for (const f of chosen) for (const e of f.edits) (byPath.get(e.path) ?? byPath.set(e.path, []).get(e.path)!).push(e);
    for (const [p, edits] of byPath) texts.set(p, applyEdits(texts.get(p)!, edits));
    applied += chosen.length;
  }
  const changed = [...texts.keys()].filter((p) => texts.get(p) !== originals.get(p)).sort(compareStrings);
  return { applied, rounds, texts, changed, notes };
}

/**
 * The fixes to apply together: in a deterministic order, each fix whose edits are in range, change
 * something, and overlap no edit already taken. Two insertions at the same offset count as
 * overlapping, since their order would be arbitrary.
 */
export function selectFixes(candidates: readonly PlannedFix[], texts: ReadonlyMap<string, string>): PlannedFix[] {
  const ordered = [...candidates].sort(compareFixes);
  const taken = new Map<string, PlannedEdit[]>();
  const chosen: PlannedFix[] = [];
  for (const fix of ordered) {
    const edits = fix.edits.filter((e) => texts.get(e.path)?.slice(e.start, e.end) !== e.newText);
    if (edits.length === 0) continue;
    const ok = edits.every((e) => {
      const text = texts.get(e.path);
      if (text === undefined || e.start < 0 || e.end < e.start || e.end > text.length) return false;
      return !(taken.get(e.path) ?? []).some((t) => overlaps(t, e));
    });
    // Edits of one fix must not overlap each other either.
    if (!ok || edits.some((e, i) => edits.some((o, j) => j < i && o.path === e.path && overlaps(o, e)))) continue;
    for (const e of edits) (taken.get(e.path) ?? taken.set(e.path, []).get(e.path)!).push(e);
    chosen.push({ ...fix, edits });
  }
  return chosen;
}

const overlaps = editsOverlap;

function compareFixes(a: PlannedFix, b: PlannedFix): number {
  const ea = a.edits[0];
  const eb = b.edits[0];
  if (!ea || !eb) return (ea ? 1 : 0) - (eb ? 1 : 0);
  return compareStrings(ea.path, eb.path) || ea.start - eb.start || ea.end - eb.end || compareStrings(a.rule, b.rule) || compareStrings(a.title, b.title);
}

export { applyEdits };

/** The preferred fix of each diagnostic (the first one marked preferred), resolved to file paths. */
export function preferredFixes(zones: readonly LoadedZone[], diagnostics: readonly ZoneDiagnostic[][], workspace: Workspace): { fixes: PlannedFix[]; notes: string[] } {
  const fixes: PlannedFix[] = [];
  const notes: string[] = [];
  zones.forEach((z, i) => {
    for (const d of diagnostics[i]) {
      const rule = ruleById(d.code);
      if (!rule?.fixes) continue;
      let offered: Fix[];
      try {
        offered = rule.fixes(d, z.zone, workspace);
      } catch (err) {
        notes.push(`the fix of rule ${d.code} failed and was skipped: ${(err as Error).message}`);
        continue;
      }
      const fix = offered.find(isAutomaticFix);
      if (!fix) continue;
      const edits = fix.edits.map((e) => resolveEdit(e, z, workspace));
      if (edits.some((e) => e === null)) continue;
      fixes.push({ rule: d.code, title: fix.title, edits: edits as PlannedEdit[] });
    }
  });
  return { fixes, notes };
}

/** The file an edit changes: one of this zone's files, or (with `uri`) one of another workspace zone. */
function resolveEdit(e: TextEdit, z: LoadedZone, workspace: Workspace): PlannedEdit | null {
  let zone = z.zone;
  let zonePath = z.path;
  if (e.uri !== undefined) {
    const other = workspace.get(e.uri) ?? (e.uri.startsWith('file:') ? workspace.get(safeFileUrlToPath(e.uri)) : undefined);
    if (!other) return null;
    zone = other;
    zonePath = e.uri.startsWith('file:') ? safeFileUrlToPath(e.uri) : e.uri;
  }
  const file = zone.files[e.file ?? 0];
  if (!file) return null;
  return { path: file.name || zonePath, start: e.start, end: e.end, newText: e.newText };
}

function safeFileUrlToPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
