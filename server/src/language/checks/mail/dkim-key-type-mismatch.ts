/**
 * dkim-key-type-mismatch: The DKIM k= tag names another algorithm than the key in p= holds (RFC 6376, RFC 8463).
 * The checks live in language/mail; this rule reports that module's `dkim-key-type-mismatch` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimKeyTypeMismatch = mailFindingRule('dkim-key-type-mismatch');
