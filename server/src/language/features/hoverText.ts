/**
 * Hover inside TXT records: SPF terms (through the SPF layer's `spfHoverAt`) and the tags of
 * DKIM, DMARC, MTA-STS, TLS-RPT and BIMI records (through `mailTagHover`).
 */
import type { Zone } from '../model/zone';
import type { ZoneRecord } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import type { CharString } from '../text/charString';
import { parseSpf, spfHoverAt, spfVersionCheck, type SpfRecord } from '../spf';
import { mailContentKind, mailRecordKind, mailTagHover, validateMailRecord, type MailRecordKind, type ParsedTagList } from '../mail';
import type { HoverResult } from './types';
import { nameNotes } from './hoverFields';

const SPF_TARGET_TERMS = new Set(['include', 'redirect', 'a', 'mx', 'exists']);

const spfCache = new WeakMap<readonly CharString[], { start: number; record: SpfRecord }>();

/**
 * The SPF record of a TXT record's strings, parsed once per place: an incremental parse moves
 * the strings of records after an edit in place (parser/shift.ts), so a parse is reused only
 * while they start where they did.
 */
export function spfOf(strings: readonly CharString[]): SpfRecord | undefined {
  if (spfVersionCheck(strings) !== 'spf') return undefined;
  const start = strings[0].start;
  const hit = spfCache.get(strings);
  if (hit && hit.start === start) return hit.record;
  const record = parseSpf(strings);
  spfCache.set(strings, { start, record });
  return record;
}

/** Which mail record a TXT record is (by owner, else by its `v=` tag), with its tags. */
export function mailRecordOf(r: ZoneRecord, strings: readonly CharString[]): { kind: MailRecordKind; parsed: ParsedTagList } | undefined {
  const joined = strings.map((s) => s.value).join('');
  const kind = mailRecordKind(r.owner, joined) ?? mailContentKind(joined);
  return kind ? { kind, parsed: validateMailRecord(kind, strings) } : undefined;
}

export function txtHover(zone: Zone, r: ZoneRecord, strings: readonly CharString[], offset: number, workspace?: Workspace): HoverResult | undefined {
  const spf = spfOf(strings);
  if (spf) {
    const h = spfHoverAt(spf, offset);
    if (!h) return undefined;
    let markdown = h.markdown;
    const term = spf.terms.find((t) => t.range.start === h.range.start && t.range.end === h.range.end);
    if (term && SPF_TARGET_TERMS.has(term.name) && term.domainSpec && term.macros.length === 0) {
      const name = term.domainSpec.toLowerCase().replace(/\.?$/, '.');
      markdown += '\n\n' + nameNotes(zone, name, false, term.domainSpec, workspace).join('\n');
    }
    return { markdown, range: h.range };
  }
  const mail = mailRecordOf(r, strings);
  if (!mail) return undefined;
  const tag = mail.parsed.tags.find((t) => t.range.start <= offset && offset < Math.max(t.range.end, t.valueRange.end + 1));
  if (!tag) return undefined;
  const markdown = mailTagHover(mail.kind, tag.name);
  return markdown ? { markdown, range: tag.range } : undefined;
}
