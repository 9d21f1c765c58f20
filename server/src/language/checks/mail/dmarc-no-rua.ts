/**
 * dmarc-no-rua: A DMARC record without rua=: the domain owner receives no aggregate reports.
 * The checks live in language/mail; this rule reports that module's `dmarc-no-rua` findings.
 */
import { mailFindingRule } from './findingRule';

export const dmarcNoRua = mailFindingRule('dmarc-no-rua');
