/**
 * dmarc-policy-none: DMARC p=none: receivers only report, they do not act on failing mail.
 * The checks live in language/mail; this rule reports that module's `dmarc-policy-none` findings.
 */
import { mailFindingRule } from './findingRule';

export const dmarcPolicyNone = mailFindingRule('dmarc-policy-none');
