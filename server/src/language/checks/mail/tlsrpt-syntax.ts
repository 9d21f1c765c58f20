/**
 * tlsrpt-syntax: A TLS-RPT record (RFC 8460 §3) that senders would ignore.
 * The checks live in language/mail; this rule reports that module's `tlsrpt-syntax` findings.
 */
import { mailFindingRule } from './findingRule';

export const tlsrptSyntax = mailFindingRule('tlsrpt-syntax');
