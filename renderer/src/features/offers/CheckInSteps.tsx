import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveOffer } from '../../../../shared/api/shopper';
import { OrderQr } from '../confirmation/OrderQr';
import { CheckInPicture, TapPicture } from './CheckInPictures';
import styles from './CheckInSteps.module.css';

type CheckIn = NonNullable<ActiveOffer['checkIn']>;

/**
 * How to earn the code, in three numbered steps with a picture each: scan the QR code (the picture is
 * the code itself, big and black on white), check in at the store on the platform, tap "I've checked
 * in". The reward is for checking in — nothing here asks for a like or a follow (platform rules).
 */
export function CheckInSteps({ checkIn, store }: { checkIn: CheckIn; store: string }) {
  const { t } = useTranslation();
  const platform = t(`offers.platform.${checkIn.platform}`);
  return (
    <section className={styles.steps} aria-labelledby="check-in-steps-heading">
      <h2 id="check-in-steps-heading" className={styles.heading}>
        {t('offers.checkIn.heading')}
      </h2>
      <ol className={styles.list}>
        <Step number={1} picture={<OrderQr value={checkIn.url} label={t('offers.checkIn.qr', { store, platform })} />} wide>
          <h3 className={styles.title}>{t('offers.checkIn.scanTitle')}</h3>
          <p className={styles.body}>{t('offers.checkIn.scanBody', { store, platform })}</p>
        </Step>
        <Step number={2} picture={<CheckInPicture platform={checkIn.platform} className={styles.drawing} />}>
          <h3 className={styles.title}>{t('offers.checkIn.checkInTitle', { store, platform })}</h3>
          <p className={styles.body}>{t('offers.checkIn.checkInBody')}</p>
        </Step>
        <Step number={3} picture={<TapPicture className={styles.drawing} />}>
          <h3 className={styles.title}>{t('offers.checkIn.tapTitle')}</h3>
          <p className={styles.body}>{t('offers.checkIn.tapBody')}</p>
        </Step>
      </ol>
    </section>
  );
}

function Step({ number, picture, wide = false, children }: { number: number; picture: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <li className={styles.step}>
      <div className={wide ? `${styles.picture} ${styles.qr}` : styles.picture}>{picture}</div>
      <div className={styles.words}>
        {/* The list says the number to a screen reader; this is the same number for the eye. */}
        <span className={styles.number} aria-hidden="true">
          {number}
        </span>
        {children}
      </div>
    </li>
  );
}
