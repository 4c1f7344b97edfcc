import type { Location } from '../../../shared/sync/entities';
import type { Db } from '../db/open';

/** This store's opening hours from the cache (seven days, Monday first); null when the cache does not have the store. */
export function storeHours(cache: Db, storeCode: string): Location['openingHours'] | null {
  const json = cache.prepare('SELECT opening_hours FROM locations WHERE code = ?').pluck().get(storeCode) as string | undefined;
  if (json === undefined) return null;
  try {
    const hours = JSON.parse(json) as unknown;
    return Array.isArray(hours) && hours.length === 7 ? (hours as Location['openingHours']) : null;
  } catch {
    return null;
  }
}
