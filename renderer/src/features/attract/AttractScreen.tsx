import { ArrowRight, MapPin, Store, Truck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { LanguagePicker } from '../language/LanguagePicker';
import { AttractIllustration } from './AttractIllustration';
import styles from './AttractScreen.module.css';

interface AttractScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStart(): void;
}

/** The idle loop: who we are, what the pillar does for you, and one big way in — touching anywhere. */
export function AttractScreen({ info, language, onChooseLanguage, onStart }: AttractScreenProps) {
  const { t } = useTranslation();
  return (
    <main className={styles.screen} onClick={onStart}>
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
      </header>

      <div className={styles.stage}>
        <AttractIllustration className={styles.illustration} />
      </div>

      <section className={styles.hero}>
        <p className={styles.welcome}>{t('attract.welcome', { store: info.store.name })}</p>
        <h1 className={styles.headline}>{t('attract.headline')}</h1>
        <p className={styles.subline}>{t('attract.subline')}</p>
        <ul className={styles.promises}>
          <li>
            <Store aria-hidden="true" />
            {t('attract.promiseHere')}
          </li>
          <li>
            <MapPin aria-hidden="true" />
            {t('attract.promiseNearby')}
          </li>
          <li>
            <Truck aria-hidden="true" />
            {t('attract.promiseOnline')}
          </li>
        </ul>
      </section>

      {/* Language and the way in sit low, in reach from a wheelchair as well as standing. */}
      <footer className={styles.footer}>
        <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
        <Button
          variant="primary"
          size="hero"
          className={styles.cta}
          icon={<ArrowRight />}
          onClick={(event) => {
            event.stopPropagation();
            onStart();
          }}
        >
          {t('attract.cta')}
        </Button>
      </footer>
    </main>
  );
}
