/**
 * Staged validation: syntax findings from the parser first, then the semantic rules on what
 * parsed, then the cross-zone rules. Severity settings, `off`, and suppression comments apply to
 * all stages alike. A rule that throws is reported as `internal-error`, never propagated.
 */
import { allRules } from '../checks';
import type { Finding, Rule, RuleContext } from '../checks/rule';
import type { Zone } from '../model/zone';
import type { ZoneDiagnostic } from '../model/types';
import type { Severity } from '../text/finding';
import type { Workspace } from '../workspace/workspace';
import { LineIndex } from '../text/lineIndex';
import { collectSuppressions, isSuppressed, type Suppressions } from './suppressions';

export type RuleSetting = Severity | 'off' | 'default';

export interface ValidationSettings {
  /** Per rule id: a severity, `off`, or `default`. */
  rules?: Record<string, RuleSetting>;
  /** Skip workspace-wide rules above this many records (the large-file guard). */
  workspaceRuleRecordLimit?: number;
}

export const DEFAULT_WORKSPACE_RULE_RECORD_LIMIT = 200000;

export function validateZone(zone: Zone, workspace: Workspace, settings: ValidationSettings = {}, lines?: LineIndex): ZoneDiagnostic[] {
  return new ZoneValidation(zone, workspace, settings, lines).result();
}

/**
 * One validation of a zone, run a few rules at a time: the language server steps it between
 * other requests (a hover must not wait for every rule of a 100 000-record zone) and drops it
 * when a newer version arrives. Stepping changes nothing in the result.
 */
export class ZoneValidation {
  private readonly rules: Rule[] = [];
  private next = 0;
  private readonly findings: ZoneDiagnostic[] = [];
  private final: { all: ZoneDiagnostic[]; ruleFindings: ZoneDiagnostic[] } | null = null;
  /** Time spent in rules so far, in milliseconds. */
  elapsedMs = 0;

  constructor(
    readonly zone: Zone,
    private readonly workspace: Workspace,
    private readonly settings: ValidationSettings = {},
    private lines?: LineIndex,
  ) {
    const limit = settings.workspaceRuleRecordLimit ?? DEFAULT_WORKSPACE_RULE_RECORD_LIMIT;
    for (const stage of ['semantic', 'workspace'] as const) {
      for (const rule of allRules) {
        if (rule.stage !== stage || !rule.check || settings.rules?.[rule.id] === 'off') continue;
        if (stage === 'workspace' && zone.records.length > limit) continue;
        this.rules.push(rule);
      }
    }
    if (zone.records.length > limit) {
      this.largeZoneNote = { code: 'large-zone', severity: 'information', start: 0, end: 0, file: 0, message: `This zone has ${zone.records.length} records, more than ${limit}: cross-zone checks (reverse DNS, SPF include chains) are skipped to keep the editor responsive (setting dnsZone.largeZoneRecordLimit).` };
    }
  }
  private largeZoneNote: ZoneDiagnostic | null = null;

  get done(): boolean {
    return this.next >= this.rules.length;
  }

  /** Run rules until `budgetMs` has passed (at least one rule); true when all have run. */
  step(budgetMs = Infinity): boolean {
    const started = now();
    while (this.next < this.rules.length) {
      runRule(this.rules[this.next++], this.zone, this.workspace, this.findings);
      if (now() - started >= budgetMs) break;
    }
    this.elapsedMs += now() - started;
    return this.done;
  }

  /** All diagnostics, parse findings first, after settings and suppressions (runs what is left). */
  result(): ZoneDiagnostic[] {
    return this.finish().all;
  }

  /** The rules' findings alone, after settings and suppressions (see provisionalDiagnostics). */
  ruleFindings(): ZoneDiagnostic[] {
    return this.finish().ruleFindings;
  }

  private finish(): { all: ZoneDiagnostic[]; ruleFindings: ZoneDiagnostic[] } {
    if (!this.final) {
      this.step();
      if (this.largeZoneNote) this.findings.push(this.largeZoneNote);
      const zone = this.zone;
      // A file without suppression comments (nearly all) needs neither the comment scan nor lines.
      const suppressions = zone.text.includes('zonelint-disable') ? suppressionsOf(zone, (this.lines ??= new LineIndex(zone.text))) : NO_SUPPRESSIONS;
      // Copies: settings change severities, and the parse findings belong to the zone.
      const parse = applySettings(zone.parseDiagnostics.map((d) => ({ ...d })), suppressions, this.settings, this.lines);
      const rules = applySettings(this.findings, suppressions, this.settings, this.lines);
      this.final = { all: parse.concat(rules), ruleFindings: rules };
    }
    return this.final;
  }
}

/** Severity settings, `off` and suppression comments, applied to findings (in place). */
export function applySettings(findings: ZoneDiagnostic[], suppressions: Suppressions, settings: ValidationSettings, lines?: LineIndex): ZoneDiagnostic[] {
  const result: ZoneDiagnostic[] = [];
  for (const d of findings) {
    const setting = settings.rules?.[d.code];
    if (setting === 'off') continue;
    if (suppressions !== NO_SUPPRESSIONS && isSuppressed(d, suppressions, lines!)) continue;
    if (setting && setting !== 'default') d.severity = setting;
    result.push(d);
  }
  return result;
}

/** The suppression comments of a zone (none to scan in nearly every file). */
export function suppressionsOf(zone: Zone, lines: LineIndex): Suppressions {
  return zone.text.includes('zonelint-disable') ? collectSuppressions(zone, lines) : NO_SUPPRESSIONS;
}

const now = (): number => performance.now();

const NO_SUPPRESSIONS: Suppressions = { file: new Set(), lines: new Map() };

/** Run one rule on a zone, its findings appended to `out`; a rule that throws becomes an internal-error finding. */
export function runRule(rule: Rule, zone: Zone, workspace: Workspace, out: ZoneDiagnostic[]): void {
  const ctx: RuleContext = {
    zone,
    workspace,
    report: (f: Finding) => {
      out.push({ code: rule.id, severity: f.severity ?? rule.defaultSeverity, message: f.message, start: f.start, end: f.end, file: f.file ?? 0, data: f.data, related: f.related });
    },
  };
  try {
    rule.check!(ctx);
  } catch (err) {
    out.push({ code: 'internal-error', severity: 'error', start: 0, end: 0, file: 0, message: `rule ${rule.id} failed: ${(err as Error).message}` });
  }
}
