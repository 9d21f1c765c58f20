import type { CharString } from '../../text/charString';
import { defineType, field } from '../define';
import { charString, domainName, u16 } from '../fields';

/**
 * The checks BIND makes on a NAPTR regexp (RFC 3403 §4.3): empty, or `<d>ERE<d>replacement<d>flags`
 * with a delimiter that is not a digit, backslash or `i`, balanced groups, back-references only to
 * groups that exist (and never `\0`), and no flag other than `i`. Returns a message or null.
 */
export function naptrRegexpProblem(value: string): string | null {
  if (value.length === 0) return null;
  const delim = value[0];
  if (/[0-9\\i\0]/.test(delim)) return `delimiter "${delim}" is not allowed (digits, backslash and "i" cannot delimit)`;
  const parts: string[] = [''];
  for (let i = 1; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && parts.length < 3) {
      if (i + 1 >= value.length) return 'ends with a backslash';
      parts[parts.length - 1] += c + value[++i];
    } else if (c === delim) {
      if (parts.length === 3) return `has more than three "${delim}" delimiters`;
      parts.push('');
    } else parts[parts.length - 1] += c;
  }
  if (parts.length < 3) return `needs the form ${delim}regexp${delim}replacement${delim}flags`;
  const [ere, replacement, flags] = parts;
  if (/[^i]/.test(flags)) return `flags "${flags}" may only be "i"`;
  const groups = countGroups(ere);
  if (groups < 0) return `regular expression "${ere}" has unbalanced parentheses or brackets`;
  for (const m of replacement.matchAll(/\\(.)/g)) {
    if (m[1] === '0') return 'back-reference \\0 is not allowed';
    if (/[1-9]/.test(m[1]) && Number(m[1]) > groups) return `back-reference \\${m[1]} refers to a group the expression does not have (${groups})`;
  }
  return null;
}

/** Number of groups in a POSIX ERE, or -1 when parentheses or brackets do not balance. */
function countGroups(ere: string): number {
  let depth = 0;
  let groups = 0;
  for (let i = 0; i < ere.length; i++) {
    const c = ere[i];
    if (c === '\\') i++;
    else if (c === '[') {
      let j = i + 1;
      if (ere[j] === '^') j++;
      if (ere[j] === ']') j++;
      while (j < ere.length && ere[j] !== ']') j++;
      if (j >= ere.length) return -1;
      i = j;
    } else if (c === '(') {
      depth++;
      groups++;
    } else if (c === ')') {
      if (--depth < 0) return -1;
    }
  }
  return depth === 0 ? groups : -1;
}

/** RFC 3403 §4: rewrite rules for Dynamic Delegation Discovery (ENUM, SIP). */
export const NAPTR = defineType({
  name: 'NAPTR',
  code: 35,
  summary: 'Naming authority pointer: a rewrite rule for DDDS applications such as ENUM and SIP service discovery.',
  rfc: 'RFC 3403 §4.1',
  fields: [
    field('order', u16, 'Order in which rules must be processed, lowest first.'),
    field('preference', u16, 'Preference among rules of the same order, lowest first.'),
    field('flags', charString, 'Flags controlling the rewrite: S (SRV lookup next), A (address lookup), U (URI result), P (protocol-specific); empty for a non-terminal rule.'),
    field('services', charString, 'Service parameters for the application, e.g. `SIP+D2U` or `E2U+sip`.'),
    field('regexp', charString, 'Substitution `!regex!replacement!flags` applied to the input, or empty when a replacement name is used.'),
    field('replacement', domainName, 'Next name to look up, or `.` when the regexp is used.'),
  ],
  validate(fields, report) {
    const problem = naptrRegexpProblem((fields[4].value as CharString).value);
    if (problem) report.error(fields[4], `NAPTR regexp ${problem}`);
  },
});
