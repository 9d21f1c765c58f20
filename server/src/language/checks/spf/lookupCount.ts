/**
 * Counting the DNS lookups of a whole SPF evaluation (RFC 7208 §4.6.4): the record's own
 * lookup terms plus, recursively, those of the records its `include:` and `redirect=` terms
 * reach inside the workspace. A target outside the workspace (or written with macros) costs
 * the one lookup of the term itself, since what it adds cannot be known offline. Every lookup
 * term is counted, also those after `all`: receivers that check limits while parsing (as RFC
 * 7208 §4.6 allows) count them, and any sender that does not match earlier reaches them.
 */
import type { Zone } from '../../model/zone';
import { spfLookupTerms, type SpfLookupTerm } from '../../spf';
import type { Workspace } from '../../workspace/workspace';
import { spfTargetName, type SpfEntry } from './records';
import { spfFor, type SpfAnswer } from './targets';

export interface SubTally {
  /** Lookups of the evaluation, the record's own terms included. */
  total: number;
  /** Names of include/redirect targets outside the workspace, one per occurrence. */
  outside: string[];
  /** include/redirect terms whose target has macros. */
  macroTargets: number;
  /** The chain was deeper than MAX_DEPTH and counting stopped there: the total is a lower bound. */
  truncated: boolean;
}

export interface LookupTally extends SubTally {
  /** Lookups of the record's own terms. */
  own: number;
  /** For each followed include/redirect of the record: lookups made inside its target. */
  nested: { lookup: SpfLookupTerm; target: string; count: number }[];
}

/**
 * Nesting is followed this deep. Every level costs at least the lookup of its include, so a
 * deeper chain is far over the limit of 10 whatever lies below; stopping keeps the work linear.
 */
const MAX_DEPTH = 32;

export class LookupCounter {
  /** Totals by the name an SPF record was found at, for names whose total does not depend on the path. */
  private readonly memo = new Map<string, SubTally>();
  /** SPF answers by target name: many records include the same few names. */
  private readonly answers = new Map<string, SpfAnswer>();

  constructor(
    private readonly zone: Zone,
    private readonly workspace: Workspace,
  ) {}

  /** The tally of an evaluation that starts at `entry`. */
  tally(entry: SpfEntry): LookupTally {
    const lookups = countedLookups(entry);
    const result: LookupTally = { ...emptyTally(), total: lookups.length, own: lookups.length, nested: [] };
    // The names on the current include path, with their depth: a target among them is a loop.
    // Made when there is something to follow (most records have no include or redirect).
    let path: Map<string, number> | undefined;
    for (const lookup of lookups) {
      if (lookup.name !== 'include' && lookup.name !== 'redirect') continue;
      path ??= new Map([[entry.record.owner, 0]]);
      const inner = this.follow(lookup, path);
      if (!inner) continue;
      add(result, inner.sub);
      if (inner.target) result.nested.push({ lookup, target: inner.target, count: inner.sub.total });
    }
    return result;
  }

  /** What following an include/redirect adds (undefined for other terms); `low` is the shallowest loop target met. */
  private follow(lookup: SpfLookupTerm, path: Map<string, number>): { sub: SubTally; target?: string; low: number } | undefined {
    if (lookup.name !== 'include' && lookup.name !== 'redirect') return undefined;
    const none = Number.POSITIVE_INFINITY;
    if (lookup.targetHasMacros) return { sub: { ...emptyTally(), macroTargets: 1 }, low: none };
    const name = lookup.target === undefined ? undefined : spfTargetName(lookup.target);
    if (name === undefined) return { sub: emptyTally(), low: none };
    let answer = this.answers.get(name);
    if (!answer) this.answers.set(name, (answer = spfFor(this.zone, this.workspace, name)));
    if (answer.kind === 'unknown') return { sub: { ...emptyTally(), outside: [name] }, low: none };
    // No record there: a permerror that spf-include-target-missing reports.
    if (answer.kind === 'none') return { sub: emptyTally(), target: answer.name, low: none };
    // Back on the path: a loop that spf-include-loop reports; counted once.
    const onPath = path.get(answer.name);
    if (onPath !== undefined) return { sub: emptyTally(), target: answer.name, low: onPath };
    // Too deep: counted as far as here, and the same from every path (so it may be memoised).
    if (path.size >= MAX_DEPTH) return { sub: { ...emptyTally(), truncated: true }, target: answer.name, low: none };
    const inner = this.subtally(answer.name, answer.entries[0], path);
    return { sub: inner.sub, target: answer.name, low: inner.low };
  }

  private subtally(name: string, entry: SpfEntry, path: Map<string, number>): { sub: SubTally; low: number } {
    const known = this.memo.get(name);
    if (known) return { sub: known, low: Number.POSITIVE_INFINITY };
    const depth = path.size;
    const sub: SubTally = emptyTally();
    const lookups = countedLookups(entry);
    sub.total = lookups.length;
    let low = Number.POSITIVE_INFINITY;
    path.set(name, depth);
    for (const lookup of lookups) {
      const inner = this.follow(lookup, path);
      if (!inner) continue;
      add(sub, inner.sub);
      low = Math.min(low, inner.low);
    }
    path.delete(name);
    // A total cut short by a loop through a name above this one depends on the path taken.
    if (low >= depth) this.memo.set(name, sub);
    return { sub, low };
  }
}

function emptyTally(): SubTally {
  return { total: 0, outside: [], macroTargets: 0, truncated: false };
}

function add(into: SubTally, sub: SubTally): void {
  into.total += sub.total;
  into.outside.push(...sub.outside);
  into.macroTargets += sub.macroTargets;
  into.truncated ||= sub.truncated;
}

/** The terms that cost a lookup: all lookup terms but a `redirect=` that `all` makes ignored. */
export function countedLookups(entry: SpfEntry): SpfLookupTerm[] {
  let list = counted.get(entry);
  if (!list) counted.set(entry, (list = spfLookupTerms(entry.spf).filter((l) => !l.ignored)));
  return list;
}

// Asked for each record and again for each include target reached: worked out once per record
// (the lists are shared, callers must not modify them).
const counted = new WeakMap<SpfEntry, SpfLookupTerm[]>();
