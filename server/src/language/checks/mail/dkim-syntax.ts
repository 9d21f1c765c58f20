/**
 * dkim-syntax: A DKIM key record (RFC 6376 §3.6.1) that verifiers cannot read: bad tags, bad base64, a missing p=.
 * The checks live in language/mail; this rule reports that module's `dkim-syntax` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimSyntax = mailFindingRule('dkim-syntax');
