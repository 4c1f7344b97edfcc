import type { Database, Statement } from 'better-sqlite3';
import { distanceKm } from '../../shared/geo';
import type { Region } from '../../shared/sync/protocol';
import { compare } from '../../shared/sync/digest';

/** Stores within this distance are "nearby"; and always at least `AT_LEAST_NEARBY` of the closest. */
export const NEARBY_KM = 80;
export const AT_LEAST_NEARBY = 3;
const MAX_NEARBY = 100; // the protocol's bound on a region

interface Site {
  id: number;
  code: string;
  kind: 'store' | 'warehouse';
  lat: number;
  lon: number;
}

/** The locations query, prepared once per connection (the HTTP layer asks for a region on every request). */
const siteQueries = new WeakMap<Database, Statement>();

/** A region with the location ids behind its codes. */
export interface ResolvedRegion {
  region: Region;
  /** Location code → id, for every location of the region. */
  ids: Map<string, number>;
}

/**
 * A store's region from the locations HQ holds: the store, the stores within `NEARBY_KM` (at least the
 * `AT_LEAST_NEARBY` nearest), nearest first, and the chain's warehouse (the nearest, if there are
 * several). The same rule as the demo generator's `regionFor`; ties in distance go by code. Null for a
 * code that is not a store.
 */
export function regionOf(db: Database, storeCode: string): ResolvedRegion | null {
  let statement = siteQueries.get(db);
  if (!statement) siteQueries.set(db, (statement = db.prepare('SELECT id, code, kind, lat, lon FROM locations')));
  const sites = statement.all() as Site[];
  const home = sites.find((site) => site.code === storeCode && site.kind === 'store');
  if (!home) return null;
  const byDistance = (kind: Site['kind']) =>
    sites
      .filter((site) => site.kind === kind && site.id !== home.id)
      .map((site) => ({ site, km: distanceKm(home, site) }))
      .sort((a, b) => a.km - b.km || compare(a.site.code, b.site.code));
  const nearby = byDistance('store')
    .filter((other, index) => other.km <= NEARBY_KM || index < AT_LEAST_NEARBY)
    .slice(0, MAX_NEARBY)
    .map((other) => other.site);
  const warehouse = byDistance('warehouse')[0]?.site ?? null;
  const members = [home, ...nearby, ...(warehouse ? [warehouse] : [])];
  return {
    region: { home: home.code, nearby: nearby.map((site) => site.code), warehouse: warehouse?.code ?? null },
    ids: new Map(members.map((site) => [site.code, site.id])),
  };
}

/** The codes of a region's locations. */
export function regionCodes(region: Region): string[] {
  return [region.home, ...region.nearby, ...(region.warehouse ? [region.warehouse] : [])];
}
