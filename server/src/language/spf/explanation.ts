/**
 * Explanation strings: the TXT record that an `exp=` modifier points to (RFC 7208 §6.2),
 *
 *   explain-string = *( macro-string / SP )
 *
 * Every macro letter is allowed here, including c, r and t. A malformed explanation does not
 * break SPF evaluation (the receiver falls back to its default text), so callers will usually
 * report these as warnings.
 */
import { JoinedText, type CharString } from '../text/charString';
import { scanMacroString } from './macro';
import type { SpfSyntaxError } from './types';

export function checkExplanationText(strings: readonly CharString[]): SpfSyntaxError[] {
  const joined = new JoinedText(strings);
  const text = joined.value;
  const errors: SpfSyntaxError[] = [];
  const bad = /[^\x20-\x7e]+/g;
  for (let m = bad.exec(text); m; m = bad.exec(text)) {
    errors.push({
      code: 'bad-character',
      message: 'explanation text may contain only printable ASCII and spaces (RFC 7208 §6.2, §7.1)',
      ...joined.rangeOf(m.index, m.index + m[0].length),
    });
  }
  // Spaces are allowed between macro-strings; scan each space-free run on its own.
  const word = /[^ ]+/g;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    for (const issue of scanMacroString(m[0], m.index, 'explanation').issues) {
      errors.push({ code: issue.code, message: issue.message, ...joined.rangeOf(issue.from, issue.to) });
    }
  }
  return errors.sort((a, b) => a.start - b.start);
}
