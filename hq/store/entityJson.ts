import type { Category, Colour, Location, Offer, Product, Settings } from '../../shared/sync/entities';

/**
 * The JSON an entity is stored, logged and served as. Values come from the shared zod schemas, which
 * build their output in schema order, so equal values print equal — except records keyed by the input
 * (a product's images by colour), which are put in key order here. Comparing these strings is then a
 * deep-equality test, without parsing what is stored.
 */
export function productJson(product: Product): string {
  const images: Product['images'] = {};
  for (const colour of Object.keys(product.images).sort()) images[colour] = product.images[colour] ?? [];
  return JSON.stringify({ ...product, images });
}

export function entityJson(entity: Location | Category | Colour | Offer | Settings): string {
  return JSON.stringify(entity);
}
