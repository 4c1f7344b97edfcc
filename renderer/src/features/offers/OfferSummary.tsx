import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import { OfferCountdown, OfferKind } from './OfferTags';
import { countsDown, discountText } from './offerWords';
import styles from './OfferSummary.module.css';

interface OfferSummaryProps {
  offer: ActiveOffer;
  now: number;
  locale: string;
  currency: string;
  /** The offer's title is the screen's heading (level 1) until the code takes its place. */
  level: 1 | 2;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** What the offer is: its kind (and platform), the discount as a big figure, title, body, and its countdown. */
export function OfferSummary({ offer, now, locale, currency, level, headingRef }: OfferSummaryProps) {
  const discount = discountText(offer, locale, currency);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className={level === 1 ? styles.summary : `${styles.summary} ${styles.small}`} aria-labelledby="offer-title">
      <OfferKind offer={offer} />
      <div className={styles.headline}>
        {discount ? (
          <p className={styles.discount}>{discount}</p>
        ) : null}
        <Heading id="offer-title" ref={headingRef} tabIndex={-1} className={level === 1 ? styles.title : styles.titleSmall}>
          {offer.title}
        </Heading>
      </div>
      <p className={styles.body}>{offer.body}</p>
      {countsDown(offer) ? <OfferCountdown endsAt={offer.endsAt} now={now} /> : null}
    </section>
  );
}

/** The offer's terms, in full: small, but never hidden behind a tap. */
export function OfferTerms({ terms }: { terms: string }) {
  const { t } = useTranslation();
  if (terms.trim() === '') return null;
  return (
    <section className={styles.terms} aria-labelledby="offer-terms-heading">
      <h2 id="offer-terms-heading" className={styles.termsHeading}>
        {t('offers.code.terms')}
      </h2>
      <p>{terms}</p>
    </section>
  );
}
