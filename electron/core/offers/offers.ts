import type { ActiveOffer } from '../../../shared/api/shopper';
import type { Language } from '../../../shared/languages';
import { Offer } from '../../../shared/sync/entities';
import type { Db } from '../db/open';
import { runningUntil, runsInStore } from './schedule';

/**
 * The offers in the cache (HQ publishes them; sync keeps them), id order. Each is checked again on the
 * way out: the cache holds what HQ sent, and a row this version cannot read is skipped rather than shown half.
 */
export function cachedOffers(db: Db): Offer[] {
  const rows = db.prepare('SELECT body FROM offers ORDER BY id').pluck().all() as string[];
  return rows.flatMap((body) => {
    const parsed = Offer.safeParse(JSON.parse(body));
    return parsed.success ? [parsed.data] : [];
  });
}

/** One cached offer, or null when HQ never published it, deleted it, or sent one this version cannot read. */
export function cachedOffer(db: Db, id: string): Offer | null {
  const body = db.prepare('SELECT body FROM offers WHERE id = ?').pluck().get(id) as string | undefined;
  if (body === undefined) return null;
  const parsed = Offer.safeParse(JSON.parse(body));
  return parsed.success ? parsed.data : null;
}

/** An offer's texts in the shopper's language, English when it has none in theirs. */
export function offerText(offer: Offer, lang: Language): { title: string; body: string; terms: string } {
  // The schema requires English, so the last fallback is never reached by an offer that parsed.
  return offer.texts[lang] ?? offer.texts.en ?? { title: offer.id, body: '', terms: '' };
}

/**
 * The offers running in this store now, ending soonest first; with `styleCode`, only those that apply to
 * that product (see `appliesTo`).
 */
export function activeOffers(db: Db, options: { storeCode: string; timeZone: string; lang: Language; styleCode?: string; now?: Date }): ActiveOffer[] {
  const now = options.now ?? new Date();
  const product = options.styleCode === undefined ? null : productCategories(db, options.styleCode);
  if (options.styleCode !== undefined && product === null) return [];
  const active: ActiveOffer[] = [];
  for (const offer of cachedOffers(db)) {
    if (!runsInStore(offer, options.storeCode)) continue;
    if (product && !appliesTo(offer, product)) continue;
    const endsAt = runningUntil(offer, options.timeZone, now);
    if (endsAt === null) continue;
    const text = offerText(offer, options.lang);
    active.push({
      id: offer.id,
      kind: offer.kind,
      title: text.title,
      body: text.body,
      terms: text.terms,
      endsAt,
      ...(offer.discount.percent !== undefined ? { percent: offer.discount.percent } : {}),
      ...(offer.discount.amountMinor !== undefined ? { amountMinor: offer.discount.amountMinor } : {}),
      ...(offer.checkIn ? { checkIn: { platform: offer.checkIn.platform, url: offer.checkIn.url } } : {}),
    });
  }
  // Ending soonest first: "today only" deals lead.
  return active.sort((a, b) => a.endsAt - b.endsAt);
}

/** A product's category and the categories of its complementary products. */
export interface ProductCategories {
  category: string;
  complementCategories: readonly string[];
}

/**
 * Whether an offer applies to a product: a discount naming no categories applies to everything; one that
 * names categories applies to products in them. A bundle discounts a complementary product, so it also
 * shows on the page of a product whose complements are in its categories (the jeans page shows "a belt
 * for 30% less with them").
 */
export function appliesTo(offer: Offer, product: ProductCategories): boolean {
  const categories = offer.discount.categories;
  if (!categories || categories.length === 0) return true;
  if (categories.includes(product.category)) return true;
  return offer.kind === 'bundle' && product.complementCategories.some((category) => categories.includes(category));
}

function productCategories(db: Db, styleCode: string): ProductCategories | null {
  const category = db.prepare('SELECT category_id FROM products WHERE style_code = ?').pluck().get(styleCode) as string | undefined;
  if (category === undefined) return null;
  const complementCategories = db
    .prepare(
      `SELECT DISTINCT c.category_id FROM products p
         JOIN related r ON r.product_id = p.id AND r.kind = 'complement'
         JOIN products c ON c.id = r.related_id
       WHERE p.style_code = ?`,
    )
    .pluck()
    .all(styleCode) as string[];
  return { category, complementCategories };
}
