/**
 * txt-string-too-long: a character-string over 255 octets (RFC 1035 §3.3). The parser reports it
 * and keeps the record, so SPF and DKIM rules still read it; the fix splits the string into
 * strings of at most 255 octets, which TXT consumers join with no separator (RFC 7208 §3.3,
 * RFC 6376 §3.6.2.2), so the meaning is unchanged.
 */
import type { Fix, Rule } from '../rule';
import { charStringToOctets, decodeCharString, formatCharString, isCharStringError, octetsToCharString } from '../../rrtypes/charStrings';

const LIMIT = 255;

export const txtStringTooLong: Rule = {
  id: 'txt-string-too-long',
  defaultSeverity: 'error',
  summary: 'A TXT character-string longer than 255 octets: split it into several quoted strings.',
  stage: 'syntax',
  fixes(diagnostic, zone): Fix[] {
    const text = zone.files[diagnostic.file]?.text;
    if (text === undefined) return [];
    const source = text.slice(diagnostic.start, diagnostic.end);
    const quoted = source.startsWith('"') && source.endsWith('"') && source.length >= 2;
    const decoded = decodeCharString({ text: quoted ? source.slice(1, -1) : source, start: diagnostic.start, end: diagnostic.end, quoted });
    if (isCharStringError(decoded)) return [];
    const chunks = splitOctets(charStringToOctets(decoded.charString.value));
    if (chunks.length < 2) return [];
    return [{ title: `Split into ${chunks.length} strings of at most ${LIMIT} octets`, edits: [{ start: diagnostic.start, end: diagnostic.end, newText: chunks.map(presentation).join(' '), file: diagnostic.file }], isPreferred: true }];
  },
};

/** Chunks of at most 255 octets that do not cut a UTF-8 sequence in two. */
function splitOctets(octets: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  while (from < octets.length) {
    let to = Math.min(octets.length, from + LIMIT);
    while (to < octets.length && to > from + 1 && (octets[to] & 0xc0) === 0x80) to--;
    out.push(octets.subarray(from, to));
    from = to;
  }
  return out;
}

/** One chunk in presentation form, escaped as the record types write strings. */
function presentation(octets: Uint8Array): string {
  return formatCharString(octetsToCharString(octets, { start: 0, end: 0 }).value);
}
