import { RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { LanguagePicker } from '../language/LanguagePicker';
import styles from './StartScreen.module.css';

interface StartScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/** Where a session begins. Search, scanning and categories arrive with the catalog (issues 3 and 5). */
export function StartScreen({ info, language, onChooseLanguage, onStartOver }: StartScreenProps) {
  const { t } = useTranslation();
  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
        <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
      </header>
      <section className={styles.body}>
        <h1 className={styles.heading}>{t('start.heading')}</h1>
        <p className={styles.lead}>{t('start.lead')}</p>
      </section>
      <footer className={styles.footer}>
        <Button variant="secondary" icon={<RotateCcw />} onClick={onStartOver}>
          {t('common.startOver')}
        </Button>
      </footer>
    </main>
  );
}
