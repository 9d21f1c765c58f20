/**
 * Deleting a record's lines in a quick-fix (duplicate-record, spf-rr-type, the spf-multiple-records
 * merge) without changing the meaning of the records around it: owner, TTL and class
 * inheritance, parentheses, comments that run past a lone CR, the line break of a last line.
 */
import type { Zone } from '../../model/zone';
import { TtlSource, type ZoneRecord } from '../../model/types';
import type { TextEdit } from '../rule';
import { codeLineStart, findLineStart, lineStartOf, type CommentRanges } from '../../text/lineBreaks';
import { parenGroupsOverlapping, unclosedParenBefore } from './parenGroups';
import { firstAfter, recordOrder } from './recordIndex';

/** Offset of the line break that ends the line holding `offset`, or text.length on the last line. */
function lineEndAt(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}

/** Occurrences of `c` in text[0, end). */
function count(text: string, c: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0 && i < end; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/**
 * Whether text[from, to) is the rest of one line: blanks, closing parentheses, a comment (which
 * runs on past a lone CR to the next LF, as the lexer reads it), one line break.
 */
function restOfLine(text: string, from: number, to: number): boolean {
  return /^(\r\n|\r|\n)$/.test(text.slice(from, to).replace(/;[^\n;]*/g, '').replace(/[ \t)]/g, ''));
}

/**
 * Whether the line before the one starting at `lineStart` is (or may be) a directive (`$ORIGIN`,
 * `$TTL`, ...). That line is read as the lexer reads it (fixed: a comment on it that runs past a
 * lone CR made the rest of the comment look like the line). `comments` are known for the document
 * only: in an included file, a line after a lone CR may be such a rest, so the answer is yes.
 */
function directiveBefore(text: string, lineStart: number, comments: CommentRanges | null): boolean {
  let prevEnd = lineStart - 1;
  if (prevEnd > 0 && text.charCodeAt(prevEnd) === 0x0a && text.charCodeAt(prevEnd - 1) === 0x0d) prevEnd--;
  let start = lineStartOf(text, prevEnd);
  if (start > 0 && text.charCodeAt(start - 1) === 0x0d) {
    if (!comments) return true;
    start = codeLineStart(text, comments, prevEnd);
  }
  return text.slice(start, prevEnd).trimStart().startsWith('$');
}

/**
 * Whether deleting `r` would change the zone's class: the first record sets it (BIND: the class
 * of the SOA); the records written without a class take it and those written with another are
 * refused (class-mismatch). Without `r`, the next record would set it.
 */
function setsZoneClass(zone: Zone, r: ZoneRecord): boolean {
  if (zone.records[0] !== r || zone.records.length < 2) return false;
  const next = zone.records[1];
  return (next.classStart >= 0 ? next.class : 'IN') !== r.class;
}

/**
 * An edit that deletes the record's lines, or null when that is not safe: the record is
 * generated, shares a line with something else, or its removal would change another record
 * (a following line that inherits this owner, TTLs inherited RFC 1035 style, or the class).
 */
