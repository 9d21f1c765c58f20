/**
 * The small amount of URI checking the mail records need: report addresses (`mailto:`,
 * RFC 6068) and HTTPS locations. Each check returns a message saying what to fix, or null.
 * Deliberately shallow: it catches typos and wrong schemes, not every RFC 3986 corner.
 */

/** A host name with at least two labels, as a report or logo host must be. */
const FQDN = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Scheme of `uri` in lower case, or null when it does not start with `scheme:`. */
export function uriScheme(uri: string): string | null {
  const m = SCHEME.exec(uri);
  return m ? m[1].toLowerCase() : null;
}

/** Index of the first whitespace character, or -1. */
export function whitespaceIndex(s: string): number {
  return s.search(/\s/);
}

/** Check a `mailto:` URI: one plausible address (query part ignored). */
export function checkMailto(uri: string): string | null {
  const body = uri.slice('mailto:'.length);
  const address = body.split('?')[0];
  if (address === '') return 'The `mailto:` URI has no address; write `mailto:reports@example.com`.';
  if (address.includes(',')) return 'A report URI holds one address; list several URIs separated by `,` instead.';
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) {
    return `\`${address}\` is not an email address; write \`mailto:name@example.com\`.`;
  }
  const domain = address.slice(at + 1);
  if (!FQDN.test(domain)) return `\`${domain}\` is not a valid mail domain.`;
  return null;
}

/** Check an `https://host/path` URL (host must be a fully qualified name). */
export function checkHttpsUrl(uri: string): string | null {
  if (uriScheme(uri) !== 'https') return `\`${uri}\` is not an HTTPS URL; write \`https://host/path\`.`;
  const m = /^https:\/\/([^/?#:]*)(:\d+)?([/?#].*)?$/i.exec(uri);
  if (!m) return `\`${uri}\` is not a valid HTTPS URL; write \`https://host/path\`.`;
  if (m[1] === '') return 'The HTTPS URL has no host name.';
  if (!FQDN.test(m[1])) return `\`${m[1]}\` is not a fully qualified host name.`;
  return null;
}
