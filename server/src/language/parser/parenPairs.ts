/**
 * The lexer's parenthesis pairs (`LexResult.parens`, `ParseResult.parens`): the offsets of each
 * `(` and its `)`, -1 for a `)` never written, in document order and never nested. Questions
 * about them are answered by binary search, not by a walk over every pair: a signed zone has one
 * pair per RRSIG.
 */

/** How many pairs open before `offset`: the index of the first pair whose `(` is at or after it. */
export function pairsOpenedBefore(parens: readonly number[], offset: number): number {
  let lo = 0;
  let hi = parens.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parens[2 * mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
