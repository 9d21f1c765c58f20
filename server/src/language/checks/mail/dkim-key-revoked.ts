/**
 * dkim-key-revoked: A DKIM key record with an empty p= (RFC 6376 §3.6.1): every signature with this selector fails.
 * The checks live in language/mail; this rule reports that module's `dkim-key-revoked` findings.
 */
import { mailFindingRule } from './findingRule';

export const dkimKeyRevoked = mailFindingRule('dkim-key-revoked');
