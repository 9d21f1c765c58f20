/**
 * Where an SPF term sends the evaluator: the name it queries (its domain-spec, or the record's
 * own domain for a bare `a`, `mx` or `ptr`, RFC 7208 §5.3, §5.4, §5.5) and the SPF record found
 * there for `include` and `redirect` (RFC 7208 §5.2, §6.1).
 */
import type { Zone } from '../../model/zone';
import { spfLookupTerms, type SpfLookupTerm } from '../../spf';
import type { Workspace } from '../../workspace/workspace';
import { query } from './resolve';
import { spfTargetName, zoneSpf, type SpfEntry } from './records';

export type SpfAnswer =
  /** SPF records receivers accept (more than one is a permerror, spf-multiple-records). */
  | { kind: 'found'; name: string; zone: Zone; entries: SpfEntry[] }
  /** No SPF record: `joinedBadly` lists records meant as SPF that receivers ignore. */
  | { kind: 'none'; name: string; zone: Zone; exists: boolean; txtCount: number; joinedBadly: SpfEntry[] }
  | { kind: 'unknown' };

/** The SPF records a TXT query for `name` finds in the workspace. */
export function spfFor(zone: Zone, workspace: Workspace, name: string): SpfAnswer {
  const a = query(zone, workspace, name, ['TXT']);
  if (a.kind === 'unknown') return a;
  if (a.kind === 'nxdomain') return { kind: 'none', name: a.name, zone: a.zone, exists: false, txtCount: 0, joinedBadly: [] };
  const found = zoneSpf(a.zone);
  const entries = a.records.map((r) => found.byRecord.get(r)).filter((e): e is SpfEntry => e !== undefined);
  const accepted = entries.filter((e) => e.verdict === 'spf');
  if (accepted.length > 0) return { kind: 'found', name: a.name, zone: a.zone, entries: accepted };
  return { kind: 'none', name: a.name, zone: a.zone, exists: true, txtCount: a.records.length, joinedBadly: entries };
}

/**
 * The canonical name a lookup term queries, or undefined when it is only known at evaluation
 * time (macros) or cannot be a name. `a`, `mx` and `ptr` without a domain-spec use the domain
 * being checked, which is the record's owner (also when reached through include or redirect).
 */
export function lookupTarget(entry: SpfEntry, lookup: SpfLookupTerm): string | undefined {
  if (lookup.targetHasMacros) return undefined;
  if (lookup.target === undefined) return lookup.name === 'a' || lookup.name === 'mx' || lookup.name === 'ptr' ? entry.record.owner : undefined;
  return spfTargetName(lookup.target);
}

/** The lookup terms of an entry that an evaluation reaches (ignored redirects left out). */
export function activeLookups(entry: SpfEntry): SpfLookupTerm[] {
  let list = active.get(entry);
  if (!list) active.set(entry, (list = spfLookupTerms(entry.spf).filter((l) => !l.ignored && l.term.valid)));
  return list;
}

// Six workspace rules ask for the lookups of every SPF record: worked out once per record (the
// lists are shared, callers must not modify them).
const active = new WeakMap<SpfEntry, SpfLookupTerm[]>();
