/**
 * mta-sts-syntax: An MTA-STS record (RFC 8461 §3.1) that senders would ignore.
 * The checks live in language/mail; this rule reports that module's `mta-sts-syntax` findings.
 */
import { mailFindingRule } from './findingRule';

export const mtaStsSyntax = mailFindingRule('mta-sts-syntax');
