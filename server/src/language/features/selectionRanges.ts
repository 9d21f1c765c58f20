/**
 * Selection ranges (expand selection): the SPF term or mail tag under the cursor, the
 * character-string, the field, all the rdata, the record, then its owner group. Innermost first;
 * each range contains the one before it.
 */
import type { Zone } from '../model/zone';
import type { OffsetRange } from './types';
import { directiveAt, groupOf, partAt, recordAt, txtStrings } from './locate';
import { mailRecordOf, spfOf } from './hoverText';

export function selectionRangesAt(zone: Zone, offset: number): OffsetRange[] {
  const chain: OffsetRange[] = [];
  const add = (r: OffsetRange | undefined): void => {
    if (!r || r.end < r.start) return;
    const last = chain[chain.length - 1];
    if (last && (r.start > last.start || r.end < last.end)) return; // must contain the previous one
    if (last && last.start === r.start && last.end === r.end) return;
    chain.push({ start: r.start, end: r.end });
  };
  const d = directiveAt(zone, offset);
  if (d) {
    const arg = d.args.find((a) => a.start <= offset && offset <= a.end);
    add(arg ? { start: arg.start, end: arg.end } : offset <= d.start + d.name.length ? { start: d.start, end: d.start + d.name.length } : undefined);
    add({ start: d.start, end: d.end });
    return chain;
  }
  const r = recordAt(zone, offset);
  if (!r) return chain;
  const part = partAt(r, offset);
  if (part?.kind === 'field') {
    const strings = txtStrings(r);
    if (strings) {
      const spf = spfOf(strings);
      if (spf) {
        const term = spf.terms.find((t) => t.range.start <= offset && offset <= t.range.end);
        if (term) {
          const inner = [term.domainSpecRange, term.ipRange, term.cidrRange, term.nameRange].find((x) => x && x.start <= offset && offset <= x.end);
          add(inner);
          add(term.range);
        }
      } else {
        const tag = mailRecordOf(r, strings)?.parsed.tags.find((t) => t.range.start <= offset && offset <= t.range.end);
        if (tag) {
          add([tag.nameRange, tag.valueRange].find((x) => x.start <= offset && offset <= x.end));
          add(tag.range);
        }
      }
      const s = strings.find((x) => x.start <= offset && offset <= x.end);
      if (s) {
        add({ start: s.start, end: s.end });
        // With its quotes, when the closing one is there (an unterminated string has none).
        if (s.quoted && zone.text.charCodeAt(s.end) === 0x22) add({ start: s.start - 1, end: s.end + 1 });
      }
    }
  }
  add(part);
  add({ start: r.rdataStart, end: r.rdataEnd });
  add({ start: r.start, end: r.end });
  const g = groupOf(zone, r);
  if (g) add({ start: g.start, end: g.end });
  return chain;
}
