import type { AvailabilityOutput, ProductCard, ProductDetail } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';

export interface ProductPageData {
  detail: ProductDetail | null;
  /** Where each variant is; null until read (the sizes then say "Ask staff" rather than guess). */
  availability: AvailabilityOutput | null;
  related: ProductCard[];
}

/** Product pages a session moves between (back from a related product, from the stores screen). */
const KEEP = 24;
const pages = new Map<string, ProductPageData>();

/**
 * The last pages read, so going back to a product paints at once instead of flashing a skeleton; the
 * page re-reads itself right away, so nothing shown from here is older than a moment. Catalog data only:
 * nothing of the shopper is kept.
 */
export function rememberedPage(styleCode: string, language: Language): ProductPageData | undefined {
  return pages.get(`${language}:${styleCode}`);
}

export function rememberPage(styleCode: string, language: Language, data: ProductPageData): void {
  if (data.detail?.styleCode !== styleCode) return;
  keepRecent(pages, `${language}:${styleCode}`, data, KEEP);
}

/** Sets `key` as the most recent entry of `map` and drops the least recent beyond `keep`. */
function keepRecent<V>(map: Map<string, V>, key: string, value: V, keep: number): void {
  map.delete(key);
  map.set(key, value);
  // A Map iterates in insertion order: the first keys are the least recently used.
  for (const old of map.keys()) {
    if (map.size <= keep) break;
    map.delete(old);
  }
}

/** Cards just tapped, by style code: a few, as a shopper opens one product at a time. */
const OPENED_KEEP = 4;
const opened = new Map<string, ProductCard>();

/**
 * The card the shopper tapped to open a product: the page paints its name, price, rating, colours and
 * first picture from it in the tap's own frame, and the rest as the product's answer arrives (a moment
 * later). The card was on screen in the session's language a moment ago; the answer replaces it anyway.
 */
export function rememberOpenedCard(card: ProductCard): void {
  keepRecent(opened, card.styleCode, card, OPENED_KEEP);
}

export function openedCard(styleCode: string): ProductCard | undefined {
  return opened.get(styleCode);
}

/**
 * A card as the product page's first answer: what the page can show before the product's own answer
 * (each colour's first picture, no sizes, no description yet).
 */
export function detailFromCard(card: ProductCard): ProductDetail {
  const images: Record<string, string[]> = {};
  for (const colour of card.colours) {
    const first = card.colourImages[colour.code];
    if (first) images[colour.code] = [first];
  }
  return { ...card, description: '', images, sizes: [], variants: [] };
}
