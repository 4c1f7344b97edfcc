import { CircleAlert, Info, RefreshCw, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { BagLine, Fulfilment, QuoteOutput } from '../../../../shared/api/orders';
import { blocks, lineKey, quotedLine } from '../bag/bagLines';
import { FulfilmentChooser } from '../bag/FulfilmentChooser';
import { money, problemText, type OrderContext } from '../bag/orderWords';
import styles from './ChangedNotice.module.css';

interface ChangedNoticeProps {
  lines: readonly BagLine[];
  /** The quote the shopper confirmed against, and the one the core answered with. */
  previous: QuoteOutput;
  quote: QuoteOutput;
  context: OrderContext;
  onFulfilment(key: string, fulfilment: Fulfilment): void;
  onRemove(key: string): void;
}

/**
 * "Confirm order" found that stock or prices moved: nothing was ordered. Says plainly what moved — each
 * line's problem in words, the new total beside the old — and offers the other ways to get what cannot
 * be had as it was, right here.
 */
export function ChangedNotice({ lines, previous, quote, context, onFulfilment, onRemove }: ChangedNoticeProps) {
  const { t } = useTranslation();
  const moved = lines.flatMap((line, at) => {
    const quoted = quotedLine(quote, line, at);
    return quoted?.problem ? [{ line, quoted }] : [];
  });
  const stillBlocked = moved.some(({ quoted }) => blocks(quoted));
  return (
    <section className={styles.notice} role="alert" aria-labelledby="changed-title">
      <h2 id="changed-title" className={styles.title}>
        <RefreshCw aria-hidden="true" />
        {t('checkout.changed.title')}
      </h2>
      <p className={styles.body}>{t('checkout.changed.body')}</p>
      {moved.length > 0 ? (
        <ul className={styles.lines}>
          {moved.map(({ line, quoted }) => {
            const blocking = blocks(quoted);
            const Icon = blocking ? CircleAlert : Info;
            return (
              <li key={lineKey(line)} className={styles.line}>
                <p className={styles.name}>{t('checkout.changed.line', { name: quoted.name, colour: quoted.colour.name, size: quoted.size })}</p>
                <p className={blocking ? styles.blocking : styles.news}>
                  <Icon aria-hidden="true" />
                  <span>{problemText(quoted, t, context.storeLocale, quote.currency)}</span>
                </p>
                {blocking && quoted.options.length > 0 ? (
                  <FulfilmentChooser
                    label={t('bag.howFor', { name: quoted.name })}
                    options={quoted.options}
                    current={line.fulfilment}
                    quote={quote}
                    context={context}
                    onChoose={(fulfilment) => onFulfilment(lineKey(line), fulfilment)}
                  />
                ) : null}
                {blocking ? (
                  <button type="button" className={styles.remove} onClick={() => onRemove(lineKey(line))}>
                    <Trash2 aria-hidden="true" />
                    {t('bag.removeNamed', { name: quoted.name })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {previous.totalMinor !== quote.totalMinor ? (
        <p className={styles.total}>
          {t('checkout.changed.total', {
            total: money(quote.totalMinor, quote.currency, context.storeLocale),
            previous: money(previous.totalMinor, previous.currency, context.storeLocale),
          })}
        </p>
      ) : null}
      <p className={styles.next}>{stillBlocked ? t('checkout.changed.fix') : t('checkout.changed.again')}</p>
    </section>
  );
}
