/**
 * dkim-weak-key: An RSA DKIM key under 2048 bits; verifiers reject keys under 1024 bits (RFC 8301 §3.2).
 * The checks live in language/mail; this rule reports that module's `dkim-weak-key` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimWeakKey = mailFindingRule('dkim-weak-key');