export function deleteRecordEdit(zone: Zone, r: ZoneRecord): TextEdit | null {
  if (r.generated) return null;
  if (setsZoneClass(zone, r)) return null;
  const text = zone.files[r.file]?.text;
  if (text === undefined) return null;
  const from = lineStartOf(text, r.start);
  if (text.slice(from, r.start).trim() !== '') return null;
  // After a `(` that is never closed, the lexer's recovery depends on the lines that follow:
  // deleting one can pull the next record into the broken group (found by the fix fuzzer).
  if (r.file === 0 ? unclosedParenBefore(zone, r.start) : count(text, '(', r.start) !== count(text, ')', r.start)) return null;
  // A record written over several lines in parentheses ends at its `)`, which may follow r.end.
  let last = r.end;
  if (r.file === 0) {
    for (const [open, close] of parenGroupsOverlapping(zone, r.start, r.end)) {
      // A group opened on an earlier line (a line that is only "("): those lines are not the record's alone.
      if (open < r.start) return null;
      if (close < 0) return null;
      last = Math.max(last, close + 1);
    }
  } else if (text.slice(r.start, r.end).includes('(')) {
    return null; // parenthesis pairs are known for the document only
  }
  let to = lineEndAt(text, last);
  const comment = text.slice(last, to).indexOf(';');
  // A comment runs to the next LF, past a lone CR, as in BIND (see the lexer): delete all of it.
  if (comment >= 0 && to < text.length && text.charCodeAt(to) === 0x0d && !text.startsWith('\r\n', to)) {
    const lf = text.indexOf('\n', to);
    to = lf < 0 ? text.length : lf;
  }
  const beforeComment = comment >= 0 ? text.slice(last, last + comment) : text.slice(last, to);
  if (beforeComment.replace(/[\s)]/g, '') !== '') return null;
  const order = recordOrder(zone);
  if (r.ttlSource === TtlSource.Explicit && order.previousTtls > 0) return null;
  // Without a $TTL, the SOA's minimum is the default TTL of the records after it (as in BIND).
  if (r.type === 'SOA' && order.soaMinimumTtls - (r.ttlSource === TtlSource.SoaMinimum ? 1 : 0) > 0) return null;
  const sameFile = order.byFile.get(r.file) ?? [];
  const i = order.position.get(r) ?? -1;
  if (i < 0) return null;
  // $GENERATE records in between do not set the owner a blank-owner line inherits.
  const next = firstAfter(sameFile, i, (x) => !x.generated);
  const prev = i > 0 ? sameFile[i - 1] : undefined;
  // Once this line is gone, a following blank-owner line inherits from the line before: safe only
  // when that is a record of the same owner on the line right before (a line that did not parse,
  // and so is not in zone.records, still sets the owner). Right before, so that deleting that
  // record too, in the same round of fixes, touches this edit and waits for the next round.
  const end = to === text.length ? to : text.startsWith('\r\n', to) ? to + 2 : to + 1;
  // Lines that did not parse are not in zone.records but take the owner all the same, also past
  // a line whose own owner did not parse (it sets none): any blank-owner line before the next
  // record that writes its owner counts.
  const nextOwned = firstAfter(sameFile, i, (x) => !x.generated && x.ownerStart >= 0);
  const inheritsNext = (next !== undefined && next.ownerStart < 0) || blankOwnerLineBetween(text, r.file === 0 ? zone.parse : null, end, nextOwned ? nextOwned.start : text.length);
  if (r.ownerStart >= 0 && inheritsNext && !(prev && !prev.generated && prev.owner === r.owner && restOfLine(text, prev.end, from))) return null;
  // On the last line without a line break, take the break before it instead, unless the line
  // before is a directive (BIND refuses a directive on a last line without a line break) or that
  // break cannot go without changing the line before (breakBefore).
  const before = to === text.length && !directiveBefore(text, from, r.file === 0 ? zone.parse : null) ? breakBefore(text, from) : -1;
  return { start: before >= 0 ? before : from, end, newText: '', file: r.file };
}

/** Whether a line starting in [from, to) is an entry with a blank owner (lines as the lexer reads them). */
function blankOwnerLineBetween(text: string, comments: CommentRanges | null, from: number, to: number): boolean {
  return findLineStart(text, comments, from, to, (lineStart) => startsBlankOwnerLine(text, lineStart)) >= 0;
}

/** Whether the line at `lineStart` is an entry with a blank owner: blank space, then something other than a comment. */
function startsBlankOwnerLine(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i === lineStart || i >= text.length) return false;
  const c = text[i];
  return c !== ';' && c !== '\n' && c !== '\r';
}

/**
 * Start of the line break that ends just before `lineStart` (a CRLF whole: fixed, only its LF
 * was taken, leaving the CR), or -1 when there is none or deleting it would change the line it
 * ends: after an odd run of backslashes, the CR of a CRLF is an escaped character of the last
 * word (lexer.ts, as in BIND), and would become a lone CR, a line break, once the LF is gone;
 * with the CRLF gone, the backslash would escape nothing.
 */
function breakBefore(text: string, lineStart: number): number {
  if (lineStart === 0) return -1;
  let start = lineStart - 1;
  if (text.charCodeAt(start) === 0x0a && start > 0 && text.charCodeAt(start - 1) === 0x0d) start--;
  let backslashes = 0;
  for (let i = start - 1; i >= 0 && text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 1 ? -1 : start;
}
