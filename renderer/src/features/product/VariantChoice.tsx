import { ArrowRight, MapPin, Truck } from 'lucide-react';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { formatDistance } from '../stores/storeText';
import { OrderNote, type OrderOption } from './OrderNote';
import type { OtherColour, SizeCell } from './sizeGrid';
import { STATUS_ICONS, UNKNOWN_ICON } from './statusIcons';
import styles from './VariantChoice.module.css';

interface VariantChoiceProps {
  cell: SizeCell;
  productName: string;
  styleCode: string;
  colourName: string;
  storeLocale: string;
  /** The same size in other colours, best first: offered when they are easier to get than this one. */
  otherColours: readonly OtherColour[];
  onStores(sku: string): void;
  onOtherColour(other: OtherColour): void;
}

const RANK = { here: 0, nearby: 1, online: 2, soldout: 3 } as const;

/**
 * The chosen size, and where to get it. Missing here, it leads with what the shopper can do now: order
 * online with free delivery, or have the nearest store hold it. Those flows come with the orders work;
 * until then each button says honestly that staff place the order, and offers to call them.
 */
export const VariantChoice = forwardRef<HTMLElement, VariantChoiceProps>(function VariantChoice(
  { cell, productName, styleCode, colourName, storeLocale, otherColours, onStores, onOtherColour },
  ref,
) {
  const { t } = useTranslation();
  const [note, setNote] = useState<OrderOption | null>(null);
  const Icon = cell.status ? STATUS_ICONS[cell.status] : UNKNOWN_ICON;
  const sku = cell.sku;
  if (sku === null) return null;

  const nearest = cell.nearest;
  const distance = nearest ? formatDistance(nearest.distanceKm, storeLocale) : '';
  const missingHere = cell.status === 'nearby' || cell.status === 'online';
  const canOrderOnline = missingHere && cell.online > 0;
  const canHold = cell.status === 'nearby' && nearest !== null;
  const easier = cell.status === null ? [] : otherColours.filter((other) => RANK[other.status] < RANK[cell.status ?? 'soldout']);

  return (
    <section ref={ref} className={`${styles.choice} ${styles[cell.status ?? 'unknown']}`} aria-labelledby="product-choice-heading" aria-live="polite">
      <h2 id="product-choice-heading" className={styles.heading}>
        {t('product.choice.heading', { size: cell.size, colour: colourName })}
      </h2>
      <p className={styles.status}>
        <Icon className={styles.icon} aria-hidden="true" />
        <span>{statusLine(cell, t)}</span>
      </p>
      {nearest && cell.status === 'nearby' ? (
        <p className={styles.nearest}>
          {nearest.openNow
            ? t('product.choice.nearestOpen', { store: nearest.name, distance })
            : t('product.choice.nearestClosed', { store: nearest.name, distance })}
        </p>
      ) : null}

      {canOrderOnline || canHold ? (
        <div className={styles.actions}>
          {canOrderOnline ? (
            <Button variant="primary" icon={<Truck />} onClick={() => setNote({ kind: 'online' })}>
              {t('product.choice.orderOnline')}
            </Button>
          ) : null}
          {canHold ? (
            <Button variant={canOrderOnline ? 'secondary' : 'primary'} icon={<MapPin />} onClick={() => setNote({ kind: 'hold', store: nearest.name })}>
              {t('product.choice.holdAt', { store: nearest.name, distance })}
            </Button>
          ) : null}
        </div>
      ) : null}
      {easier.length > 0 ? (
        <div className={styles.others}>
          <p className={styles.othersHeading}>{t('product.choice.otherColours')}</p>
          <ul className={styles.othersList}>
            {easier.map((other) => {
              const OtherIcon = STATUS_ICONS[other.status];
              return (
                <li key={other.sku}>
                  <Button variant="secondary" className={styles.other} onClick={() => onOtherColour(other)}>
                    <span className={`${styles.otherLabel} ${styles[other.status]}`}>
                      <OtherIcon aria-hidden="true" />
                      {other.status === 'here'
                        ? t('product.choice.colourHere', { colour: other.name })
                        : other.status === 'nearby'
                          ? t('product.choice.colourNearby', { colour: other.name })
                          : t('product.choice.colourOnline', { colour: other.name })}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {cell.status === 'here' || cell.nearbyCount > 0 ? (
        <Button variant="quiet" className={styles.stores} icon={<ArrowRight />} onClick={() => onStores(sku)}>
          {cell.status === 'here' ? t('product.choice.otherStores') : t('product.choice.allStores')}
        </Button>
      ) : null}

      {note ? (
        <OrderNote
          option={note}
          productName={productName}
          styleCode={styleCode}
          colourName={colourName}
          size={cell.size}
          onStores={cell.nearbyCount > 0 ? () => onStores(sku) : undefined}
          onClose={() => setNote(null)}
        />
      ) : null}
    </section>
  );
});

function statusLine(cell: SizeCell, t: ReturnType<typeof useTranslation>['t']): string {
  switch (cell.status) {
    case 'here':
      return t('product.choice.here');
    case 'nearby':
      return t('product.choice.nearby', { count: cell.nearbyCount });
    case 'online':
      return t('product.choice.online');
    case 'soldout':
      return t('product.choice.soldout');
    case null:
      return t('product.choice.unknown');
  }
}
