import { Settings } from '../../../shared/sync/entities';
import type { Db } from '../db/open';
import { META } from '../sync/apply';

/**
 * The chain settings orders need (shipping, delivery, holds, returns, the confirmation reset), as HQ last
 * published them into the cache. A pillar without HQ — the built-in demo chain — uses `defaultSettings`:
 * the policy of a Swedish fashion chain, the values the reference HQ publishes for the demo (hq/demo.ts),
 * so the demo behaves the same with HQ or without. The defaults know no public holidays: those come from
 * HQ (`delivery.holidays` per country).
 */
export function defaultSettings(now: number): Settings {
  const year = new Date(now).getUTCFullYear();
  return {
    shipping: { freeWhenMissingInStore: true, feeMinor: 4_900, freeAboveMinor: 49_900, currency: 'SEK', byCountry: {} },
    delivery: {
      warehouseLeadDays: 1,
      cutoff: '15:00',
      carrierDays: { min: 1, max: 3 },
      // December, this year and next: the carriers' busiest month.
      peaks: [year, year + 1].map((y) => ({ from: `${y}-12-01`, to: `${y}-12-31`, extraDays: 2 })),
      holidays: {},
    },
    holds: { hours: 48 },
    returns: { days: 30, free: true, inStore: true, byPost: true },
    checkout: { confirmationResetSeconds: 60 },
    staff: { accounts: [], idleSeconds: 120 },
  };
}

/** Where the settings came from. */
export type SettingsSource = 'hq' | 'default' | 'unreadable';

/**
 * The settings in the cache's meta, checked against the contract; the defaults when the cache has none
 * (never synced from HQ). A cached value that no longer parses (a newer HQ's shape) also falls back,
 * marked `unreadable` so the caller can say so, rather than taking orders on half-understood rules.
 */
export function readSettings(cache: Db, now: number): { settings: Settings; source: SettingsSource } {
  const row = cache.prepare('SELECT value FROM meta WHERE key = ?').get(META.settings) as { value: string } | undefined;
  if (!row) return { settings: defaultSettings(now), source: 'default' };
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch {
    return { settings: defaultSettings(now), source: 'unreadable' };
  }
  const parsed = Settings.safeParse(json);
  return parsed.success ? { settings: parsed.data, source: 'hq' } : { settings: defaultSettings(now), source: 'unreadable' };
}

export interface ShippingPolicy {
  freeWhenMissingInStore: boolean;
  feeMinor: number;
  freeAboveMinor: number | null;
  currency: string;
}

/** The shipping policy for a store's country: its `byCountry` entry when HQ set one, else the chain's. */
export function shippingFor(settings: Settings, country: string): ShippingPolicy {
  const { feeMinor, freeAboveMinor, currency } = settings.shipping.byCountry[country] ?? settings.shipping;
  return { freeWhenMissingInStore: settings.shipping.freeWhenMissingInStore, feeMinor, freeAboveMinor, currency };
}
