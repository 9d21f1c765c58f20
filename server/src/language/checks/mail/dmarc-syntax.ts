/**
 * dmarc-syntax: A DMARC record (RFC 7489 §6.3) that receivers would discard or misread.
 * The checks live in language/mail; this rule reports that module's `dmarc-syntax` findings.
 */
import { mailFindingRule } from './findingRule';

export const dmarcSyntax = mailFindingRule('dmarc-syntax');
