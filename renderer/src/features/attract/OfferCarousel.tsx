import { BadgePercent, Camera, Tags, Timer } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { formatPrice } from '../../app/format';
import { useNow } from '../../app/useNow';
import { countsDown, runningOffers, timeLeft } from '../offers/offerTime';
import styles from './OfferCarousel.module.css';

interface OfferCarouselProps {
  language: Language;
  /** The store's locale and currency, for the discount. */
  locale: string;
  currency: string;
  /** What shows when the store runs no offer now. */
  fallback: ReactNode;
}

/** Each offer stays this long before the next. */
const ROTATE_MS = 8_000;
/** A shopper who picked an offer by its dot gets this long to read it before rotation resumes. */
const PAUSE_MS = 30_000;
/** Countdowns and the offers themselves are re-read each minute. */
const MINUTE_MS = 60_000;

const KIND_ICONS = { 'today-only': Timer, 'check-in': Camera, bundle: Tags } as const;

/** The store's offers on the idle screen, one at a time, with a countdown for the ones that end today. */
export function OfferCarousel({ language, locale, currency, fallback }: OfferCarouselProps) {
  const now = useNow(MINUTE_MS);
  const offers = useActiveOffers(language, now);
  const [shown, setShown] = useState(0);
  const [pausedUntil, setPausedUntil] = useState(0);
  const running = runningOffers(offers, now);
  const index = running.length > 0 ? shown % running.length : 0;

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
    <section className={styles.carousel} aria-roledescription="carousel" aria-label={offer.title}>
      <OfferCard key={offer.id} offer={offer} now={now} locale={locale} currency={currency} />
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

function OfferCard({ offer, now, locale, currency }: { offer: ActiveOffer; now: number; locale: string; currency: string }) {
  const { t } = useTranslation();
  const Icon = KIND_ICONS[offer.kind];
  const discount =
    offer.percent !== undefined
      ? new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'always' }).format(-offer.percent / 100)
      : offer.amountMinor !== undefined
        ? `−${formatPrice({ minor: offer.amountMinor, currency }, locale)}`
        : null;
  return (
    <article className={styles.card}>
      <p className={styles.kind}>
        <Icon aria-hidden="true" />
        {t(`attract.offerKind.${offer.kind}`)}
        {offer.checkIn ? <span className={styles.platform}>{t(`attract.platform.${offer.checkIn.platform}`)}</span> : null}
      </p>
      {discount ? (
        <p className={styles.discount}>
          <BadgePercent aria-hidden="true" />
          {discount}
        </p>
      ) : null}
      <h2 className={styles.title}>{offer.title}</h2>
      <p className={styles.body}>{offer.body}</p>
      {countsDown(offer) ? <Countdown endsAt={offer.endsAt} now={now} /> : null}
      <p className={styles.terms}>{offer.terms}</p>
    </article>
  );
}

function Countdown({ endsAt, now }: { endsAt: number; now: number }) {
  const { t } = useTranslation();
  const left = timeLeft(endsAt, now);
  const text =
    left.kind === 'hours'
      ? t('attract.endsInHours', { hours: left.hours, minutes: left.minutes })
      : left.kind === 'minutes'
        ? t('attract.endsInMinutes', { count: left.minutes })
        : left.kind === 'underMinute'
          ? t('attract.endsUnderMinute')
          : null;
  if (text === null) return null;
  return (
    <p className={styles.countdown}>
      <Timer aria-hidden="true" />
      {text}
    </p>
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

/** `offers.active` in the shopper's language, read again on each tick (offers start and end by the clock). */
function useActiveOffers(language: Language, tick: number): ActiveOffer[] {
  const [offers, setOffers] = useState<ActiveOffer[]>([]);
  useEffect(() => {
    let current = true;
    void kiosk.offers.active({ lang: language }).then((answer) => {
      // A failed read keeps what is on screen: the idle loop never shows an error.
      if (current && answer.ok) setOffers(answer.value);
    });
    return () => {
      current = false;
    };
  }, [language, tick]);
  return offers;
}
