/**
 * The parenthesis groups around a record of the document, for the fixes that delete or insert
 * whole record lines: a record written over several lines ends at its `)`, and after a `(` that
 * is never closed the lexer's recovery depends on the lines that follow.
 */
import type { Zone } from '../../model/zone';
import { zoneCache } from '../../model/derivedData';
import { pairsOpenedBefore } from '../../parser/parenPairs';

/**
 * The document's parenthesis groups (see parser/parenPairs.ts) that overlap [start, end): opened
 * before `end` and not closed before `start`. Fixes ask for every record they touch.
 */
export function parenGroupsOverlapping(zone: Zone, start: number, end: number): [number, number][] {
  const parens = zone.parse.parens;
  const pairs = parens.length / 2;
  const first = pairsOpenedBefore(parens, start);
  const out: [number, number][] = [];
  // The pair opened last before start, if it is still open there.
  if (first > 0) {
    const close = parens[2 * first - 1];
    if (close < 0 || close >= start) out.push([parens[2 * first - 2], close]);
  }
  for (let k = first; k < pairs && parens[2 * k] < end; k++) out.push([parens[2 * k], parens[2 * k + 1]]);
  return out;
}

const firstUnclosed = zoneCache<number>();

/** Whether a `(` that is never closed comes before `offset` in the document. */
export function unclosedParenBefore(zone: Zone, offset: number): boolean {
  let first = firstUnclosed.get(zone);
  if (first === undefined) {
    const parens = zone.parse.parens;
    first = Infinity;
    for (let i = 0; i < parens.length; i += 2) {
      if (parens[i + 1] < 0) {
        first = parens[i];
        break;
      }
    }
    firstUnclosed.set(zone, first);
  }
  return first < offset;
}
