import { Check, Zap } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { QuoteOutput } from '../../../../shared/api/orders';
import { dayParts, formatDayRange } from '../bag/orderDates';
import type { OrderContext } from '../bag/orderWords';
import type { FieldBinding } from './DetailsSteps';
import { Switch } from './Switch';
import { TextField } from './TextField';
import { FieldProblem } from './FieldProblem';
import styles from './CheckoutScreen.module.css';

interface DeliveryStepProps {
  delivery: QuoteOutput['delivery'];
  day: string | null;
  sms: boolean;
  /** A problem with the chosen day or with text-message updates, in words. */
  dayProblem: string | null;
  smsProblem: string | null;
  context: OrderContext;
  field: FieldBinding;
  onDay(day: string | null): void;
  onSms(sms: boolean): void;
}

/**
 * (c) When: the earliest (with its dates) or a day of the shopper's choosing, as big date tiles — not a
 * small calendar; text-message updates; where to leave it.
 */
export function DeliveryStep({ delivery, day, sms, dayProblem, smsProblem, context, field, onDay, onSms }: DeliveryStepProps) {
  const { t } = useTranslation();
  const days = delivery?.choosableDays ?? [];
  return (
    <div className={styles.fields}>
      <div className={styles.days} role="radiogroup" aria-labelledby="checkout-when" aria-describedby={dayProblem ? 'checkout-day-problem' : undefined}>
        <p id="checkout-when" className={styles.groupLabel}>
          {t('checkout.delivery.when')}
        </p>
        <button type="button" role="radio" aria-checked={day === null} className={styles.earliest} onClick={() => onDay(null)}>
          <Zap className={styles.earliestIcon} aria-hidden="true" />
          <span className={styles.earliestText}>
            <span className={styles.earliestTitle}>{t('checkout.delivery.earliest')}</span>
            {delivery ? <span>{t('checkout.delivery.earliestDates', { dates: formatDayRange(delivery.from, delivery.to, context) })}</span> : null}
          </span>
          <span className={styles.tick} aria-hidden="true">
            {day === null ? <Check /> : null}
          </span>
        </button>
        {days.length > 0 ? (
          <>
            <p className={styles.groupLabel}>{t('checkout.delivery.chooseDay')}</p>
            <div className={styles.dayGrid}>
              {days.map((iso) => {
                const parts = dayParts(iso, context);
                return (
                  <button
                    key={iso}
                    type="button"
                    role="radio"
                    aria-checked={day === iso}
                    aria-label={formatDayRange(iso, iso, context)}
                    className={styles.dayTile}
                    onClick={() => onDay(iso)}
                  >
                    <span className={styles.dayWeekday}>{parts.weekday}</span>
                    <span className={styles.dayNumber}>{parts.day}</span>
                    <span className={styles.dayMonth}>{parts.month}</span>
                    {day === iso ? <Check className={styles.dayTick} aria-hidden="true" /> : null}
                  </button>
                );
              })}
            </div>
          </>
        ) : null}
        {delivery?.extended ? <p className={styles.note}>{t('bag.facts.extended')}</p> : null}
        {dayProblem ? (
          <FieldProblem id="checkout-day-problem" text={dayProblem} />
        ) : null}
      </div>

      <Switch
        label={t('checkout.delivery.sms')}
        description={t('checkout.delivery.smsBody')}
        checked={sms}
        onChange={onSms}
        describedBy={smsProblem ? 'checkout-sms-problem' : undefined}
      />
      {smsProblem ? (
        <FieldProblem id="checkout-sms-problem" text={smsProblem} />
      ) : null}

      <TextField {...field('safePlace')} label={t('checkout.delivery.safePlace')} hint={t('checkout.delivery.safePlaceHint')} />
    </div>
  );
}
