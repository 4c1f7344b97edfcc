import type { ProductCard, ProductDetail } from '../../../../shared/api/catalog';

/** The card fields of a product page's answer (what `catalog.product` adds is left behind). */
export function cardOf(detail: ProductDetail): ProductCard {
  const { styleCode, name, brand, category, price, rating, image, colourImages, colours, status } = detail;
  return { styleCode, name, brand, category, price, rating, image, colourImages, colours, status };
}

/**
 * The picture a card shows: with a colour filter on, the first chosen colour the product has a picture
 * of (filtered by "green", a shirt shows green); otherwise, or with none of them, the product's own.
 */
export function cardImage(card: ProductCard, colours: readonly string[]): string | null {
  for (const colour of colours) {
    const image = card.colourImages[colour];
    if (image) return image;
  }
  return card.image;
}

/**
 * The same list with fresh cards swapped in where their style code sits: same order, same length, and
 * untouched cards are the very same objects, so nothing on screen moves but what changed.
 */
export function patchCards(items: readonly ProductCard[], fresh: ReadonlyMap<string, ProductCard>): ProductCard[] {
  return items.map((item) => fresh.get(item.styleCode) ?? item);
}
