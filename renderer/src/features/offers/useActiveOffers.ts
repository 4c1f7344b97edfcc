import { useEffect, useState } from 'react';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { useNow } from '../../app/useNow';
import { useCatalogChanged } from '../sync/useLiveCatalog';
import { runningOffers } from './offerTime';

/** Countdowns move, and offers start and end, by the minute. */
export const OFFER_TICK_MS = 60_000;

export interface ActiveOffers {
  offers: ActiveOffer[];
  /** The time the offers were checked against (for their countdowns). */
  now: number;
  /** The core has answered at least once (until then, no offer is not the same as none running). */
  loaded: boolean;
}

/**
 * The offers running now (`offers.active` in the shopper's language; with `styleCode`, only those for
 * that product), read again each minute and when HQ's data changes. An offer whose end passes between
 * two reads leaves at once. A failed read keeps what is on screen: offers are never worth an error.
 */
export function useActiveOffers(language: Language, styleCode?: string): ActiveOffers {
  const now = useNow(OFFER_TICK_MS);
  const [offers, setOffers] = useState<ActiveOffer[] | null>(null);
  const [version, setVersion] = useState(0);
  useCatalogChanged(() => setVersion((current) => current + 1));

  useEffect(() => {
    let current = true;
    void kiosk.offers.active({ lang: language, ...(styleCode ? { styleCode } : {}) }).then((answer) => {
      if (current && answer.ok) setOffers(answer.value);
    });
    return () => {
      current = false;
    };
  }, [language, styleCode, now, version]);

  return { offers: runningOffers(offers ?? [], now), now, loaded: offers !== null };
}
