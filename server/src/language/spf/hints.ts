import type { SpfHints, SpfTerm } from './types';

/**
 * Collects the facts semantic rules ask about (RFC 7208 §5.1, §5.5, §6.1, §7.2). Only terms
 * that parsed as what they claim to be are considered, so one typo does not cascade.
 */
export function computeHints(terms: readonly SpfTerm[]): SpfHints {
  const hints: SpfHints = { termsAfterAll: [], redirectWithAll: false, ptrTerms: [], pMacroTerms: [] };
  for (const term of terms) {
    if (term.macros.some((m) => m.letter === 'p')) hints.pMacroTerms.push(term);
    if (term.kind === 'modifier') {
      if (term.name === 'redirect' && !hints.redirect) hints.redirect = term;
      if (term.name === 'exp' && !hints.exp) hints.exp = term;
      continue;
    }
    if (term.kind !== 'mechanism') continue;
    if (hints.all) hints.termsAfterAll.push(term);
    if (term.name === 'all' && !hints.all) {
      hints.all = term;
      if (term.qualifier === '+' || term.qualifier === '?') hints.permissiveAll = term;
    }
    if (term.name === 'ptr') hints.ptrTerms.push(term);
  }
  hints.redirectWithAll = hints.all !== undefined && hints.redirect !== undefined;
  return hints;
}
