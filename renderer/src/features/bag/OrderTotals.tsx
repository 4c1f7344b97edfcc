import { MapPin, RotateCcw, Store, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { QuoteOutput, Returns } from '../../../../shared/api/orders';
import { formatDay, formatDayRange, formatUntil } from './orderDates';
import { money, returnsText, shippingReasonText, shippingText, type OrderContext } from './orderWords';
import styles from './OrderTotals.module.css';

interface TotalsProps {
  totals: Pick<QuoteOutput, 'currency' | 'itemsMinor' | 'shippingMinor' | 'totalMinor'> & { shippingReason?: QuoteOutput['shippingReason'] };
  context: OrderContext;
  /** The bag changed and a new total is on its way: the old one is shown faded, and said to be updating. */
  updating?: boolean;
}

/** Items, delivery ("Free" in words, never 0) and the total, as a receipt reads. */
export function OrderTotals({ totals, context, updating = false }: TotalsProps) {
  const { t } = useTranslation();
  const reason = totals.shippingReason && totals.shippingMinor === 0 ? shippingReasonText({ shippingReason: totals.shippingReason }, t) : null;
  return (
    <dl className={`${styles.totals} ${updating ? styles.updating : ''}`} aria-busy={updating}>
      <div className={styles.row}>
        <dt>{t('bag.totals.items')}</dt>
        <dd>{money(totals.itemsMinor, totals.currency, context.storeLocale)}</dd>
      </div>
      <div className={styles.row}>
        <dt>
          {t('bag.totals.shipping')}
          {reason ? <span className={styles.reason}>{reason}</span> : null}
        </dt>
        <dd className={totals.shippingMinor === 0 ? styles.free : undefined}>{shippingText(totals, t, context.storeLocale)}</dd>
      </div>
      <div className={`${styles.row} ${styles.total}`}>
        <dt>{t('bag.totals.total')}</dt>
        <dd>{money(totals.totalMinor, totals.currency, context.storeLocale)}</dd>
      </div>
    </dl>
  );
}

interface FactsProps {
  delivery?: { from: string; to: string; day?: string | null; extended?: boolean } | undefined;
  holds: readonly { store: string; name: string; until: number }[];
  /** Some lines come from this store's floor. */
  inStore: boolean;
  returns: Returns;
  context: OrderContext;
}

/** When and where it all comes, and how returns work: each in words beside its icon. */
export function OrderFacts({ delivery, holds, inStore, returns, context }: FactsProps) {
  const { t } = useTranslation();
  return (
    <ul className={styles.facts}>
      {delivery ? (
        <li>
          <Truck aria-hidden="true" />
          <span>
            {delivery.day
              ? t('bag.facts.deliveryDay', { day: formatDay(delivery.day, context) })
              : t('bag.facts.delivery', { dates: formatDayRange(delivery.from, delivery.to, context) })}
            {delivery.extended ? <span className={styles.aside}>{t('bag.facts.extended')}</span> : null}
          </span>
        </li>
      ) : null}
      {holds.map((hold) => (
        <li key={hold.store}>
          <MapPin aria-hidden="true" />
          <span>{t('bag.facts.hold', { store: hold.name, until: formatUntil(hold.until, context) })}</span>
        </li>
      ))}
      {inStore ? (
        <li>
          <Store aria-hidden="true" />
          <span>{t('bag.facts.inStore')}</span>
        </li>
      ) : null}
      <li>
        <RotateCcw aria-hidden="true" />
        <span>{returnsText(returns, t)}</span>
      </li>
    </ul>
  );
}
