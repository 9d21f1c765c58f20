/**
 * Several zones at once: the editor's open documents and the zone files of the workspace
 * folders, or the files given to the CLI. Cross-zone rules (reverse DNS, SPF includes) ask
 * here which zone is authoritative for a name.
 */
import type { Zone } from '../model/zone';
import { isSubdomain } from '../rrtypes/names';
import type { ZoneRecord } from '../model/types';

export class Workspace {
  private readonly zones = new Map<string, Zone>();

  set(uri: string, zone: Zone): void {
    this.zones.set(uri, zone);
  }

  delete(uri: string): void {
    this.zones.delete(uri);
  }

  get(uri: string): Zone | undefined {
    return this.zones.get(uri);
  }

  entries(): IterableIterator<[string, Zone]> {
    return this.zones.entries();
  }

  get size(): number {
    return this.zones.size;
  }

  /** The zone (and its uri) whose origin is the closest enclosing one of `name`. */
  zoneFor(name: string): { uri: string; zone: Zone } | undefined {
    let best: { uri: string; zone: Zone } | undefined;
    for (const [uri, zone] of this.zones) {
      if (zone.origin && isSubdomain(name, zone.origin) && (!best || zone.origin.length > best.zone.origin!.length)) best = { uri, zone };
    }
    return best;
  }

  /** Records at `name` from the authoritative zone in the workspace; undefined when no zone covers it. */
  lookup(name: string, type?: string): ZoneRecord[] | undefined {
    const z = this.zoneFor(name);
    if (!z) return undefined;
    return z.zone.at(name, type);
  }
}

/** A workspace that holds just one zone. */
export function singleZoneWorkspace(uri: string, zone: Zone): Workspace {
  const w = new Workspace();
  w.set(uri, zone);
  return w;
}
