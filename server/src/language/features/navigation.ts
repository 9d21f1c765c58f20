/**
 * Go to definition (from a target name to the records of that name, in this zone or another
 * open zone) and find references (every owner, rdata field and SPF term naming a name).
 */
import type { Zone } from '../model/zone';
import type { ZoneRecord } from '../model/types';
import type { Workspace } from '../workspace/workspace';
import { isNameField, nameAt, spfTermName } from './nameAt';
import { spfOf } from './hoverText';
import { txtStrings } from './locate';
import type { FeatureLocation } from './types';

/** Types an SPF term looks up at its domain: the records a definition should land on first. */
const SPF_TERM_TYPES: Record<string, readonly string[]> = {
  include: ['TXT'],
  redirect: ['TXT'],
  a: ['A', 'AAAA'],
  mx: ['MX'],
  exists: ['A'],
};

/** This zone first (under `selfUri`, reported as undefined), then every other zone of the workspace. */
function zonesOf(zone: Zone, workspace: Workspace | undefined, selfUri: string | undefined): [string | undefined, Zone][] {
  const out: [string | undefined, Zone][] = [[undefined, zone]];
  if (workspace) for (const [uri, z] of workspace.entries()) if (uri !== selfUri && z !== zone) out.push([uri, z]);
  return out;
}

function recordLocation(uri: string | undefined, r: ZoneRecord): FeatureLocation {
  return { uri, file: r.file, start: r.start, end: r.end };
}

export function definitionAt(zone: Zone, offset: number, workspace?: Workspace, selfUri?: string): FeatureLocation[] {
  const at = nameAt(zone, offset);
  if (!at || at.role === 'owner') return [];
  const preferred = at.term ? SPF_TERM_TYPES[at.term.name] : undefined;
  const out: FeatureLocation[] = [];
  for (const [uri, z] of zonesOf(zone, workspace, selfUri)) {
    const all = z.at(at.name).filter((r) => !r.generated);
    const wanted = preferred ? all.filter((r) => preferred.includes(r.type)) : [];
    for (const r of wanted.length > 0 ? wanted : all) out.push(recordLocation(uri, r));
  }
  return out;
}

/** A place naming a name, and how: as an owner, in a name-valued rdata field, or as an SPF domain. */
export interface Reference extends FeatureLocation {
  role: 'owner' | 'field' | 'spf';
}

/** Every place that names `name`: owners (when asked), name-valued rdata fields and SPF domains. */
export function referencesTo(name: string, zone: Zone, workspace: Workspace | undefined, selfUri: string | undefined, includeOwners: boolean): Reference[] {
  const out: Reference[] = [];
  for (const [uri, z] of zonesOf(zone, workspace, selfUri)) {
    for (const r of z.records) {
      // Generated records carry the directive's range, not one of their own.
      if (r.generated) continue;
      if (includeOwners && r.owner === name && r.ownerStart >= 0) out.push({ uri, file: r.file, start: r.ownerStart, end: r.ownerEnd, role: 'owner' });
      for (const f of r.rdata) {
        if (f.value === name && !r.generic && isNameField(r.type, f.name)) out.push({ uri, file: r.file, start: f.start, end: f.end, role: 'field' });
      }
      const strings = txtStrings(r);
      const spf = strings && spfOf(strings);
      if (!spf) continue;
      for (const term of spf.terms) {
        if (spfTermName(term) === name) out.push({ uri, file: r.file, start: term.domainSpecRange!.start, end: term.domainSpecRange!.end, role: 'spf' });
      }
    }
  }
  return out;
}

export function referencesAt(zone: Zone, offset: number, workspace?: Workspace, selfUri?: string, includeDeclaration = true): FeatureLocation[] {
  const at = nameAt(zone, offset);
  return at ? referencesTo(at.name, zone, workspace, selfUri, includeDeclaration).map(({ uri, file, start, end }) => ({ uri, file, start, end })) : [];
}
