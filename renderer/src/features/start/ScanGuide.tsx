import { useTranslation } from 'react-i18next';
import { ScanIllustration } from './ScanIllustration';
import styles from './ScanGuide.module.css';

/** How to use the scanner, shown until the shopper starts searching: the fastest way to a product. */
export function ScanGuide() {
  const { t } = useTranslation();
  return (
    <section className={styles.guide} aria-labelledby="scan-guide-title">
      <ScanIllustration className={styles.illustration} />
      <div className={styles.text}>
        <h2 id="scan-guide-title" className={styles.title}>
          {t('start.scanTitle')}
        </h2>
        <p className={styles.body}>{t('start.scanBody')}</p>
      </div>
    </section>
  );
}
