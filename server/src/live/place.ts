/**
 * Live findings -> zone diagnostics on the current text: each finding's anchor (an MX record's
 * target, an SPF term) is looked up in the zone as it is now, so offsets always come from the
 * model of the text being shown. Findings whose MX or term is gone are dropped. Severity
 * settings and `; zonelint-disable` comments apply exactly as to the offline rules.
 */
import type { Zone } from '../language/model/zone';
import type { ZoneDiagnostic } from '../language/model/types';
import type { RuleSetting } from '../language/features/diagnostics';
import { collectSuppressions, isSuppressed } from '../language/features/suppressions';
import { LineIndex } from '../language/text/lineIndex';
import { liveRuleSeverity } from '../language/checks/live';
import { mxRecords } from '../language/checks/mail/records';
import { spfRecords } from '../language/checks/mail/spfRecords';
import type { Severity } from '../language/text/finding';
import type { LiveFinding } from './findings';
import type { Anchor } from './targets';

export interface Placed {
  start: number;
  end: number;
  file: number;
}

/** Where an anchor is in the zone now, or undefined when the record or term is gone. */
export function placeAnchor(zone: Zone, anchor: Anchor): Placed | undefined {
  if (anchor.kind === 'mx') {
    const mx = mxRecords(zone).find((m) => m.record.owner === anchor.owner && m.exchange === anchor.exchange);
    return mx ? { start: mx.exchangeField.start, end: mx.exchangeField.end, file: mx.record.file } : undefined;
  }
  for (const { record, spf } of spfRecords(zone)) {
    if (record.owner !== anchor.owner) continue;
    const term = spf.terms.find((t) => t.text === anchor.term);
    if (term) return { start: term.range.start, end: term.range.end, file: record.file };
  }
  return undefined;
}

/** The effective severity of a live rule under the settings, or 'off'. */
export function liveSeverity(code: LiveFinding['code'], rules: Record<string, RuleSetting> | undefined): Severity | 'off' {
  const setting = rules?.[code];
  if (setting === 'off') return 'off';
  return setting && setting !== 'default' ? setting : liveRuleSeverity(code);
}

export function liveDiagnostics(zone: Zone, findings: readonly LiveFinding[], rules?: Record<string, RuleSetting>, lines = new LineIndex(zone.text)): ZoneDiagnostic[] {
  const suppressions = collectSuppressions(zone, lines);
  const out: ZoneDiagnostic[] = [];
  for (const f of findings) {
    const severity = liveSeverity(f.code, rules);
    if (severity === 'off') continue;
    const at = placeAnchor(zone, f.anchor);
    if (!at) continue;
    const d: ZoneDiagnostic = { code: f.code, severity, message: f.message, start: at.start, end: at.end, file: at.file };
    if (!isSuppressed(d, suppressions, lines)) out.push(d);
  }
  return out;
}
