/**
 * DNS lookup accounting (RFC 7208 §4.6.4): include, a, mx, ptr, exists and redirect each
 * cost one query towards the limit of 10 per check_host() evaluation; all, ip4, ip6 and exp
 * do not. (mx and ptr additionally resolve up to 10 names each; that limit is separate.)
 */
import type { OffsetRange } from '../text/finding';
import type { SpfRecord, SpfTerm } from './types';

/** Maximum number of lookup-causing terms in one SPF evaluation, includes and redirects counted recursively. */
export const SPF_LOOKUP_LIMIT = 10;

export type SpfLookupMechanism = 'include' | 'a' | 'mx' | 'ptr' | 'exists' | 'redirect';

export interface SpfLookupTerm {
  term: SpfTerm;
  termIndex: number;
  name: SpfLookupMechanism;
  range: OffsetRange;
  /** The domain-spec that is queried; undefined when a, mx or ptr use the domain being checked. */
  target?: string;
  targetRange?: OffsetRange;
  /** True when the target contains macros, so its value is known only at evaluation time. */
  targetHasMacros: boolean;
  /** True for a `redirect=` that is ignored because the record has an `all` mechanism (§6.1). */
  ignored: boolean;
}

const LOOKUP_MECHANISMS: ReadonlySet<string> = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

/** The terms of `record` that query DNS, in record order. */
export function spfLookupTerms(record: SpfRecord): SpfLookupTerm[] {
  const result: SpfLookupTerm[] = [];
  record.terms.forEach((term, termIndex) => {
    const isLookup =
      (term.kind === 'mechanism' && LOOKUP_MECHANISMS.has(term.name)) || (term.kind === 'modifier' && term.name === 'redirect');
    if (!isLookup) return;
    const lookup: SpfLookupTerm = {
      term,
      termIndex,
      name: term.name as SpfLookupMechanism,
      range: term.range,
      targetHasMacros: term.macros.some((m) => m.letter !== undefined),
      ignored: term.name === 'redirect' && record.hints.all !== undefined,
    };
    if (term.domainSpec !== undefined) lookup.target = term.domainSpec;
    if (term.domainSpecRange !== undefined) lookup.targetRange = term.domainSpecRange;
    result.push(lookup);
  });
  return result;
}

/** Number of lookups this record itself costs (ignored redirects excluded, includes not followed). */
export function spfLookupCount(record: SpfRecord): number {
  return spfLookupTerms(record).filter((l) => !l.ignored).length;
}
