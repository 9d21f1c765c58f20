import { JoinedText, type CharString } from '../text/charString';
import type { OffsetRange, Severity } from '../text/finding';
import type { MailFinding, MailTag, ParsedTagList } from './types';

/**
 * Generic tag-list parser (RFC 6376 §3.2), shared by DKIM, DMARC, MTA-STS, TLS-RPT and BIMI:
 * `tag=value` separated by `;`, whitespace allowed around names, `=` and values, a trailing `;`
 * allowed. Parsing never throws; every problem becomes a finding under `options.code`.
 */

/** How a record kind spells its tag names. */
export interface TagListOptions {
  /** Rule id for the syntax findings of this record kind, e.g. `dkim-syntax`. */
  code: string;
  /** What the record is called in messages, e.g. `DKIM key record`. */
  recordName: string;
  /** Grammar of a tag name; the default is RFC 6376's `ALPHA *(ALPHA / DIGIT / "_")`. */
  namePattern?: RegExp;
  /** Words for `namePattern` in messages. */
  nameRule?: string;
  /** Compare names case-insensitively when looking for duplicates (DMARC). */
  caseInsensitiveNames?: boolean;
}

const RFC6376_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RFC6376_NAME_RULE = 'a letter followed by letters, digits or `_`';

/** Whitespace that may surround tags: WSP plus the CR/LF of folding white space. */
export function isTagSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** RFC 6376 VALCHAR: printable ASCII except `;`. */
function isValChar(code: number): boolean {
  return code >= 0x21 && code <= 0x7e && code !== 0x3b;
}

/** Collects findings whose positions are indices into the joined text. */
export class FindingSink {
  readonly findings: MailFinding[] = [];
  constructor(readonly text: JoinedText, readonly code: string) {}

  /** Report joined range [from, to) under this sink's rule id, or under `code` when given. */
  add(severity: Severity, message: string, from: number, to: number, code = this.code): void {
    this.addRange(severity, message, this.text.rangeOf(from, to), code);
  }

  /** Report a document range directly. */
  addRange(severity: Severity, message: string, range: OffsetRange, code = this.code): void {
    this.findings.push({ code, severity, message, start: range.start, end: range.end });
  }

  /** The document range of the whole record (for "tag X is missing"). */
  wholeRecord(): OffsetRange {
    return this.text.rangeOf(0, this.text.value.length);
  }
}

/** Split one record's strings into tags. */
export function parseTagList(strings: readonly CharString[], options: TagListOptions): ParsedTagList {
  const text = new JoinedText(strings);
  const sink = new FindingSink(text, options.code);
  const tags: MailTag[] = [];
  const seen = new Set<string>();
  const s = text.value;
  let position = 0;
  let segStart = 0;
  while (segStart <= s.length) {
    let segEnd = s.indexOf(';', segStart);
    if (segEnd < 0) segEnd = s.length;
    const tag = parseTagSpec(text, segStart, segEnd, position, options, sink);
    if (tag !== 'empty') position++;
    if (tag && tag !== 'empty') {
      const key = options.caseInsensitiveNames ? tag.name.toLowerCase() : tag.name;
      if (seen.has(key)) {
        tag.duplicate = true;
        sink.add('error', `The tag \`${tag.name}\` appears more than once in this ${options.recordName}; keep only one (a tag list with a repeated tag is invalid, RFC 6376 §3.2).`, tag.nameIndex, tag.nameIndex + tag.name.length);
      }
      seen.add(key);
      tags.push(tag);
    }
    segStart = segEnd + 1;
  }
  return { text, tags, findings: sink.findings };
}

/**
 * Parse the tag-spec in joined range [from, to). Returns 'empty' for a blank spec, null when the
 * spec is unusable (already reported), or the tag.
 */
