import { useTranslation } from 'react-i18next';
import styles from './SystemScreens.module.css';

/** The backend cannot be reached: never a blank screen; the system store keeps retrying behind it. */
export function UnavailableScreen() {
  const { t } = useTranslation();
  return (
    <main className={styles.screen}>
      <div className={styles.ring} aria-hidden="true" />
      <h1 className={styles.title}>{t('unavailable.title')}</h1>
      <p className={styles.body}>{t('unavailable.body')}</p>
    </main>
  );
}
