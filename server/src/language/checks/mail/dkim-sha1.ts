/**
 * dkim-sha1: A DKIM key limited to SHA-1 signatures (h=sha1), which verifiers must reject (RFC 8301 §3.1).
 * The checks live in language/mail; this rule reports that module's `dkim-sha1` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimSha1 = mailFindingRule('dkim-sha1');
