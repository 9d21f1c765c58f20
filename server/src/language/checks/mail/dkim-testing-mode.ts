/**
 * dkim-testing-mode: A DKIM key in testing mode (t=y): verifiers may ignore failures, so it protects less.
 * The checks live in language/mail; this rule reports that module's `dkim-testing-mode` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimTestingMode = mailFindingRule('dkim-testing-mode');
