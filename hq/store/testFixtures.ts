import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Category, Colour, Location, Product } from '../../shared/sync/entities';
import { openSqliteStore } from './sqliteStore';
import type { HqStore } from './store';

/**
 * A small chain for the store's tests: three stores in Stockholm and one in Uppsala (one region), two far
 * away (Göteborg, Malmö) and a warehouse in Jönköping.
 */
const HOURS: Location['openingHours'] = [['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '20:00'], ['10:00', '18:00'], null];

export function location(code: string, lat: number, lon: number, kind: Location['kind'] = 'store'): Location {
  return { code, kind, name: `Store ${code}`, address: 'Storgatan 1', postalCode: '111 11', city: 'Stockholm', country: 'SE', lat, lon, timeZone: 'Europe/Stockholm', phone: '+46 8 465 004 00', openingHours: HOURS };
}

export const HOME = 'sto-city';
export const LOCATIONS: Location[] = [
  location(HOME, 59.3336, 18.0632),
  location('sto-south', 59.3153, 18.0724),
  location('sto-north', 59.3703, 18.0046),
  location('upp', 59.859, 17.6447),
  location('got', 57.7089, 11.969),
  location('mmo', 55.6036, 13.0007),
  location('wh', 57.7318, 14.1163, 'warehouse'),
];
export const REGION = { home: HOME, nearby: ['sto-south', 'sto-north', 'upp'], warehouse: 'wh' };

export const CATEGORIES: Category[] = [{ id: 'tops', sort: 1, names: { en: 'Tops', sv: 'Toppar' } }];
export const COLOURS: Colour[] = [
  { code: 'black', hex: '#111111', names: { en: 'Black' } },
  { code: 'navy', hex: '#223355', names: { en: 'Navy' } },
];

/** A product with `variants` sizes in black: SKUs `<style>-<n>`, GTINs unique per (style number, n). */
export function product(styleNumber: number, variants = 2, overrides: Partial<Product> = {}): Product {
  const styleCode = `ST-${styleNumber}`;
  return {
    styleCode,
    brand: 'NORRVIK',
    categoryId: 'tops',
    priceMinor: 29_900,
    currency: 'SEK',
    ratingAvg: 4.2,
    ratingCount: 10,
    popularity: 5,
    images: { black: [`demo/tops-${styleNumber}-black.svg`] },
    texts: { en: { name: `Tee ${styleNumber}`, description: 'A tee.' } },
    variants: Array.from({ length: variants }, (_, n) => ({ sku: `${styleCode}-${n}`, gtin: String(7_350_000_000_000 + styleNumber * 1000 + n), colourCode: 'black', size: `S${n}`, sizeSort: n })),
    related: [],
    ...overrides,
  };
}

export interface TestStore {
  store: HqStore;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** A store in a fresh temp folder, optionally with the small chain's locations, category and colours published. */
export async function tempStore(options: { chain?: boolean } = {}): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pillar-hq-'));
  const store = await openSqliteStore({ dataDir });
  if (options.chain !== false) await store.publishCatalog({ locations: LOCATIONS, categories: CATEGORIES, colours: COLOURS });
  return {
    store,
    dataDir,
    async cleanup() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
