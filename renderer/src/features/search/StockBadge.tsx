import { CircleSlash, MapPin, Store, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { StockStatus } from '../../../../shared/api/catalog';
import styles from './StockBadge.module.css';

const ICONS = { here: Store, nearby: MapPin, online: Truck, soldout: CircleSlash } as const;

/** Stock status in words and an icon, never colour alone. */
export function StockBadge({ status }: { status: StockStatus }) {
  const { t } = useTranslation();
  const Icon = ICONS[status];
  return (
    <span className={`${styles.badge} ${styles[status]}`}>
      <Icon aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}
