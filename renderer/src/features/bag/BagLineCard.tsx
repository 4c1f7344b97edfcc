import { CircleAlert, Info, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { BagLine, Fulfilment, QuoteOutput, QuotedLine } from '../../../../shared/api/orders';
import { ProductImage } from '../../app/ui/ProductImage';
import { blocks } from './bagLines';
import { FulfilmentChooser } from './FulfilmentChooser';
import { linePrice, problemText, type OrderContext } from './orderWords';
import { QuantityStepper } from './QuantityStepper';
import styles from './BagLineCard.module.css';

interface BagLineCardProps {
  line: BagLine;
  /** The core's word on this line: name, picture, price, how many can be had, the ways to get it. */
  quoted: QuotedLine;
  quote: QuoteOutput | null;
  context: OrderContext;
  onQuantity(quantity: number): void;
  onFulfilment(fulfilment: Fulfilment): void;
  onRemove(): void;
}

/**
 * One line of the bag: what it is, how many, and how the shopper gets it — switchable among the ways the
 * core offers now. A problem (stock moved, the price changed) is said in words beside an icon.
 */
export function BagLineCard({ line, quoted, quote, context, onQuantity, onFulfilment, onRemove }: BagLineCardProps) {
  const { t } = useTranslation();
  const problem = problemText(quoted, t, context.storeLocale, quote?.currency ?? '');
  const blocking = blocks(quoted);
  const ProblemIcon = blocking ? CircleAlert : Info;
  return (
    <article className={`${styles.card} ${blocking ? styles.blocked : ''}`} aria-label={quoted.name}>
      <div className={styles.top}>
        <ProductImage path={quoted.image} className={styles.image} />
        <div className={styles.identity}>
          <p className={styles.brand}>{quoted.brand}</p>
          <h3 className={styles.name}>{quoted.name}</h3>
          <p className={styles.variant}>{t('bag.variant', { colour: quoted.colour.name, size: quoted.size })}</p>
          {quote ? (
            <p className={styles.price}>
              {linePrice({ unitPriceMinor: quoted.unitPriceMinor, quantity: line.quantity }, quote.currency, context.storeLocale)}
              {line.quantity > 1 ? (
                <span className={styles.each}>{t('bag.each', { price: linePrice({ unitPriceMinor: quoted.unitPriceMinor, quantity: 1 }, quote.currency, context.storeLocale) })}</span>
              ) : null}
            </p>
          ) : null}
          <div className={styles.controls}>
            <QuantityStepper name={quoted.name} quantity={line.quantity} max={Math.max(quoted.available, 1)} onChange={onQuantity} />
            <button type="button" className={styles.remove} onClick={onRemove} aria-label={t('bag.removeNamed', { name: quoted.name })}>
              <Trash2 aria-hidden="true" />
              <span aria-hidden="true">{t('bag.remove')}</span>
            </button>
          </div>
        </div>
      </div>

      {problem ? (
        <p className={`${styles.problem} ${blocking ? styles.problemBlocking : ''}`} role={blocking ? 'alert' : undefined}>
          <ProblemIcon aria-hidden="true" />
          <span>
            {problem}
            {blocking && quoted.options.length > 0 ? ` ${t('bag.problem.chooseAnother')}` : null}
          </span>
        </p>
      ) : null}

      {quoted.options.length > 0 ? (
        <div className={styles.ways}>
          <p className={styles.waysHeading}>{t('bag.how')}</p>
          <FulfilmentChooser
            label={t('bag.howFor', { name: quoted.name })}
            options={quoted.options}
            current={line.fulfilment}
            quote={quote}
            context={context}
            onChoose={onFulfilment}
          />
        </div>
      ) : null}
    </article>
  );
}
