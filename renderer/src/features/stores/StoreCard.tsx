import { ChevronDown, Clock, MapPin, Navigation, PackageCheck, Phone } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStock } from '../../../../shared/api/shopper';
import { Button } from '../../app/ui/Button';
import { openState, type LocalTime } from './storeHours';
import { dayHoursText, formatDistance, openStateText, weekdayLabel, type StoreLocale } from './storeText';
import styles from './StoreCard.module.css';

interface StoreCardProps {
  store: StoreStock;
  local: LocalTime;
  locale: StoreLocale;
  /** A store other than this one: the shopper can ask for the variant to be held there. */
  onHold?: () => void;
}

/**
 * One store that has the variant: where it is, how far, whether it is open now (in words and an icon),
 * and the week's hours one tap away.
 */
export function StoreCard({ store, local, locale, onHold }: StoreCardProps) {
  const { t } = useTranslation();
  const [week, setWeek] = useState(false);
  const weekId = useId();
  const state = openState(store, local);
  const open = state.kind === 'open';

  return (
    <article className={`${styles.card} ${store.here ? styles.home : ''}`} aria-label={store.name}>
      <div className={styles.top}>
        <div className={styles.titles}>
          {store.here ? <p className={styles.tag}>{t('stores.thisStore')}</p> : null}
          <h3 className={styles.name}>{store.name}</h3>
        </div>
        <p className={styles.distance}>
          {store.here ? (
            <>
              <MapPin aria-hidden="true" />
              {t('stores.youAreHere')}
            </>
          ) : (
            <>
              <Navigation aria-hidden="true" />
              {t('stores.away', { distance: formatDistance(store.distanceKm, locale.storeLocale) })}
            </>
          )}
        </p>
      </div>

      <p className={styles.address}>{[store.address, `${store.postalCode} ${store.city}`.trim()].filter(Boolean).join(', ')}</p>

      <p className={`${styles.open} ${open ? styles.isOpen : styles.isClosed}`}>
        <Clock aria-hidden="true" />
        {openStateText(state, t, locale)}
      </p>
      <p className={styles.todayHours}>{t('stores.hours.todayHours', { hours: dayHoursText(store.today, t, locale) })}</p>

      <p className={styles.stock}>
        <PackageCheck aria-hidden="true" />
        {store.quantity === 1 ? t('stores.lastOne') : t('stores.inStock')}
      </p>
      {store.here ? <p className={styles.note}>{t('stores.hereBody')}</p> : null}

      <div className={styles.actions}>
        <button type="button" className={styles.weekToggle} aria-expanded={week} aria-controls={weekId} onClick={() => setWeek((shown) => !shown)}>
          {t('stores.hours.show')}
          <ChevronDown className={styles.chevron} aria-hidden="true" />
        </button>
        {onHold ? (
          <Button variant="secondary" onClick={onHold}>
            {t('stores.hold')}
          </Button>
        ) : null}
      </div>

      <div id={weekId} className={styles.week} hidden={!week}>
        <table className={styles.hours}>
          <tbody>
            {store.openingHours.map((hours, day) => (
              <tr key={day} className={day === local.day ? styles.today : undefined} aria-current={day === local.day ? 'date' : undefined}>
                <th scope="row">
                  {weekdayLabel(day, locale.language)}
                  {day === local.day ? <span className={styles.todayTag}>{t('stores.hours.today')}</span> : null}
                </th>
                <td>{dayHoursText(hours, t, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {store.phone ? (
          <p className={styles.phone}>
            <Phone aria-hidden="true" />
            {t('stores.phone', { phone: store.phone })}
          </p>
        ) : null}
      </div>
    </article>
  );
}
