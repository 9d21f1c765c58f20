/**
 * Test helpers: lay out character-strings as a zone-file line of quoted strings, with the
 * escapes a zone file would need, so parser ranges can be checked against real document text.
 */
import type { CharString } from '../../server/src/language/text/charString';
import type { OffsetRange } from '../../server/src/language/text/finding';
import { parseSpf } from '../../server/src/language/spf/parse';
import type { SpfRecord } from '../../server/src/language/spf/types';

export interface TxtDoc {
  /** The document text, e.g. `@ IN TXT "v=spf1 " "mx -all"`. */
  text: string;
  strings: CharString[];
}

const PREFIX = '@ IN TXT ';

/** Encodes one decoded character the way a zone file would write it inside quotes. */
function encodeChar(ch: string): string {
  if (ch === '"' || ch === '\\') return '\\' + ch;
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0xff)) return '\\' + String(code).padStart(3, '0');
  return ch;
}

/** Builds the document for a TXT record whose strings decode to `values`. */
export function txtDoc(values: readonly string[]): TxtDoc {
  let text = PREFIX;
  const strings: CharString[] = [];
  values.forEach((value, index) => {
    if (index > 0) text += ' ';
    text += '"';
    const start = text.length;
    const offsets: number[] = [];
    let escaped = false;
    for (const ch of value) {
      // Characters outside the BMP take two UTF-16 units; keep the map per unit.
      for (let k = 0; k < ch.length; k++) offsets.push(text.length + k);
      const encoded = ch.length === 1 ? encodeChar(ch) : ch;
      if (encoded !== ch) escaped = true;
      text += encoded;
    }
    const end = text.length;
    offsets.push(end);
    text += '"';
    const s: CharString = { value, start, end, quoted: true };
    if (escaped) s.map = Int32Array.from(offsets);
    strings.push(s);
  });
  return { text, strings };
}

/** Parses the record made of `values`; returns the document too. */
export function parseValues(values: readonly string[]): { doc: TxtDoc; record: SpfRecord } {
  const doc = txtDoc(values);
  return { doc, record: parseSpf(doc.strings) };
}

/** Parses a record written as one string, or several separated by '|'. */
export function parse(record: string): { doc: TxtDoc; record: SpfRecord } {
  return parseValues(record.split('|'));
}

/** The document text covered by `range`. */
export function slice(doc: TxtDoc, range: OffsetRange): string {
  return doc.text.slice(range.start, range.end);
}
