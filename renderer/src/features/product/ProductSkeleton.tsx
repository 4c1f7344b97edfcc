import { useTranslation } from 'react-i18next';
import styles from './ProductSkeleton.module.css';

/** The page's shape while it loads (only after a short wait): calm blocks where things will be, no spinner. */
export function ProductSkeleton() {
  const { t } = useTranslation();
  return (
    <div className={styles.skeleton} role="status" aria-label={t('product.loading')}>
      <div className={styles.gallery} />
      <div className={`${styles.line} ${styles.brand}`} />
      <div className={styles.title} />
      <div className={`${styles.line} ${styles.price}`} />
      <div className={styles.tiles}>
        {Array.from({ length: 6 }, (_, at) => (
          <div key={at} className={styles.tile} />
        ))}
      </div>
    </div>
  );
}
