import { Clock, TicketCheck, WalletCards } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { IssuedCoupon } from '../../../../shared/api/coupons';
import { formatPrice } from '../../app/format';
import type { DateContext } from '../bag/orderDates';
import { OrderQr } from '../confirmation/OrderQr';
import { codeGroups, spelledCode, validUntilText } from './couponWords';
import styles from './CouponTicket.module.css';

interface CouponTicketProps {
  coupon: IssuedCoupon;
  now: number;
  context: DateContext;
  /** The store's currency, for a minimum spend. */
  currency: string;
}

/**
 * The code, as the till reads it: a QR code, and the characters large, in fixed-width cells and groups so
 * they can be read aloud or typed; until when it is valid on the store's clock, and how to take it along.
 */
export function CouponTicket({ coupon, now, context, currency }: CouponTicketProps) {
  const { t } = useTranslation();
  const spelled = spelledCode(coupon.code);
  return (
    <section className={styles.ticket} aria-labelledby="coupon-code-label">
      <div className={styles.face}>
        <div className={styles.qr}>
          <OrderQr value={coupon.code} label={t('offers.code.qr', { code: spelled })} />
        </div>
        <p id="coupon-code-label" className={styles.label}>
          {t('offers.code.label')}
        </p>
        <p className={styles.code}>
          <span className={styles.visuallyHidden}>{spelled}</span>
          <span className={styles.groups} aria-hidden="true">
            {codeGroups(coupon.code).map((group, index) => (
              <span key={index} className={styles.group}>
                {index > 0 ? <span className={styles.dash}>{'-'}</span> : null}
                {group.split('').map((character, at) => (
                  <span key={at} className={styles.character}>
                    {character}
                  </span>
                ))}
              </span>
            ))}
          </span>
        </p>
        <p className={styles.valid}>
          <Clock aria-hidden="true" />
          {validUntilText(coupon.expiresAt, now, context, t)}
        </p>
        {coupon.minSpendMinor ? (
          <p className={styles.minSpend}>{t('offers.minSpend', { amount: formatPrice({ minor: coupon.minSpendMinor, currency }, context.storeLocale) })}</p>
        ) : null}
      </div>
      <ul className={styles.how}>
        <li>
          <WalletCards aria-hidden="true" />
          <span>{t('offers.code.till')}</span>
        </li>
        <li>
          <TicketCheck aria-hidden="true" />
          <span>{t('offers.code.once')}</span>
        </li>
      </ul>
    </section>
  );
}
