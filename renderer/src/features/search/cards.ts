import type { ProductCard, ProductDetail } from '../../../../shared/api/catalog';

/** The card fields of a product page's answer (what `catalog.product` adds is left behind). */
export function cardOf(detail: ProductDetail): ProductCard {
  const { styleCode, name, brand, category, price, rating, image, colours, status } = detail;
  return { styleCode, name, brand, category, price, rating, image, colours, status };
}

/**
 * The same list with fresh cards swapped in where their style code sits: same order, same length, and
 * untouched cards are the very same objects, so nothing on screen moves but what changed.
 */
export function patchCards(items: readonly ProductCard[], fresh: ReadonlyMap<string, ProductCard>): ProductCard[] {
  return items.map((item) => fresh.get(item.styleCode) ?? item);
}
