import { ArrowRight, MapPin, ShoppingBag, Truck } from 'lucide-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../app/ui/Button';
import { useAddToBag } from '../bag/AddToBag';
import type { OrderContext } from '../bag/orderWords';
import { formatDistance } from '../stores/storeText';
import type { OtherColour, SizeCell } from './sizeGrid';
import { STATUS_ICONS, UNKNOWN_ICON } from './statusIcons';
import styles from './VariantChoice.module.css';

interface VariantChoiceProps {
  cell: SizeCell;
  styleCode: string;
  colourName: string;
  /** The shopper's language and the store's locale and clock, for the bag's answer. */
  context: OrderContext;
  /** The same size in other colours, best first: offered when they are easier to get than this one. */
  otherColours: readonly OtherColour[];
  onStores(sku: string): void;
  onOtherColour(other: OtherColour): void;
}

const RANK = { here: 0, nearby: 1, online: 2, soldout: 3 } as const;

/**
 * The chosen size, and where to get it. Missing here, it leads with what the shopper can do now: order
 * online with free delivery, or have the nearest store hold it; here, into the bag (staff bring it, or
 * it is on the shelf), or delivered home. Each goes into the bag, checked with the core first.
 */
export const VariantChoice = forwardRef<HTMLElement, VariantChoiceProps>(function VariantChoice(
  { cell, styleCode, colourName, context, otherColours, onStores, onOtherColour },
  ref,
) {
  const { t } = useTranslation();
  const bag = useAddToBag(context);
  const Icon = cell.status ? STATUS_ICONS[cell.status] : UNKNOWN_ICON;
  const sku = cell.sku;
  if (sku === null) return null;

  const nearest = cell.nearest;
  const distance = nearest ? formatDistance(nearest.distanceKm, context.storeLocale) : '';
  const missingHere = cell.status === 'nearby' || cell.status === 'online';
  const canOrderOnline = missingHere && cell.online > 0;
  const canHold = cell.status === 'nearby' && nearest !== null;
  const canTakeHere = cell.status === 'here';
  const canDeliverHere = canTakeHere && cell.online > 0;
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

      {canOrderOnline || canHold || canTakeHere ? (
        <div className={styles.actions}>
          {canTakeHere ? (
            <Button variant="primary" icon={<ShoppingBag />} disabled={bag.busy} onClick={() => bag.add({ sku, styleCode, fulfilment: { kind: 'in-store' } })}>
              {t('bag.add.here')}
            </Button>
          ) : null}
          {canDeliverHere ? (
            <Button variant="secondary" icon={<Truck />} disabled={bag.busy} onClick={() => bag.add({ sku, styleCode, fulfilment: { kind: 'delivery' } })}>
              {t('bag.add.deliver')}
            </Button>
          ) : null}
          {canOrderOnline ? (
            <Button variant="primary" icon={<Truck />} disabled={bag.busy} onClick={() => bag.add({ sku, styleCode, fulfilment: { kind: 'delivery' } })}>
              {t('product.choice.orderOnline')}
            </Button>
          ) : null}
          {canHold ? (
            <Button
              variant={canOrderOnline ? 'secondary' : 'primary'}
              icon={<MapPin />}
              disabled={bag.busy}
              onClick={() => bag.add({ sku, styleCode, fulfilment: { kind: 'hold', store: nearest.code } })}
            >
              {nearest.openNow ? t('bag.add.holdOpen', { store: nearest.name, distance }) : t('bag.add.holdClosed', { store: nearest.name, distance })}
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

      {bag.sheet}
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
