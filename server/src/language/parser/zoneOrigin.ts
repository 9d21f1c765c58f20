/**
 * The origin a parse starts from (the caller's, made canonical) and the one a zone ends up with
 * when none was given: the first `$ORIGIN`, else the SOA owner. Shared by the whole and the
 * incremental parse.
 */
import { parseName } from '../rrtypes/names';
import type { Directive, ZoneRecord } from '../model/types';

/** The canonical form of an origin given in ParseOptions, or null. */
export function canonicalOrigin(origin: string | undefined): string | null {
  if (!origin) return null;
  const r = parseName(origin.endsWith('.') ? origin : origin + '.', null);
  return r.error ? null : r.name;
}

/** Without a given origin, the zone's origin is the first `$ORIGIN`, else the SOA owner. */
export function firstOrigin(state: { directives: Directive[]; records: ZoneRecord[] }): string | null {
  const d = state.directives.find((x) => x.name === '$ORIGIN' && x.file === 0);
  if (d && d.args[0]) {
    const r = parseName(d.args[0].text, null);
    if (!r.error && r.absolute) return r.name;
  }
  const soa = state.records.find((r) => r.type === 'SOA');
  return soa ? soa.owner : null;
}
