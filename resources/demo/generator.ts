import { layout, productAt } from './catalog';
import { relatedOf } from './related';
import { stockOf } from './stock';
import { DEMO_HOME_STORE, chainLocations, regionFor } from './stores';
import type { DemoChain, DemoScale } from './types';
import { CATEGORIES, COLOURS } from './words';

/**
 * NORRVIK, the demo fashion chain: stores, catalogue, stock and "goes with" relations, generated from a
 * seed. Pure TypeScript (no Node built-ins) so the kiosk core, the HQ service and tests can all use it.
 *
 * Every product is derived from `(seed, its index)` alone, so `products()`, `stock()` and `related()`
 * stream in independent passes: at full scale (100k products, ~1M variants, ~16M stock rows) nothing is
 * held in memory but the row being yielded.
 */
export type { DemoChain, DemoProduct, DemoRelatedRow, DemoScale, DemoStockRow, DemoVariant } from './types';
export { DEMO_HOME_STORE, ONLINE_WAREHOUSE, demoRegionCodes, distanceKm, regionFor, type DemoLocation, type DemoRegion, type Hours } from './stores';
export { CATEGORIES, COLOURS, LANGS, type CategoryId, type DemoCategory, type DemoColour, type Lang } from './words';
export { isValidEan13 } from './gtin';
export { mediaPath } from './catalog';
export { mediaSvg, productSvg } from './images';

export const DEMO_SEED = 20_261_122;
/** Stock timestamps count back from here unless the caller gives its own clock (2026-11-01, UTC). */
export const DEMO_EPOCH = Date.UTC(2026, 10, 1);
const PRODUCTS: Record<DemoScale, number> = { demo: 600, full: 100_000 };

export function demoChain(options: { scale: DemoScale; seed?: number; now?: number }): DemoChain {
  const { scale } = options;
  const seed = options.seed ?? DEMO_SEED;
  const now = options.now ?? DEMO_EPOCH;
  const chain = layout(seed, PRODUCTS[scale]);
  const locations = chainLocations(scale);

  return {
    scale,
    seed,
    productCount: chain.productCount,
    locations,
    categories: CATEGORIES.slice(),
    colours: COLOURS.slice(),
    *products() {
      for (let index = 0; index < chain.productCount; index++) yield productAt(chain, index);
    },
    *stock(onlyAt) {
      const wanted = onlyAt ? new Set(onlyAt) : null;
      const included = locations.map((location) => !wanted || wanted.has(location.code));
      for (let index = 0; index < chain.productCount; index++) yield* stockOf(chain, index, locations, included, now);
    },
    *related() {
      for (let index = 0; index < chain.productCount; index++) yield* relatedOf(chain, index);
    },
    region: (home = DEMO_HOME_STORE) => regionFor(locations, home),
  };
}
