/**
 * Our verdict on a zone, in the terms of verdicts.ts: the syntax-stage diagnostics the parser
 * reports, plus the zone-level conditions BIND refuses a zone for. Those are rules in our design
 * (integrity checks on the model); they are computed here from the model with BIND's exact
 * semantics, so the differential test measures the parser and the model, not rule severities.
 */
import type { Zone } from '../../server/src/language/model/zone';
import type { ZoneRecord } from '../../server/src/language/model/types';
import { TtlSource } from '../../server/src/language/model/types';
import { isSubdomain, parentName } from '../../server/src/language/rrtypes/names';
import { toWireRecord, type WireRecord } from './ourRecords';
import { asciiLower, toHex } from './rawFormat';

/** Parser codes that make a zone unloadable when reported as errors (see verdicts.ts). */
export const SYNTAX_STAGE_CODES: ReadonlySet<string> = new Set([
  'syntax-error',
  'unknown-type',
  'unknown-directive',
  'directive-syntax',
  'rdata-invalid',
  'name-invalid',
  'include-failed',
  'generate-invalid',
  'class-mismatch',
  'ttl-range',
  'txt-string-too-long',
  'internal-error',
]);

export interface OurFinding {
  id: string;
  kind: 'syntax' | 'zone';
  file: number;
  start: number;
  end: number;
  message: string;
}

/** Types BIND allows beside a CNAME (its ATCNAME attribute: DNSSEC data about the CNAME itself). */
const AT_CNAME = new Set(['RRSIG', 'NSEC', 'KEY', 'SIG', 'NXT']);
const SINGLETONS = new Set(['SOA', 'CNAME', 'DNAME']);

/** Everything that makes us refuse the zone. Empty means we accept it. */
export function ourFindings(zone: Zone): OurFinding[] {
  const out: OurFinding[] = [];
  for (const d of zone.parseDiagnostics) {
    if (d.severity === 'error' && SYNTAX_STAGE_CODES.has(d.code)) out.push({ id: d.code, kind: 'syntax', file: d.file, start: d.start, end: d.end, message: d.message });
  }
  return out.concat(zoneLevelFindings(zone));
}

/** BIND's zone-level refusals, computed on the records that are in the zone (BIND drops the rest). */
export function zoneLevelFindings(zone: Zone): OurFinding[] {
  const out: OurFinding[] = [];
  const origin = zone.origin;
  const at = (r: ZoneRecord, id: string, message: string): void => {
    out.push({ id, kind: 'zone', file: r.file, start: r.start, end: r.end, message });
  };
  if (origin === null) {
    out.push({ id: 'soa-missing', kind: 'zone', file: 0, start: 0, end: 0, message: 'no origin known' });
    return out;
  }
  const inZone = zone.records.filter((r) => r.valid && isSubdomain(r.owner, origin));
  const byName = new Map<string, ZoneRecord[]>();
  for (const r of inZone) {
    const list = byName.get(r.owner);
    if (list) list.push(r);
    else byName.set(r.owner, [r]);
  }
  for (const r of inZone) {
    if (r.ttlSource === TtlSource.None) at(r, 'ttl-missing', 'no TTL: no $TTL, no earlier TTL and no SOA before this record');
    if (r.type === 'SOA' && r.owner !== origin) at(r, 'soa-not-at-apex', 'SOA below the apex');
    if (r.type === 'DS' && r.owner === origin) at(r, 'ds-at-apex', 'DS at the apex');
    if (r.type === 'NS' && r.owner.startsWith('*.')) at(r, 'ns-wildcard-owner', 'NS with a wildcard owner');
  }
  for (const [name, list] of byName) {
    const types = new Set(list.map((r) => r.type));
    if (types.has('CNAME') && [...types].some((t) => t !== 'CNAME' && !AT_CNAME.has(t))) {
      at(list.find((r) => r.type === 'CNAME')!, 'cname-and-other-data', `${name} has a CNAME and other data`);
    }
    for (const t of SINGLETONS) {
      const distinct = new Set(list.filter((r) => r.type === t).map((r) => rdataKey(zone, r)));
      if (distinct.size > 1) at(list.find((r) => r.type === t)!, 'singleton-multiple', `${name} has ${distinct.size} different ${t} records`);
    }
  }
  const apex = byName.get(origin) ?? [];
  if (!apex.some((r) => r.type === 'SOA')) out.push({ id: 'soa-missing', kind: 'zone', file: 0, start: 0, end: 0, message: 'no SOA at the apex' });
  const apexNs = apex.filter((r) => r.type === 'NS');
  if (apexNs.length === 0) out.push({ id: 'ns-missing', kind: 'zone', file: 0, start: 0, end: 0, message: 'no NS at the apex' });
  const cuts = new Set(inZone.filter((r) => r.type === 'NS' && r.owner !== origin).map((r) => r.owner));
  const dnames = new Set(inZone.filter((r) => r.type === 'DNAME').map((r) => r.owner));
  // BIND looks for A/AAAA glue only in class IN zones.
  for (const ns of apexNs.filter((r) => r.class === 'IN')) {
    const target = ns.rdata[0]?.value;
    if (typeof target !== 'string' || !isSubdomain(target, origin)) continue;
    const problem = nsTargetProblem(target, origin, byName, cuts, dnames);
    if (problem) at(ns, 'ns-target-unresolvable', `NS ${target} ${problem}`);
  }
  return out;
}

/**
 * Why BIND cannot find an address for an in-zone apex NS target (with -i local), or null.
 * Targets at or below a delegation are glue territory, which BIND only warns about.
 */
function nsTargetProblem(target: string, origin: string, byName: Map<string, ZoneRecord[]>, cuts: Set<string>, dnames: Set<string>): string | null {
  for (let n: string | null = target; n !== null && n !== origin; n = parentName(n)) {
    if (cuts.has(n)) return null;
    if (n !== target && dnames.has(n)) return `is below the DNAME at ${n}`;
  }
  const here = byName.get(target) ?? [];
  if (here.some((r) => r.type === 'A' || r.type === 'AAAA')) return null;
  if (here.some((r) => r.type === 'CNAME')) return 'is a CNAME';
  return 'has no address records';
}

/** Rdata identity as BIND sees it (wire bytes, names case-folded), for counting distinct records. */
function rdataKey(zone: Zone, r: ZoneRecord): string {
  const w: WireRecord | string = toWireRecord(zone, r);
  return typeof w === 'string' ? JSON.stringify(r.rdata) : toHex(w.hasNames ? asciiLower(w.rdata) : w.rdata);
}
