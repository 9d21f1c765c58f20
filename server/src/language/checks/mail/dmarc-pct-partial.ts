/**
 * dmarc-pct-partial: DMARC pct= below 100: the policy applies to only part of the failing mail.
 * The checks live in language/mail; this rule reports that module's `dmarc-pct-partial` findings.
 */
import { mailFindingRule } from './findingRule';

export const dmarcPctPartial = mailFindingRule('dmarc-pct-partial');
