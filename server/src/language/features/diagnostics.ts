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
  const out: ZoneDiagnostic[] = [...zone.parseDiagnostics];
  const limit = settings.workspaceRuleRecordLimit ?? DEFAULT_WORKSPACE_RULE_RECORD_LIMIT;
  for (const stage of ['semantic', 'workspace'] as const) {
    for (const rule of allRules) {
      if (rule.stage !== stage || !rule.check || settings.rules?.[rule.id] === 'off') continue;
      if (stage === 'workspace' && zone.records.length > limit) continue;
      runRule(rule, zone, workspace, out);
    }
  }
  if (zone.records.length > limit) {
    out.push({ code: 'large-zone', severity: 'information', start: 0, end: 0, file: 0, message: `This zone has ${zone.records.length} records, more than ${limit}: cross-zone checks (reverse DNS, SPF include chains) are skipped to keep the editor responsive (setting dnsZone.largeZoneRecordLimit).` });
  }
  // A file without suppression comments (nearly all) needs neither the comment scan nor lines.
  const suppressions = zone.text.includes('zonelint-disable') ? collectSuppressions(zone, (lines ??= new LineIndex(zone.text))) : NO_SUPPRESSIONS;
  const result: ZoneDiagnostic[] = [];
  for (const d of out) {
    const setting = settings.rules?.[d.code];
    if (setting === 'off') continue;
    if (suppressions !== NO_SUPPRESSIONS && isSuppressed(d, suppressions, lines!)) continue;
    if (setting && setting !== 'default') d.severity = setting;
    result.push(d);
  }
  return result;
}

const NO_SUPPRESSIONS: Suppressions = { file: new Set(), lines: new Map() };

function runRule(rule: Rule, zone: Zone, workspace: Workspace, out: ZoneDiagnostic[]): void {
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
