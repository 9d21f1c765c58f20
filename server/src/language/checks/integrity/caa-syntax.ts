/**
 * caa-syntax: CAA records as RFC 8659 §4 defines them. Flags other than the Issuer Critical bit
 * (128) are reserved; a tag outside the known set is ignored by CAs (a typo then silently
 * disables the policy) unless it is marked critical, when CAs must refuse to issue at all
 * (§5.1.1); values of issue/issuewild/issuemail/issuevmc follow the §4.2 grammar; iodef takes
 * a mailto:, http: or https: URL (§4.4); contactemail/contactphone take an address or a
 * global phone number (CA/Browser Forum Baseline Requirements, appendix A).
 */
import type { CharString } from '../../text/charString';
import { charStringOffset } from '../../text/charString';
import type { Finding, Rule } from '../rule';
import { fieldNamed, fieldPlace } from './common';
import { checkIssueValue } from './caaValue';

const KNOWN_TAGS = ['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone', 'issuemail', 'issuevmc'];

/** Levenshtein distance, for "did you mean" on short tags. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length][b.length];
}

function suggestion(tag: string): string {
  const best = KNOWN_TAGS.map((t) => ({ t, d: distance(tag, t) })).sort((x, y) => x.d - y.d)[0];
  return best.d <= 2 ? ` Did you mean "${best.t}"?` : '';
}

/**
 * `local@domain` with a dot inside the domain: what `/^[^@\s]+@[^@\s]+\.[^@\s]+$/` accepts, without
 * that regex's quadratic backtracking over the dots of a long value that fails at its end.
 */
function isMailAddress(s: string): boolean {
  const m = /^[^@\s]+@([^@\s]+)$/.exec(s);
  return m !== null && m[1].slice(1, -1).includes('.');
}

/** A finding on characters [from, to) of the decoded value. */
function inValue(s: CharString, file: number, from: number, to: number, message: string): Finding {
  const start = charStringOffset(s, from);
  const end = to > from ? charStringOffset(s, to) : start;
  return { start, end: Math.max(end, start), file, message };
}

export const caaSyntax: Rule = {
  id: 'caa-syntax',
  defaultSeverity: 'warning',
  summary: 'A CAA record with reserved flags, an unknown tag, or a value that does not follow RFC 8659.',
  stage: 'semantic',
  scope: 'record',
  check({ zone, report }) {
    // The type's own records (indexed once), not every record of the zone.
    for (const r of zone.ofType('CAA')) {
      const flags = fieldNamed(r, 'flags');
      const tagField = fieldNamed(r, 'tag');
      const valueField = fieldNamed(r, 'value');
      if (!flags || !tagField || !valueField || typeof flags.value !== 'number' || typeof tagField.value !== 'string') continue;
      const critical = (flags.value & 128) !== 0;
      if ((flags.value & ~128) !== 0) {
        report({ ...fieldPlace(r, flags), message: `CAA flags ${flags.value}: only 128 (Issuer Critical) is defined, the other bits are reserved and must be zero (RFC 8659 §4.1). Use 0, or 128 for a critical property.` });
      }
      const tag = tagField.value.toLowerCase();
      if (!KNOWN_TAGS.includes(tag)) {
        report({
          ...fieldPlace(r, tagField),
          ...(critical ? { severity: 'error' as const } : {}),
          message: critical
            ? `CAA tag "${tagField.value}" is unknown and marked critical (flags 128), so every CA must refuse to issue for this domain (RFC 8659 §5.1.1).${suggestion(tag)}`
            : `CAA tag "${tagField.value}" is not one CAs know (${KNOWN_TAGS.join(', ')}); they ignore it (RFC 8659 §4.1).${suggestion(tag)}`,
        });
        continue;
      }
      const v = valueField.value as CharString;
      if (typeof v !== 'object' || typeof v.value !== 'string') continue;
      const text = v.value;
      const at = (from: number, to: number, message: string) => report(inValue(v, r.file, from, to, message));
      if (tag === 'issue' || tag === 'issuewild' || tag === 'issuemail' || tag === 'issuevmc') {
        const p = checkIssueValue(text);
        if (p) at(p.from, p.to, `CAA ${tag} value: ${p.message} (RFC 8659 §4.2). The form is "ca.example" or "ca.example; name=value"; ";" alone forbids issuance.`);
      } else if (tag === 'iodef') {
        const m = /^(mailto|https?):(.+)$/i.exec(text);
        if (!m) at(0, text.length, 'CAA iodef value must be a mailto:, http: or https: URL where CAs report refused requests (RFC 8659 §4.4).');
        else if (m[1].toLowerCase() === 'mailto' && !isMailAddress(m[2])) at(7, text.length, `"${m[2]}" is not an e-mail address (RFC 8659 §4.4, RFC 6068).`);
        else if (m[1].toLowerCase() !== 'mailto' && !/^\/\/[^/\s]+/.test(m[2])) at(0, text.length, `"${text}" is not a valid ${m[1]} URL (RFC 8659 §4.4).`);
      } else if (tag === 'contactemail') {
        if (!isMailAddress(text)) at(0, text.length, 'CAA contactemail value must be one e-mail address (CA/Browser Forum Baseline Requirements, appendix A.1.1).');
      } else if (tag === 'contactphone') {
        if (!/^\+[0-9][0-9().-]*[0-9]$/.test(text)) at(0, text.length, 'CAA contactphone value must be a global phone number such as +1-555-555-0100 (RFC 3966 §5.1.4, CA/Browser Forum Baseline Requirements, appendix A.1.2).');
      }
    }
  },
};
