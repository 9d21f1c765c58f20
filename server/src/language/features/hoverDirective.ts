/** Hover texts for `$ORIGIN`, `$TTL`, `$INCLUDE` and `$GENERATE` and their arguments. */
import type { Zone } from '../model/zone';
import type { Directive } from '../model/types';
import { parseTtl } from '../rrtypes/fields';
import { parseName } from '../rrtypes/names';
import { secondsWithWords } from './durations';
import type { HoverResult } from './types';
import { originAt } from './locate';

export const DIRECTIVE_DOCS: Record<string, { syntax: string; doc: string }> = {
  $ORIGIN: { syntax: '$ORIGIN <domain-name>', doc: 'Sets the origin: relative names after this line (those without a trailing dot) have it appended, and `@` stands for it (RFC 1035 §5.1).' },
  $TTL: { syntax: '$TTL <ttl>', doc: 'Sets the TTL of the records after this line that do not write one (RFC 2308 §4). Units `s m h d w` are accepted (`1h`, `2d`).' },
  $INCLUDE: { syntax: '$INCLUDE <file-name> [<domain-name>]', doc: 'Reads another file at this point, optionally with its own origin; the origin and the current owner are restored afterwards (RFC 1035 §5.1). Here the path is resolved relative to the including file.' },
  $GENERATE: { syntax: '$GENERATE <range> <lhs> [<ttl>] [<class>] <type> <rhs>', doc: 'BIND extension: creates one record per number in `<range>` (`start-stop[/step]`), replacing `$` in the owner and rdata with the number (`${offset,width,base}` formats it). Supported types: A, AAAA, CNAME, DNAME, NS, PTR.' },
};

export function directiveHover(zone: Zone, d: Directive, offset: number): HoverResult | undefined {
  const doc = DIRECTIVE_DOCS[d.name];
  const nameEnd = d.start + d.name.length;
  if (offset <= nameEnd) {
    const markdown = doc ? `**${d.name}**\n\n\`\`\`\n${doc.syntax}\n\`\`\`\n${doc.doc}` : `**${zone.text.slice(d.start, nameEnd)}** is not a directive BIND knows (known: $ORIGIN, $TTL, $INCLUDE, $GENERATE).`;
    return { markdown, range: { start: d.start, end: nameEnd } };
  }
  const arg = d.args.find((a) => a.start <= offset && offset <= a.end);
  if (!arg) return undefined;
  const range = { start: arg.start, end: arg.end };
  if (d.name === '$TTL' && d.args[0] === arg) {
    const v = parseTtl(arg.text);
    return typeof v === 'number' ? { markdown: `**$TTL** \`${arg.text}\` = ${secondsWithWords(v)}`, range } : undefined;
  }
  if (d.name === '$ORIGIN' || (d.name === '$INCLUDE' && d.args[1] === arg)) {
    const r = parseName(arg.text, originAt(zone, d.start));
    return r.error ? undefined : { markdown: `**Origin** \`${arg.text}\` → \`${r.name}\``, range };
  }
  return undefined;
}
