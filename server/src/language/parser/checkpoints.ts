/**
 * Parse checkpoints: the parser's inheritance state (origin, TTLs, last owner, class) at the start
 * of every CHECKPOINT_ENTRIES-th entry of the document, with how many records, directives and
 * diagnostics came before it. An edit can then be parsed again from the checkpoint before it up
 * to a checkpoint after it whose state it reproduces, instead of from the top (incremental.ts).
 * About 1 000 checkpoints on a 100 000-record zone: a few tens of kilobytes.
 */
import type { LexResult } from './lexer';
import { lineStartOf } from '../text/lineBreaks';

export const CHECKPOINT_ENTRIES = 96;

/** What a record inherits from the entries before it (see ParserState). */
export interface InheritedState {
  origin: string | null;
  defaultTtl: number | null;
  defaultTtlFromSoa: boolean;
  lastTtl: number | null;
  lastOwner: string | null;
  zoneClass: string | null;
}

export interface ParseCheckpoint extends InheritedState {
  /** Start of the line where the entry begins (the character before it is a line break, or none). */
  offset: number;
  /** Counts of the document's records, directives and diagnostics before the entry. */
  records: number;
  directives: number;
  diagnostics: number;
}

export function sameInheritedState(a: InheritedState, b: InheritedState): boolean {
  return a.origin === b.origin && a.defaultTtl === b.defaultTtl && a.defaultTtlFromSoa === b.defaultTtlFromSoa && a.lastTtl === b.lastTtl && a.lastOwner === b.lastOwner && a.zoneClass === b.zoneClass;
}

export function copyInheritedState(to: InheritedState, from: InheritedState): void {
  to.origin = from.origin;
  to.defaultTtl = from.defaultTtl;
  to.defaultTtlFromSoa = from.defaultTtlFromSoa;
  to.lastTtl = from.lastTtl;
  to.lastOwner = from.lastOwner;
  to.zoneClass = from.zoneClass;
}

/**
 * The checkpoint before entry `e` of `lx` (-1: at the start of the text), given the state and the
 * output counts at that point.
 */
export function checkpointAt(lx: LexResult, e: number, state: InheritedState, records: number, directives: number, diagnostics: number): ParseCheckpoint {
  return {
    offset: e < 0 ? 0 : lineStartOf(lx.text, lx.tokStart[lx.entryFirst[e]]),
    records,
    directives,
    diagnostics,
    origin: state.origin,
    defaultTtl: state.defaultTtl,
    defaultTtlFromSoa: state.defaultTtlFromSoa,
    lastTtl: state.lastTtl,
    lastOwner: state.lastOwner,
    zoneClass: state.zoneClass,
  };
}
