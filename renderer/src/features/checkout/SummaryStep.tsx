import { useTranslation } from 'react-i18next';
import type { BagLine, QuoteOutput } from '../../../../shared/api/orders';
import { ProductImage } from '../../app/ui/ProductImage';
import { delivers, quotedLine } from '../bag/bagLines';
import { OrderFacts, OrderTotals } from '../bag/OrderTotals';
import { fulfilmentTitle, linePrice, type OrderContext } from '../bag/orderWords';
import { smsWanted, type CheckoutForm, type Payment, type StepName } from './checkoutSteps';
import styles from './SummaryStep.module.css';

interface SummaryStepProps {
  lines: readonly BagLine[];
  quote: QuoteOutput;
  form: CheckoutForm;
  payment: Payment | null;
  phoneDisplay: string | null;
  countryName: string | null;
  context: OrderContext;
  onChange(step: StepName): void;
}

/**
 * (f) Everything before "Confirm order": each item and how it comes, when, the price with delivery (free
 * said as free), returns, and the shopper's details — each part with a way back to change it.
 */
export function SummaryStep({ lines, quote, form, payment, phoneDisplay, countryName, context, onChange }: SummaryStepProps) {
  const { t } = useTranslation();
  const storeNames = new Map(quote.holds.map((hold) => [hold.store, hold.name]));
  const homeDelivery = delivers(lines);
  return (
    <div className={styles.summary}>
      <section className={styles.card} aria-labelledby="summary-items">
        <h2 id="summary-items" className={styles.heading}>
          {t('checkout.summary.items')}
        </h2>
        <ul className={styles.items}>
          {lines.map((line, at) => {
            const quoted = quotedLine(quote, line, at);
            if (!quoted) return null;
            const storeName = line.fulfilment.kind === 'hold' ? storeNames.get(line.fulfilment.store) : undefined;
            return (
              <li key={`${line.sku}:${at}`} className={styles.item}>
                <ProductImage path={quoted.image} className={styles.image} />
                <div className={styles.itemText}>
                  <p className={styles.itemName}>{quoted.name}</p>
                  <p className={styles.muted}>
                    {t('bag.variant', { colour: quoted.colour.name, size: quoted.size })}
                    {' · '}
                    {t('checkout.summary.quantity', { quantity: line.quantity })}
                  </p>
                  <p className={styles.way}>{fulfilmentTitle(line.fulfilment, t, storeName)}</p>
                </div>
                <p className={styles.itemPrice}>{linePrice({ unitPriceMinor: quoted.unitPriceMinor, quantity: line.quantity }, quote.currency, context.storeLocale)}</p>
              </li>
            );
          })}
        </ul>
        <OrderTotals totals={quote} context={context} />
        <OrderFacts
          delivery={quote.delivery ? { ...quote.delivery, day: form.day } : undefined}
          holds={quote.holds}
          inStore={lines.some((line) => line.fulfilment.kind === 'in-store')}
          returns={quote.returns}
          context={context}
        />
      </section>

      <Part title={t('checkout.summary.contact')} step="contact" onChange={onChange}>
        <p>{form.name}</p>
        {form.phone.trim() ? <p>{phoneDisplay ?? form.phone}</p> : null}
        {form.email.trim() ? <p>{form.email.trim()}</p> : null}
      </Part>

      {homeDelivery ? (
        <>
          <Part title={t('checkout.summary.address')} step="address" onChange={onChange}>
            <p>{form.line1}</p>
            {form.line2.trim() ? <p>{form.line2}</p> : null}
            <p>{`${form.postalCode} ${form.city}`}</p>
            {countryName ? <p>{countryName}</p> : null}
          </Part>
          <Part title={t('checkout.summary.delivery')} step="delivery" onChange={onChange}>
            <p>{smsWanted(form) ? t('checkout.summary.smsOn') : t('checkout.summary.smsOff')}</p>
            {form.safePlace.trim() ? <p>{t('checkout.summary.safePlace', { note: form.safePlace.trim() })}</p> : null}
          </Part>
        </>
      ) : null}

      <Part title={t('checkout.summary.news')} step="consent" onChange={onChange}>
        <p>{form.marketingConsent ? t('checkout.summary.newsYes') : t('checkout.summary.newsNo')}</p>
      </Part>

      <Part title={t('checkout.summary.payment')} step="payment" onChange={onChange}>
        <p>{payment === 'phone' ? t('checkout.payment.phone') : payment === 'till' ? t('checkout.payment.till') : t('checkout.problem.payment')}</p>
      </Part>
    </div>
  );
}

function Part({ title, step, onChange, children }: { title: string; step: StepName; onChange(step: StepName): void; children: React.ReactNode }) {
  const { t } = useTranslation();
  const id = `summary-${step}`;
  return (
    <section className={styles.part} aria-labelledby={id}>
      <div className={styles.partText}>
        <h2 id={id} className={styles.partHeading}>
          {title}
        </h2>
        <div className={styles.partBody}>{children}</div>
      </div>
      <button type="button" className={styles.change} aria-label={t('checkout.summary.changeNamed', { part: title })} onClick={() => onChange(step)}>
        {t('checkout.summary.change')}
      </button>
    </section>
  );
}
