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
  const key = `${language}:${styleCode}`;
  pages.delete(key);
  pages.set(key, data);
  // A Map iterates in insertion order: the first keys are the least recently used.
  for (const old of pages.keys()) {
    if (pages.size <= KEEP) break;
    pages.delete(old);
  }
}
