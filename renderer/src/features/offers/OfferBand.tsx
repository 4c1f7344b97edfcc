import { ChevronRight, Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { useSessionStore } from '../session/sessionStore';
import { PlatformIcon } from './PlatformIcon';
import { countsDown, discountText, endsInText } from './offerWords';
import { useActiveOffers } from './useActiveOffers';
import styles from './OfferBand.module.css';

interface OfferBandProps {
  language: Language;
  /** The store's locale and currency, for the discount. */
  locale: string;
  currency: string;
  /** On a product's page: only the offers that apply to it, under a heading that says so. */
  styleCode?: string;
  className?: string;
}

/**
 * The offers running now as a slim band: each its discount, title, and the countdown of a today-only deal
 * (or the check-in's platform), one tap from its code. Nothing at all when none runs.
 */
export function OfferBand({ language, locale, currency, styleCode, className }: OfferBandProps) {
  const { t } = useTranslation();
  const { offers, now } = useActiveOffers(language, styleCode);
  const { open } = useSessionStore();
  if (offers.length === 0) return null;
  const headingId = styleCode ? `offer-band-${styleCode}` : 'offer-band';
  return (
    <section className={[styles.band, className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <h2 id={headingId} className={styleCode ? styles.heading : styles.visuallyHidden}>
        {styleCode ? t('offers.productHeading') : t('offers.label')}
      </h2>
      <ul className={styles.list}>
        {offers.map((offer) => (
          <li key={offer.id} className={styles.entry}>
            <button type="button" className={styles.item} onClick={() => open({ name: 'offer', offerId: offer.id })}>
              <BandItem offer={offer} now={now} locale={locale} currency={currency} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BandItem({ offer, now, locale, currency }: { offer: ActiveOffer; now: number; locale: string; currency: string }) {
  const { t } = useTranslation();
  const discount = discountText(offer, locale, currency);
  const endsIn = countsDown(offer) ? endsInText(offer.endsAt, now, t) : null;
  return (
    <>
      {discount ? <span className={styles.figure}>{discount}</span> : null}
      <span className={styles.words}>
        <span className={styles.title}>{offer.title}</span>
        {endsIn ? (
          <span className={`${styles.meta} ${styles.countdown}`}>
            <Timer aria-hidden="true" />
            {endsIn}
          </span>
        ) : (
          <span className={styles.meta}>
            {offer.checkIn ? <PlatformIcon platform={offer.checkIn.platform} /> : null}
            {offer.checkIn ? t(`offers.platform.${offer.checkIn.platform}`) : t(`offers.kind.${offer.kind}`)}
          </span>
        )}
      </span>
      <ChevronRight className={styles.chevron} aria-hidden="true" />
    </>
  );
}
