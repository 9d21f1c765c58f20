/**
 * Incremental parsing: after an edit, parse again only the stretch of the document between the
 * checkpoint before the change and a checkpoint after it (checkpoints.ts), and keep the records,
 * directives and diagnostics outside that stretch, moved by the change in length.
 *
 * The result must be exactly what a whole parse of the new text gives; test/parser/incremental
 * compares the two on random edits. Whenever that cannot be guaranteed cheaply the answer is
 * null and the caller parses the whole text: the document has `$INCLUDE`s (included records
 * depend on the state at the directive), the lexer reported an error (its recovery looks across
 * lines and its error counts are per document), or the state the stretch ends in differs from the
 * old one a few checkpoints on (a changed `$TTL` or `$ORIGIN` reaches every later record).
 *
 * The old result is consumed: the records after the stretch are moved in place (an edit must not
 * cost a copy of every record), so nothing may use the old result afterwards.
 */
import { ParserState, type ParseOptions, type ParseResult } from './parser';
import { firstOrigin } from './zoneOrigin';
import { copyInheritedState, sameInheritedState, type ParseCheckpoint } from './checkpoints';
import { shiftDiagnostic, shiftDirective, shiftRecord } from './shift';
import type { Directive, ZoneDiagnostic, ZoneRecord } from '../model/types';
import { commonPrefixLength, commonSuffixLength } from '../text/textDiff';

/** How many checkpoints past the change a stretch may grow to before the state must match again. */
const MAX_EXTRA_CHECKPOINTS = 3;

/** An incremental parse's result, and the stretch it parsed again. */
export interface Reparse {
  result: ParseResult;
  /**
   * The stretch parsed again: from `start` to `oldEnd` in the old text, to `newEnd` in the new;
   * `records` are the records parsed from it (the rest were moved or kept); `oldRecords` the
   * records it held before.
   */
  stretch: { start: number; oldEnd: number; newEnd: number; records: ZoneRecord[]; oldRecords: ZoneRecord[] };
}

export interface TextChange {
  /** Offset where old and new text first differ. */
  start: number;
  /** End of the changed part in the old text, and in the new text. */
  oldEnd: number;
  newEnd: number;
}

