import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, type Language } from '../../../../shared/languages';
import styles from './LanguagePicker.module.css';

interface LanguagePickerProps {
  languages: readonly Language[];
  current: Language;
  onChoose(language: Language): void;
}

/** Each language named in itself, so a shopper finds theirs whatever is on screen now. */
export function LanguagePicker({ languages, current, onChoose }: LanguagePickerProps) {
  const { t } = useTranslation();
  return (
    <nav className={styles.picker} aria-label={t('language.label')}>
      <Languages className={styles.glyph} aria-hidden="true" />
      <ul className={styles.list}>
        {languages.map((language) => (
          <li key={language}>
            <button
              type="button"
              lang={language}
              className={styles.option}
              aria-pressed={language === current}
              onClick={(event) => {
                event.stopPropagation();
                onChoose(language);
              }}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
