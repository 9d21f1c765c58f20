/**
 * One differential case: a zone file parsed by us and loaded by BIND, with the verdicts compared
 * and, when both load it, the record sets (compare.ts). The test decides which disagreements are
 * allowed (an explicit allowlist with reasons); this module only measures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, type Zone } from '../../server/src/language/languageService';
import { checkZone, compileZone, type BindTools, type CheckResult, type ZoneJob } from './bind';
import { compareRecords, type RecordComparison } from './compare';
import { fileIncludeReader } from './includeReader';
import { ourFindings, type OurFinding } from './zoneChecks';

export type CaseKind = 'agree-accept' | 'agree-reject' | 'bind-only-reject' | 'ours-only-reject' | 'records-differ';

export interface CaseOutcome {
  label: string;
  job: ZoneJob;
  kind: CaseKind;
  bind: CheckResult;
  ours: OurFinding[];
  zone: Zone;
  /** Present when both accepted the zone. */
  records?: RecordComparison;
  /** named-compilezone failed on a zone named-checkzone accepted (a harness problem). */
  compileError?: string;
  /**
   * Our $INCLUDE resolution (relative to the including file) failed where BIND's (relative to its
   * working directory) finds the file; the zone was then parsed again the BIND way, and the
   * outcome is about that parse.
   */
  includeResolvedLikeBind: boolean;
  /** For zones both refuse: BIND's line-numbered syntax errors in the zone file itself, and how many of those lines we flag too. */
  lines: { bind: number; matched: number; unmatched: number[] };
}

export function parseForOracle(job: ZoneJob, text: string, baseDir?: string): Zone {
  return parseDocument({ text, fileName: path.resolve(job.file), origin: job.origin, readInclude: fileIncludeReader(baseDir ? { baseDir } : {}) });
}

/**
 * Run one case. `recordedExit` is BIND's exit code from an earlier run of the same BIND version
 * (the corpus TSV): named-checkzone is then skipped where the answer is not needed (zones both
 * refuse) and named-compilezone alone stands in for it on zones BIND accepted; checkzone still
 * runs live wherever BIND's reasons are needed (zones only BIND refuses, or compile failures).
 */
export function runCase(tools: BindTools, label: string, job: ZoneJob, recordedExit?: number): CaseOutcome {
  const text = fs.readFileSync(job.file, 'utf8');
  let zone = parseForOracle(job, text);
  let includeResolvedLikeBind = false;
  const cwd = job.cwd ?? path.dirname(path.resolve(job.file));
  if (zone.parseDiagnostics.some((d) => d.code === 'include-failed') && path.resolve(cwd) !== path.dirname(path.resolve(job.file))) {
    const again = parseForOracle(job, text, cwd);
    if (!again.parseDiagnostics.some((d) => d.code === 'include-failed')) {
      zone = again;
      includeResolvedLikeBind = true;
    }
  }
  const ours = ourFindings(zone);
  const weAccept = ours.length === 0;
  const recorded = (exit: number): CheckResult => ({ exitCode: exit, accepted: exit === 0, messages: [], failures: [], output: '(recorded verdict)' });
  // Live when there is no recorded verdict, or when we accept a zone BIND is recorded to refuse.
  const bind = recordedExit === undefined || (weAccept && recordedExit !== 0) ? checkZone(tools, job) : recorded(recordedExit);
  let kind: CaseKind;
  let records: RecordComparison | undefined;
  let compileError: string | undefined;
  if (weAccept && bind.accepted) {
    const compiled = compileZone(tools, job);
    if (!compiled.records) {
      compileError = compiled.output.trim() || `exit ${compiled.exitCode}`;
      kind = 'records-differ';
      if (recordedExit !== undefined) {
        // The recorded verdict may come from another BIND version: ask this one.
        const live = checkZone(tools, job);
        if (!live.accepted) return runCase(tools, label, job);
      }
    } else {
      records = compareRecords(zone, compiled.records);
      kind = records.equal ? 'agree-accept' : 'records-differ';
    }
  } else if (!weAccept && !bind.accepted) kind = 'agree-reject';
  else kind = bind.accepted ? 'ours-only-reject' : 'bind-only-reject';
  return { label, job, kind, bind, ours, zone, records, compileError, includeResolvedLikeBind, lines: lineAgreement(zone, bind, ours, job.file) };
}

/**
 * Lines of the zone file where BIND reported a syntax-stage error, and whether we flag each.
 * BIND names the line its lexer is on, which for a multi-line record or an error found at the end
 * of a line is often a line later than the bad token; so a finding of ours covers every line of
 * the record it falls in, and a BIND line also counts as matched when we flag the line before it.
 */
function lineAgreement(zone: Zone, bind: CheckResult, ours: OurFinding[], file: string): CaseOutcome['lines'] {
  const base = path.basename(file);
  const bindLines = new Set(bind.failures.filter((f) => f.kind === 'syntax' && f.line > 0 && path.basename(f.file) === base).map((f) => f.line));
  if (bindLines.size === 0) return { bind: 0, matched: 0, unmatched: [] };
  const lineOf = lineFinder(zone.files[0].text);
  const spans = [...zone.records, ...zone.directives].filter((r) => r.file === 0).map((r) => [r.start, r.end] as const);
  const ourLines = new Set<number>();
  for (const f of ours) {
    if (f.kind !== 'syntax' || f.file !== 0) continue;
    const span = spans.find(([a, b]) => a <= f.start && f.start <= b) ?? [f.start, Math.max(f.start, f.end - 1)];
    for (let l = lineOf(span[0]); l <= lineOf(span[1]); l++) ourLines.add(l);
  }
  const unmatched = [...bindLines].filter((l) => !ourLines.has(l) && !ourLines.has(l - 1)).sort((a, b) => a - b);
  return { bind: bindLines.size, matched: bindLines.size - unmatched.length, unmatched };
}

/** 1-based line of an offset, by binary search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
