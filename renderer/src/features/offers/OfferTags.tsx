import { Camera, Tags, Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import { endsInText } from './offerWords';
import { PlatformIcon } from './PlatformIcon';
import styles from './OfferTags.module.css';

const KIND_ICONS = { 'today-only': Timer, 'check-in': Camera, bundle: Tags } as const;

type Size = 'large' | 'compact';

/** What kind of offer it is, in words with an icon; a check-in names its platform too (word and glyph). */
export function OfferKind({ offer, size = 'large' }: { offer: Pick<ActiveOffer, 'kind' | 'checkIn'>; size?: Size }) {
  const { t } = useTranslation();
  const Icon = KIND_ICONS[offer.kind];
  return (
    <p className={`${styles.kind} ${styles[size]}`}>
      <Icon aria-hidden="true" />
      <span>{t(`offers.kind.${offer.kind}`)}</span>
      {offer.checkIn ? (
        <span className={styles.platform}>
          <PlatformIcon platform={offer.checkIn.platform} />
          {t(`offers.platform.${offer.checkIn.platform}`)}
        </span>
      ) : null}
    </p>
  );
}

/** "Ends in 3 h 12 min" on a dark pill, for a today-only offer; nothing once it has ended. */
export function OfferCountdown({ endsAt, now, size = 'large' }: { endsAt: number; now: number; size?: Size }) {
  const { t } = useTranslation();
  const text = endsInText(endsAt, now, t);
  if (text === null) return null;
  return (
    <p className={`${styles.countdown} ${styles[size]}`}>
      <Timer aria-hidden="true" />
      {text}
    </p>
  );
}