/** The smallest single change that turns `before` into `after`, or null if they are equal. */
export function diffTexts(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const start = commonPrefixLength(before, after);
  const suffix = commonSuffixLength(before, after, Math.min(before.length, after.length) - start);
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * Parse `text` again, reusing `old` (the parse of the previous text with the same options).
 * Null when only a whole parse gives the right answer (see above); `old` is then untouched.
 */
export function reparseZoneText(old: ParseResult, text: string, change: TextChange, options: ParseOptions): Reparse | null {
  if (old.lexErrors > 0 || old.files.length !== 1 || old.checkpoints.length === 0) return null;
  if (old.directives.some((d) => d.name === '$INCLUDE')) return null;
  const cps = old.checkpoints;
  const delta = change.newEnd - change.oldEnd;

  // The last checkpoint at or before the change: everything before it is the same text.
  let a = upperBound(cps, change.start) - 1;
  if (a < 0) return null;
  // The first checkpoint strictly after the changed part, so that the line break before it is unchanged.
  let b = upperBound(cps, change.oldEnd);

  const from = cps[a].offset;
  if (from > 0 && text.charCodeAt(from) === 0xfeff) return null; // the lexer skips a BOM only at 0
  const state = new ParserState(options);
  copyInheritedState(state, cps[a]);
  const records: ZoneRecord[] = [];
  const directives: Directive[] = [];
  const diagnostics: ZoneDiagnostic[] = [];
  const checkpoints: ParseCheckpoint[] = [];
  const comments: number[] = [];
  const parens: number[] = [];

  // Parse stretch by stretch: up to checkpoint b, then, while the state differs from b's, on to the next one.
  let segmentStart = from;
  for (let extra = 0; ; extra++) {
    const segmentEnd = b < cps.length ? cps[b].offset + delta : text.length;
    if (!parseSegment(state, text, segmentStart, segmentEnd, { records, directives, diagnostics, checkpoints, comments, parens })) return null;
    if (b >= cps.length || sameInheritedState(state, cps[b])) break;
    if (extra >= MAX_EXTRA_CHECKPOINTS) return null;
    segmentStart = segmentEnd;
    b++;
  }

  // Splice: the old parts before checkpoint a and from checkpoint b on, the latter moved by delta.
  const head = cps[a];
  const tail = b < cps.length ? cps[b] : null;
  const oldRecords = old.records.slice(head.records, tail ? tail.records : old.records.length);
  const tailFrom = tail ? tail.offset : Number.MAX_SAFE_INTEGER;
  const newRecords = spliceMoved(old.records, head.records, tail ? tail.records : old.records.length, records, (r) => shiftRecord(r, delta));
  const newDirectives = spliceMoved(old.directives, head.directives, tail ? tail.directives : old.directives.length, directives, (d) => shiftDirective(d, delta));
  const newDiagnostics = spliceMoved(old.diagnostics, head.diagnostics, tail ? tail.diagnostics : old.diagnostics.length, diagnostics, (d) => shiftDiagnostic(d, delta));
  const newCheckpoints = cps.slice(0, a);
  // The stretch's checkpoints count from the stretch's start: add what comes before it.
  for (const c of checkpoints) newCheckpoints.push({ ...c, records: c.records + head.records, directives: c.directives + head.directives, diagnostics: c.diagnostics + head.diagnostics });
  if (tail) {
    const dr = newRecords.length - old.records.length;
    const dd = newDirectives.length - old.directives.length;
    const dg = newDiagnostics.length - old.diagnostics.length;
    for (let k = b; k < cps.length; k++) {
      const c = cps[k];
      newCheckpoints.push({ ...c, offset: c.offset + delta, records: c.records + dr, directives: c.directives + dd, diagnostics: c.diagnostics + dg });
    }
  }
  const comm = splicePairs(old.comments, old.commentCount, from, tailFrom, comments, delta);
  const parenPairs = splicePairs(old.parens, old.parens.length / 2, from, tailFrom, parens, delta);
  const result: ParseResult = {
    origin: null,
    files: [{ name: old.files[0].name, text }],
    records: newRecords,
    directives: newDirectives,
    diagnostics: newDiagnostics,
    comments: Int32Array.from(comm),
    commentCount: comm.length / 2,
    parens: parenPairs,
    givenOrigin: old.givenOrigin,
    lexErrors: 0,
    checkpoints: newCheckpoints,
  };
  result.origin = result.givenOrigin ?? firstOrigin(result);
  return { result, stretch: { start: from, oldEnd: tailFrom === Number.MAX_SAFE_INTEGER ? old.files[0].text.length : tailFrom, newEnd: tail ? tail.offset + delta : text.length, records, oldRecords } };
}

interface Collected {
  records: ZoneRecord[];
  directives: Directive[];
  diagnostics: ZoneDiagnostic[];
  checkpoints: ParseCheckpoint[];
  comments: number[];
  parens: number[];
}

/**
 * Parse text[start, end) (whole lines) on from `state`, appending what it yields, moved to
 * document offsets. False when the stretch needs a whole parse (lexer errors, an include).
 */
function parseSegment(state: ParserState, text: string, start: number, end: number, out: Collected): boolean {
  // A copy, not a slice: V8 keeps a long substring as a view of the whole text, and every name
  // and string the records take from the stretch would then keep this version's whole document
  // alive for as long as they live (records are moved on into later versions): 4 MB per edit.
  const segment = detachedSlice(text, start, end);
  // A fresh state per stretch keeps offsets relative to it; only the inherited part carries over.
  const s = new ParserState(state.options);
  copyInheritedState(s, state);
  s.files.push({ name: state.options.fileName ?? '', text: segment });
  s.includeStack.push(state.options.fileName ?? '');
  s.checkpoints = [];
  let lx;
  try {
    lx = s.parseText(segment);
  } catch {
    return false;
  }
  if (lx.errors.length > 0 || s.files.length !== 1) return false;
  // A comment runs on past a lone CR to the next LF (lexer.ts): one that reaches the end of a
  // stretch ending in a lone CR would, in the whole text, run on into the lines after it.
  if (end < text.length && segment.charCodeAt(segment.length - 1) === 0x0d && lx.commentCount > 0 && lx.comments[2 * lx.commentCount - 1] >= segment.length - 1) return false;
  const base = start;
  for (const r of s.records) {
    shiftRecord(r, base);
    out.records.push(r);
  }
  for (const d of s.directives) {
    shiftDirective(d, base);
    out.directives.push(d);
  }
  for (const d of s.diagnostics) {
    shiftDiagnostic(d, base);
    out.diagnostics.push(d);
  }
  const r0 = out.records.length - s.records.length;
  const d0 = out.directives.length - s.directives.length;
  const g0 = out.diagnostics.length - s.diagnostics.length;
  for (const c of s.checkpoints) out.checkpoints.push({ ...c, offset: c.offset + base, records: c.records + r0, directives: c.directives + d0, diagnostics: c.diagnostics + g0 });
  for (let i = 0; i < 2 * lx.commentCount; i++) out.comments.push(lx.comments[i] + base);
  for (const p of lx.parens) out.parens.push(p < 0 ? p : p + base);
  copyInheritedState(state, s);
  return true;
}

/** text.slice(start, end) as a string of its own (see parseSegment). */
function detachedSlice(text: string, start: number, end: number): string {
  // Slicing a concatenation makes V8 flatten it into a new string first: the result is a view of
  // that fresh copy of the stretch (plus one character), not of the document.
  return (' ' + text.slice(start, end)).slice(1);
}

/** old[0, headEnd) + middle + old[tailStart, end) with `move` applied to the tail. */
function spliceMoved<T>(old: T[], headEnd: number, tailStart: number, middle: T[], move: (x: T) => void): T[] {
  const out = old.slice(0, headEnd);
  for (const x of middle) out.push(x);
  for (let i = tailStart; i < old.length; i++) {
    move(old[i]);
    out.push(old[i]);
  }
  return out;
}

/**
 * Pairs [start, end] (comments, parentheses) of the old result before `from` and from `tailFrom`
 * on (moved by delta), with the stretch's pairs between. Pairs are in document order.
 */
function splicePairs(old: ArrayLike<number>, count: number, from: number, tailFrom: number, middle: number[], delta: number): number[] {
  const out: number[] = [];
  let i = 0;
  for (; i < count && old[2 * i] < from; i++) out.push(old[2 * i], old[2 * i + 1]);
  for (const x of middle) out.push(x);
  for (; i < count && old[2 * i] < tailFrom; i++);
  for (; i < count; i++) out.push(old[2 * i] + delta, old[2 * i + 1] < 0 ? old[2 * i + 1] : old[2 * i + 1] + delta);
  return out;
}

/** Index of the first checkpoint whose offset is greater than `offset`. */
function upperBound(cps: ParseCheckpoint[], offset: number): number {
  let lo = 0;
  let hi = cps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cps[mid].offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
