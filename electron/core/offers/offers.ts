import type { ActiveOffer } from '../../../shared/api/shopper';
import type { Language } from '../../../shared/languages';
import { Offer } from '../../../shared/sync/entities';
import type { Db } from '../db/open';
import { runningUntil } from './schedule';

/**
 * The offers running in this store now, from the cache (HQ publishes them; sync keeps them). Each is
 * checked again on the way out: the cache holds what HQ sent, and a row this version cannot read is
 * skipped rather than shown half.
 */
export function activeOffers(db: Db, options: { storeCode: string; timeZone: string; lang: Language; now?: Date }): ActiveOffer[] {
  const now = options.now ?? new Date();
  const rows = db.prepare('SELECT body FROM offers ORDER BY id').pluck().all() as string[];
  const active: ActiveOffer[] = [];
  for (const body of rows) {
    const parsed = Offer.safeParse(JSON.parse(body));
    if (!parsed.success) continue;
    const offer = parsed.data;
    if (offer.stores.length > 0 && !offer.stores.includes(options.storeCode)) continue;
    const endsAt = runningUntil(offer, options.timeZone, now);
    if (endsAt === null) continue;
    const text = offer.texts[options.lang] ?? offer.texts.en;
    if (!text) continue;
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
