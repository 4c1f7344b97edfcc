import { ArrowRight, BadgePercent } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { OfferCountdown, OfferKind } from '../offers/OfferTags';
import { countsDown, discountText, givesCode } from '../offers/offerWords';
import { useActiveOffers } from '../offers/useActiveOffers';
import { useFitLayout } from '../../app/ui/useFitLayout';
import styles from './OfferCarousel.module.css';

interface OfferCarouselProps {
  language: Language;
  /** The store's locale and currency, for the discount. */
  locale: string;
  currency: string;
  /** What shows when the store runs no offer now. */
  fallback: ReactNode;
  /** The shopper wants an offer's code (a check-in's steps, a today-only deal's code): starts the session there. */
  onGetCode(offer: ActiveOffer): void;
}

/** Each offer stays this long before the next. */
const ROTATE_MS = 8_000;
/** A shopper who picked an offer by its dot gets this long to read it before rotation resumes. */
const PAUSE_MS = 30_000;
/** All of the offer while it fits the stage; then without its body (the title says the deal); then without its terms too (the offer's own screen has them in full). */
const LAYOUTS = ['full', 'short', 'shortest'];

/** The store's offers on the idle screen, one at a time, with a countdown for the ones that end today. */
export function OfferCarousel({ language, locale, currency, fallback, onGetCode }: OfferCarouselProps) {
  const { offers: running, now } = useActiveOffers(language);
  const [shown, setShown] = useState(0);
  const [pausedUntil, setPausedUntil] = useState(0);
  const carousel = useRef<HTMLElement>(null);
  const index = running.length > 0 ? shown % running.length : 0;
  useFitLayout(carousel, LAYOUTS, { axis: 'height', shown: running.length > 0 });

  useEffect(() => {
    if (running.length < 2) return;
    const timer = setInterval(() => {
      if (Date.now() >= pausedUntil) setShown((current) => current + 1);
    }, ROTATE_MS);
    return () => clearInterval(timer);
  }, [running.length, pausedUntil]);

  const offer = running[index];
  if (!offer) return <>{fallback}</>;
  return (
    <section ref={carousel} className={styles.carousel} aria-roledescription="carousel" aria-label={offer.title}>
      <OfferCard key={offer.id} offer={offer} now={now} locale={locale} currency={currency} onGetCode={onGetCode} />
      {running.length > 1 ? (
        <Dots
          count={running.length}
          current={index}
          titles={running.map((o) => o.title)}
          onPick={(picked) => {
            setShown(picked);
            setPausedUntil(Date.now() + PAUSE_MS);
          }}
        />
      ) : null}
    </section>
  );
}

interface OfferCardProps {
  offer: ActiveOffer;
  now: number;
  locale: string;
  currency: string;
  onGetCode(offer: ActiveOffer): void;
}

function OfferCard({ offer, now, locale, currency, onGetCode }: OfferCardProps) {
  const { t } = useTranslation();
  const discount = discountText(offer, locale, currency);
  return (
    <article className={styles.card}>
      <OfferKind offer={offer} />
      {discount ? (
        <p className={styles.discount}>
          <BadgePercent aria-hidden="true" />
          {discount}
        </p>
      ) : null}
      <h2 className={styles.title}>{offer.title}</h2>
      <p className={styles.body}>{offer.body}</p>
      <div className={styles.actions}>
        {countsDown(offer) ? <OfferCountdown endsAt={offer.endsAt} now={now} /> : null}
        {givesCode(offer) ? (
          <button
            type="button"
            className={styles.getCode}
            onClick={(event) => {
              // This offer's code, not the start screen the rest of the attract screen leads to.
              event.stopPropagation();
              onGetCode(offer);
            }}
          >
            {offer.kind === 'check-in' ? t('offers.checkInForCode') : t('offers.getCode')}
            <ArrowRight aria-hidden="true" />
          </button>
        ) : null}
      </div>
      <p className={styles.terms}>{offer.terms}</p>
    </article>
  );
}

function Dots({ count, current, titles, onPick }: { count: number; current: number; titles: string[]; onPick(index: number): void }) {
  const { t } = useTranslation();
  return (
    <div className={styles.dots} role="group" aria-label={t('attract.offers')}>
      {Array.from({ length: count }, (_, index) => (
        <button
          key={index}
          type="button"
          className={styles.dot}
          aria-label={t('attract.showOffer', { index: index + 1, count, title: titles[index] })}
          aria-current={index === current}
          onClick={(event) => {
            // A dot shows that offer; it does not start the session as the rest of the screen does.
            event.stopPropagation();
            onPick(index);
          }}
        >
          <span className={styles.dotMark} />
        </button>
      ))}
    </div>
  );
}
