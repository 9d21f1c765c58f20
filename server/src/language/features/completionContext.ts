/**
 * Where the cursor is, for completion, read from the lexer's tokens of the text as it is being
 * typed (the record under the cursor usually does not parse yet): in a comment, in a quoted
 * string, at the start of a line, in the owner/TTL/class/type positions, or in rdata field k.
 */
import { TokenKind, type LexResult } from '../parser/lexer';
import type { Zone } from '../model/zone';
import { parseName } from '../rrtypes/names';
import { isClassToken } from './format/header';
import { lexOf, recordAt } from './locate';
import type { OffsetRange } from './types';
import { codeLineStart } from '../text/lineBreaks';

export type CompletionContext =
  | { kind: 'none' }
  /** Column 0: a directive (`$...`) or an owner name. */
  | { kind: 'line-start'; word: string; replace: OffsetRange }
  /** Where a TTL, class or type may stand. */
  | { kind: 'header'; word: string; replace: OffsetRange; hasTtl: boolean; hasClass: boolean }
  | { kind: 'rdata'; word: string; replace: OffsetRange; type: string; index: number; owner?: string }
  | { kind: 'directive-arg'; directive: string; index: number; word: string; replace: OffsetRange }
  /** Inside a quoted string of a record: `before` is the record's string content up to the cursor. */
  | { kind: 'string'; type: string; owner?: string; before: string; stringStart: number; offset: number };

function tokenBefore(lx: LexResult, offset: number): number {
  let lo = 0;
  let hi = lx.tokCount - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lx.tokStart[mid] < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function entryOf(lx: LexResult, tok: number): number {
  let lo = 0;
  let hi = lx.entryCount - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lx.entryFirst[mid] > tok) hi = mid - 1;
    else if (lx.entryLast[mid] <= tok) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function inComment(lx: LexResult, offset: number): boolean {
  for (let c = 0; c < lx.commentCount; c++) if (lx.comments[2 * c] < offset && offset <= lx.comments[2 * c + 1]) return true;
  return false;
}

function inParens(lx: LexResult, offset: number): boolean {
  for (let i = 0; i + 1 < lx.parens.length; i += 2) if (lx.parens[i] < offset && (lx.parens[i + 1] < 0 || lx.parens[i + 1] >= offset)) return true;
  return false;
}

function closedQuote(lx: LexResult, t: number): boolean {
  const s = lx.tokStart[t];
  const e = lx.tokEnd[t];
  if (e - s < 2 || lx.text.charCodeAt(e - 1) !== 0x22) return false;
  let n = 0;
  for (let i = e - 2; i > s && lx.text.charCodeAt(i) === 0x5c; i--) n++;
  return n % 2 === 0;
}

export function completionContext(zone: Zone, offset: number): CompletionContext {
  const lx = lexOf(zone);
  const text = zone.text;
  if (inComment(lx, offset)) return { kind: 'none' };
  const prev = tokenBefore(lx, offset);
  // The token the cursor is in or at the end of.
  const current = prev >= 0 && offset <= lx.tokEnd[prev] ? prev : -1;
  if (current >= 0 && lx.tokKind[current] === TokenKind.Quoted && offset === lx.tokEnd[current] && closedQuote(lx, current)) return { kind: 'none' };
  // Lines end at LF, CRLF or a lone CR, as the lexer reads them (fixed: LF only, so after a lone
  // CR the cursor seemed to be on the line before).
  const lineStart = codeLineStart(text, lx, offset);
  let entry = -1;
  if (current >= 0) entry = entryOf(lx, current);
  else if (prev >= 0 && (lx.tokStart[prev] >= lineStart || inParens(lx, offset))) entry = entryOf(lx, prev);
  const first = entry >= 0 ? lx.entryFirst[entry] : -1;
  const upTo = current >= 0 ? current : prev + 1;
  const before: number[] = [];
  for (let k = first; k >= 0 && k < upTo; k++) before.push(k);
  const word = current >= 0 ? text.slice(lx.tokStart[current], offset) : '';
  const replace = current >= 0 ? { start: lx.tokStart[current], end: lx.tokEnd[current] } : { start: offset, end: offset };
  const hasOwner = entry >= 0 ? lx.entryHasOwner[entry] === 1 : offset === lineStart;
  const t = (k: number): string => lx.tokenText(k);

  if (before.length === 0) {
    if (hasOwner) return { kind: 'line-start', word, replace };
    return { kind: 'header', word, replace, hasTtl: false, hasClass: false };
  }
  if (hasOwner && lx.tokKind[before[0]] === TokenKind.Word && text.charCodeAt(lx.tokStart[before[0]]) === 0x24) {
    return { kind: 'directive-arg', directive: t(before[0]).toUpperCase(), index: before.length - 1, word, replace };
  }
  let i = hasOwner ? 1 : 0;
  let hasTtl = false;
  let hasClass = false;
  for (let n = 0; n < 2 && i < before.length; n++) {
    const s = t(before[i]);
    const c0 = s.charCodeAt(0);
    if (!hasTtl && lx.tokKind[before[i]] === TokenKind.Word && c0 >= 0x30 && c0 <= 0x39) hasTtl = true;
    else if (!hasClass && isClassToken(s)) hasClass = true;
    else break;
    i++;
  }
  if (i >= before.length) return { kind: 'header', word, replace, hasTtl, hasClass };
  const type = t(before[i]).toUpperCase();
  const owner = ownerOf(zone, lx, entry, hasOwner);
  if (current >= 0 && lx.tokKind[current] === TokenKind.Quoted) {
    // The record's strings so far, joined as SPF and tag-list readers join them.
    let joined = '';
    for (const k of before.slice(i + 1)) if (lx.tokKind[k] === TokenKind.Quoted) joined += lx.tokenContent(k);
    const stringStart = lx.tokStart[current] + 1;
    return { kind: 'string', type, owner, before: joined + text.slice(stringStart, offset), stringStart, offset };
  }
  return { kind: 'rdata', word, replace, type, index: before.length - i - 1, owner };
}

/** The owner of the entry: the parsed record's, else the nearest owner written at or above it. */
function ownerOf(zone: Zone, lx: LexResult, entry: number, hasOwner: boolean): string | undefined {
  if (entry < 0) return undefined;
  const start = lx.tokStart[lx.entryFirst[entry]];
  const parsed = recordAt(zone, start);
  if (parsed && parsed.start === start) return parsed.owner;
  for (let e = entry; e >= 0; e--) {
    if (e !== entry || hasOwner) {
      if (lx.entryHasOwner[e] !== 1) continue;
      const first = lx.entryFirst[e];
      const written = lx.tokenText(first);
      if (written.startsWith('$')) continue;
      const r = parseName(written, zone.origin);
      return r.error ? undefined : r.name;
    }
  }
  return undefined;
}
