/**
 * What rules derive from a zone and keep for the other rules (the SPF parses, the mail records,
 * the MX list): a WeakMap keyed by the zone, so it goes with the zone. Made through `zoneCache`
 * so that `releaseDerivedData` can drop them all while the zone stays: the language server does
 * that when a large zone's validation is complete, since until the next version only a quick-fix
 * asks again (and then builds what it needs anew). On 100 000 records that is about a third of
 * the server's heap.
 */
import type { Zone } from './zone';

const caches: WeakMap<Zone, unknown>[] = [];

/** A cache of data derived from a zone; releaseDerivedData empties it for a zone. */
export function zoneCache<T>(): WeakMap<Zone, T> {
  const cache = new WeakMap<Zone, T>();
  caches.push(cache);
  return cache;
}

/** Drop everything the rules derived from `zone`; it is derived again when asked for. */
export function releaseDerivedData(zone: Zone): void {
  for (const cache of caches) cache.delete(zone);
}

/** Whether any rule cache holds data derived from `zone`. */
export function hasDerivedData(zone: Zone): boolean {
  return caches.some((cache) => cache.has(zone));
}
