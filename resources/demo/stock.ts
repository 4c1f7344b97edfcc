import { type Layout, SALT, shapeOf, variantsOf } from './catalog';
import { mix, mulberry32 } from './random';
import type { DemoLocation } from './stores';
import type { DemoStockRow } from './types';

const SOLD_OUT_EVERYWHERE = 0.03;
const DAY = 86_400_000;

/**
 * Sparse stock for one product, variant by variant, location by location. A location first carries the
 * style or not (the flagship and the warehouse most often, popular styles a little more widely); then
 * it has each size or not — the first and last sizes less often, so the home store regularly lacks a
 * size that a nearby store or the warehouse has. About 3% of variants are sold out everywhere (a few more
 * simply happen to be nowhere in a small region).
 *
 * Every draw is made for every location even when `included` leaves some out, so a region's rows are
 * exactly the whole chain's rows at those locations.
 */
export function* stockOf(
  chain: Layout,
  index: number,
  locations: readonly DemoLocation[],
  included: readonly boolean[],
  now: number,
): Generator<DemoStockRow> {
  const shape = shapeOf(chain, index);
  const variants = variantsOf(shape);
  const rng = mulberry32(mix(chain.seed, index, SALT.stock));
  const reach = 0.8 + 0.2 * rng();
  const carried = locations.map((location) => rng() < location.assortment * reach);
  const sizeCount = shape.sizes.length;

  for (let v = 0; v < variants.length; v++) {
    const sku = (variants[v] as (typeof variants)[number]).sku;
    const soldOut = rng() < SOLD_OUT_EVERYWHERE;
    const sizeIndex = v % sizeCount;
    const edgeSize = sizeCount > 2 && (sizeIndex === 0 || sizeIndex === sizeCount - 1);
    for (let l = 0; l < locations.length; l++) {
      const location = locations[l] as DemoLocation;
      const warehouse = location.kind === 'warehouse';
      const has = rng() < (warehouse ? 0.92 : edgeSize ? 0.55 : 0.8);
      const quantityDraw = rng();
      const ageDraw = rng();
      if (soldOut || !has || !carried[l] || !included[l]) continue;
      // Exponential quantities: stores mostly 1–5, rarely over 12; the warehouse a few more.
      const quantity = warehouse
        ? Math.min(60, 1 + Math.floor(-Math.log(1 - quantityDraw) * 8))
        : Math.min(15, 1 + Math.floor(-Math.log(1 - quantityDraw) * 2.6));
      yield { sku, locationCode: location.code, quantity, changedAt: now - Math.floor(ageDraw * 14 * DAY) };
    }
  }
}
