/**
 * bimi-syntax: A BIMI assertion record that mailbox providers would ignore.
 * The checks live in language/mail; this rule reports that module's `bimi-syntax` findings.
 */
import { mailFindingRule } from './findingRule';

export const bimiSyntax = mailFindingRule('bimi-syntax');
