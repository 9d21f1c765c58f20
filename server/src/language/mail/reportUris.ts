import type { Severity } from '../text/finding';
import { FindingSink, itemSpan, splitTagValue } from './tagList';
import type { MailTag } from './types';
import { checkHttpsUrl, checkMailto, uriScheme, whitespaceIndex } from './uri';

/**
 * Comma-separated report URI lists: DMARC `rua=`/`ruf=` (RFC 7489 §6.4, with an optional
 * `!size` limit) and TLS-RPT `rua=` (RFC 8460 §3).
 */

export interface ReportUriRules {
  /** DMARC allows `!<digits>[kmgt]` after a URI. */
  sizeSuffix: boolean;
  /** Schemes accepted without comment. */
  schemes: readonly string[];
  /** How bad another scheme is: DMARC only requires mailto support (warning), TLS-RPT allows nothing else (error). */
  otherSchemeSeverity: Severity;
  /** Why another scheme is a problem, completing "`x:` URIs ...". */
  otherSchemeReason: string;
}

/** Check every URI of `tag`'s value and report under `sink`'s code. */
export function checkReportUris(tag: MailTag, sink: FindingSink, rules: ReportUriRules): void {
  if (tag.value === '') {
    sink.addRange('error', `Empty \`${tag.name}=\`: give at least one URI such as \`mailto:reports@example.com\`, or remove the tag.`, tag.range);
    return;
  }
  for (const item of splitTagValue(tag, ',')) {
    const [from, to] = itemSpan(tag, item);
    if (item.value === '') {
      sink.add('error', `Empty URI in \`${tag.name}=\`: remove the extra \`,\`.`, from, to);
      continue;
    }
    const space = whitespaceIndex(item.value);
    if (space >= 0) {
      sink.add('error', 'Spaces are not allowed inside a URI; separate URIs with `,`.', item.index + space, item.index + space + 1);
      continue;
    }
    let uri = item.value;
    const bang = uri.lastIndexOf('!');
    if (bang >= 0 && rules.sizeSuffix) {
      const size = uri.slice(bang + 1);
      if (!/^\d+[kmgtKMGT]?$/.test(size)) {
        sink.add('error', `\`!${size}\` is not a size limit: write digits with an optional unit k, m, g or t, e.g. \`!10m\`.`, item.index + bang, item.end);
        continue;
      }
      uri = uri.slice(0, bang);
    }
    const uriEnd = item.index + uri.length;
    const message = checkOneUri(uri, rules);
    if (message) sink.add(message.severity, message.text, item.index, uriEnd);
  }
}

function checkOneUri(uri: string, rules: ReportUriRules): { severity: Severity; text: string } | null {
  const scheme = uriScheme(uri);
  if (scheme === null) {
    const hint = uri.includes('@') ? `; write \`mailto:${uri}\`` : '';
    return { severity: 'error', text: `\`${uri}\` is not a URI: it needs a scheme such as \`mailto:\`${hint}.` };
  }
  if (!rules.schemes.includes(scheme)) {
    return { severity: rules.otherSchemeSeverity, text: `\`${scheme}:\` URIs ${rules.otherSchemeReason}` };
  }
  const problem = scheme === 'mailto' ? checkMailto(uri) : scheme === 'https' ? checkHttpsUrl(uri) : null;
  return problem ? { severity: 'error', text: problem } : null;
}