function parseTagSpec(
  text: JoinedText,
  from: number,
  to: number,
  position: number,
  options: TagListOptions,
  sink: FindingSink,
): MailTag | 'empty' | null {
  const s = text.value;
  let a = from;
  while (a < to && isTagSpace(s[a])) a++;
  let b = to;
  while (b > a && isTagSpace(s[b - 1])) b--;
  if (a === b) {
    // A blank spec after the final `;` is the allowed trailing separator; anywhere else it means `;;`.
    if (to < s.length) {
      sink.add('warning', 'Empty tag between two `;`; remove the extra `;`.', to, to + 1);
    }
    return 'empty';
  }
  const eq = s.indexOf('=', a);
  if (eq < 0 || eq >= b) {
    sink.add('error', `\`${s.slice(a, b)}\` is not a tag: expected \`name=value\`.`, a, b);
    return null;
  }
  let nameEnd = eq;
  while (nameEnd > a && isTagSpace(s[nameEnd - 1])) nameEnd--;
  if (nameEnd === a) {
    sink.add('error', 'Missing tag name before `=`.', eq, eq + 1);
    return null;
  }
  const name = s.slice(a, nameEnd);
  const pattern = options.namePattern ?? RFC6376_NAME;
  if (!pattern.test(name)) {
    const rule = options.nameRule ?? RFC6376_NAME_RULE;
    sink.add('error', `\`${name}\` is not a valid tag name: a name is ${rule}.`, a, nameEnd);
    return null;
  }
  // b is past the last non-space character and eq < b, so the value is [first non-space after `=`, b).
  let valueIndex = eq + 1;
  while (valueIndex < b && isTagSpace(s[valueIndex])) valueIndex++;
  if (valueIndex >= b) valueIndex = eq + 1;
  const value = s.slice(valueIndex, Math.max(valueIndex, b));
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!isValChar(code) && !isTagSpace(value[i])) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      sink.add('error', `Character U+${hex} is not allowed in a tag value: only printable ASCII and spaces are.`, valueIndex + i, valueIndex + i + 1);
      break;
    }
  }
  const valueStop = valueIndex + value.length;
  return {
    name,
    value,
    nameRange: text.rangeOf(a, nameEnd),
    valueRange: value.length ? text.rangeOf(valueIndex, valueStop) : emptyAt(text, eq + 1),
    range: text.rangeOf(a, value.length ? valueStop : eq + 1),
    nameIndex: a,
    equalsIndex: eq,
    valueIndex,
    position,
    duplicate: false,
  };
}

/** Zero-width document range at joined index `index`. */
function emptyAt(text: JoinedText, index: number): OffsetRange {
  const at = text.offsetAt(index);
  return { start: at, end: at };
}

/** First (non-duplicate) tag named `name`; `caseInsensitive` for DMARC-style names. */
export function findTag(tags: readonly MailTag[], name: string, caseInsensitive = false): MailTag | undefined {
  const want = caseInsensitive ? name.toLowerCase() : name;
  return tags.find((t) => !t.duplicate && (caseInsensitive ? t.name.toLowerCase() : t.name) === want);
}

/** One element of a separated value list, as joined-text indices (whitespace trimmed). */
export interface ListItem {
  value: string;
  /** Joined index of the first character (for an empty item: where it would be). */
  index: number;
  /** Joined index just past the last character. */
  end: number;
}

/** Split a tag value on `separator`, trimming the whitespace around each element. */
export function splitTagValue(tag: MailTag, separator: string): ListItem[] {
  const items: ListItem[] = [];
  const v = tag.value;
  let start = 0;
  for (;;) {
    let stop = v.indexOf(separator, start);
    if (stop < 0) stop = v.length;
    let a = start;
    while (a < stop && isTagSpace(v[a])) a++;
    let b = stop;
    while (b > a && isTagSpace(v[b - 1])) b--;
    items.push({ value: v.slice(a, b), index: tag.valueIndex + a, end: tag.valueIndex + b });
    if (stop === v.length) break;
    start = stop + separator.length;
  }
  return items;
}

/**
 * Joined range to underline for a list item: the item itself, or for an empty item the
 * separator next to it (so the diagnostic is visible).
 */
export function itemSpan(tag: MailTag, item: ListItem): [number, number] {
  if (item.end > item.index) return [item.index, item.end];
  const valueEnd = tag.valueIndex + tag.value.length;
  if (item.index < valueEnd) return [item.index, item.index + 1];
  if (item.index > tag.valueIndex) return [item.index - 1, item.index];
  return [tag.nameIndex, tag.valueIndex];
}

/** Report, under `sink`'s code, a whitespace around `=` (for grammars that forbid it: RFC 8460/8461). */
export function reportSpacesAroundEquals(tags: readonly MailTag[], sink: FindingSink, spec: string): void {
  for (const tag of tags) {
    const nameEnd = tag.nameIndex + tag.name.length;
    const spaceBefore = nameEnd < tag.equalsIndex;
    const spaceAfter = tag.value.length > 0 && tag.valueIndex > tag.equalsIndex + 1;
    if (spaceBefore || spaceAfter) {
      const from = spaceBefore ? nameEnd : tag.equalsIndex + 1;
      const to = spaceAfter ? tag.valueIndex : tag.equalsIndex;
      sink.add('error', `${spec} allows no spaces around \`=\`; write \`${tag.name}=${tag.value}\`.`, from, to);
    }
  }
}
