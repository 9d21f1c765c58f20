/**
 * What the server says it is: the host name at the start of the 220 greeting (RFC 5321 §4.3.1,
 * `220 SP (Domain / address-literal) [SP textstring]`, and §4.1.1.1 for EHLO's first line).
 * Receivers and humans reading logs rely on it being the server's fully qualified name.
 */
import type { SmtpReply } from './smtpReply';

export type GreetingName =
  /** An absolute, lower-case host name with a trailing dot. */
  | { kind: 'fqdn'; name: string }
  /** `[192.0.2.1]`: allowed by the grammar, but it names no host. */
  | { kind: 'literal'; text: string }
  /** A first word that is not a fully qualified name (`SMTP`, `localhost`, `mail`). */
  | { kind: 'not-fqdn'; text: string; why: string }
  | { kind: 'missing' };

export function greetingName(greeting: SmtpReply): GreetingName {
  const word = (greeting.lines[0] ?? '').split(/\s+/)[0];
  if (!word) return { kind: 'missing' };
  if (word.startsWith('[')) return { kind: 'literal', text: word };
  const why = fqdnProblem(word);
  if (why) return { kind: 'not-fqdn', text: word, why };
  return { kind: 'fqdn', name: word.toLowerCase().replace(/\.?$/, '.') };
}

const LOCAL_SUFFIXES = ['localhost', 'localdomain', 'local', 'lan', 'home.arpa', 'internal'];

/** Why `word` is not a fully qualified host name (RFC 1123 §2.1 labels), or undefined when it is one. */
export function fqdnProblem(word: string): string | undefined {
  const name = word.endsWith('.') ? word.slice(0, -1) : word;
  const labels = name.split('.');
  if (labels.length < 2) return 'it is a single word, not a domain name';
  if (name.length > 253) return 'it is longer than 253 characters';
  for (const l of labels) {
    if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l)) return `"${l}" is not a valid host name label`;
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return 'it ends in a number, like an address rather than a name';
  const lower = name.toLowerCase();
  if (LOCAL_SUFFIXES.some((s) => lower === s || lower.endsWith('.' + s))) return 'it is a local name that means nothing outside the server\'s network';
  return undefined;
}
