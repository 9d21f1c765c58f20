/**
 * The RFC 8659 §4.2 grammar of issue/issuewild values (also used by issuemail, RFC 9495, and
 * issuevmc):
 *   issue-value = *WSP [issuer-domain-name *WSP] [";" *WSP [parameters *WSP]]
 *   issuer-domain-name = label *("." label)
 *   label = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))
 *   parameters = (parameter *WSP ";" *WSP parameters) / parameter
 *   parameter = tag *WSP "=" *WSP value
 *   tag = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT))
 *   value = *(%x21-3A / %x3C-7E)
 */

export interface ValueProblem {
  from: number;
  to: number;
  message: string;
}

const LABEL = /^[A-Za-z0-9](-*[A-Za-z0-9])*$/;

function isWsp(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** The first problem of an issue-value, with its character range, or null. */
export function checkIssueValue(text: string): ValueProblem | null {
  let i = 0;
  while (i < text.length && isWsp(text[i])) i++;
  const domainStart = i;
  while (i < text.length && text[i] !== ';' && !isWsp(text[i])) i++;
  const domain = text.slice(domainStart, i);
  if (domain !== '') {
    if (/^[a-z]+:\/\//i.test(domain)) return { from: domainStart, to: i, message: `"${domain}" is a URL; the issuer is a bare domain name such as letsencrypt.org` };
    if (domain.endsWith('.')) return { from: i - 1, to: i, message: `the issuer domain "${domain}" must not end with a dot` };
    if (domain.includes(',')) return { from: domainStart, to: i, message: `"${domain}" lists several issuers; each CA needs its own CAA record` };
    const labels = domain.split('.');
    let pos = domainStart;
    for (const l of labels) {
      if (!LABEL.test(l)) return { from: pos, to: pos + Math.max(1, l.length), message: `"${domain}" is not a domain name (label "${l}")` };
      pos += l.length + 1;
    }
  }
  while (i < text.length && isWsp(text[i])) i++;
  if (i >= text.length) return null;
  if (text[i] !== ';') return { from: i, to: text.length, message: `unexpected "${text.slice(i)}" after the issuer; parameters follow a ";"` };
  i++;
  // parameters: tag *WSP "=" *WSP value, separated by ";"
  for (;;) {
    while (i < text.length && isWsp(text[i])) i++;
    if (i >= text.length) return null;
    const tagStart = i;
    while (i < text.length && /[A-Za-z0-9-]/.test(text[i])) i++;
    const tag = text.slice(tagStart, i);
    if (tag === '' || !LABEL.test(tag)) return { from: tagStart, to: Math.max(i, tagStart + 1), message: `expected a parameter name (letters, digits, hyphens) at "${text.slice(tagStart)}"` };
    while (i < text.length && isWsp(text[i])) i++;
    if (text[i] !== '=') return { from: tagStart, to: i, message: `parameter "${tag}" needs "=value"` };
    i++;
    while (i < text.length && isWsp(text[i])) i++;
    while (i < text.length && text[i] !== ';' && !isWsp(text[i])) {
      const c = text.charCodeAt(i);
      if (c < 0x21 || c > 0x7e) return { from: i, to: i + 1, message: `parameter "${tag}" has a character that is not allowed in a value` };
      i++;
    }
    while (i < text.length && isWsp(text[i])) i++;
    if (i >= text.length) return null;
    if (text[i] !== ';') return { from: i, to: text.length, message: `parameters are separated by ";"; unexpected "${text.slice(i)}"` };
    i++;
  }
}
