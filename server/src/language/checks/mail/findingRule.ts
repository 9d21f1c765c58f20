/**
 * The DKIM, DMARC, MTA-STS, TLS-RPT and BIMI validators (language/mail) already produce findings
 * with rule ids and severities; a rule for one of those ids only forwards that id's findings.
 * Id, default severity and summary come from MAIL_RULES, so the two lists cannot drift apart.
 */
import { MAIL_RULES, type MailRuleId } from '../../mail';
import type { Rule } from '../rule';
import { mailFindings } from './mailRecords';

export function mailFindingRule(id: MailRuleId): Rule {
  const meta = MAIL_RULES.find((r) => r.id === id);
  if (!meta) throw new Error(`unknown mail rule ${id}`);
  return {
    id,
    defaultSeverity: meta.defaultSeverity,
    summary: meta.summary,
    stage: 'semantic',
    scope: 'record',
    check({ zone, report }) {
      for (const { record, finding } of mailFindings(zone, id)) {
        // The validator's severity is deliberate (e.g. an unknown tag is a warning under dkim-syntax,
        // a key under 1024 bits an error under dkim-weak-key), so it overrides the default.
        report({ start: finding.start, end: finding.end, file: record.file, message: finding.message, severity: finding.severity });
      }
    },
  };
}
