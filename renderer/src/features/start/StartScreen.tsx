import { RotateCcw, Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryTile } from '../../../../shared/api/catalog';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { ProductImage } from '../../app/ui/ProductImage';
import { LanguagePicker } from '../language/LanguagePicker';
import { ResultList } from '../search/ResultList';
import { useSearchStore } from '../search/searchStore';
import { FreshnessLine } from '../sync/FreshnessLine';
import { useCatalogChanged } from '../sync/useLiveCatalog';
import styles from './StartScreen.module.css';

interface StartScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/**
 * Where a session begins: search as you type and the categories to browse. The on-screen keyboard,
 * filters and product pages come with the shopper's journey (issue 5).
 */
export function StartScreen({ info, language, onChooseLanguage, onStartOver }: StartScreenProps) {
  const { t } = useTranslation();
  const { text, category, result, error, setText, setCategory, refresh, revalidate } = useSearchStore();
  const [categories, setCategories] = useState<CategoryTile[]>([]);
  // Bumped when HQ changes the catalog, so the categories are read again.
  const [catalogVersion, setCatalogVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void kiosk.catalog.categories({ lang: language }).then((answer) => {
      if (current && answer.ok) setCategories(answer.value);
    });
    return () => {
      current = false;
    };
  }, [language, catalogVersion]);

  useEffect(() => {
    refresh(language);
  }, [language, refresh]);

  useCatalogChanged(() => {
    setCatalogVersion((version) => version + 1);
    void revalidate(language);
  });

  const searching = text.trim() !== '' || category !== null;
  const categoryName = categories.find((c) => c.id === category)?.name;

  return (
    <main className={styles.screen}>
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
        <Button variant="secondary" icon={<RotateCcw />} onClick={onStartOver}>
          {t('common.startOver')}
        </Button>
      </header>

      <section className={styles.top}>
        <h1 className={styles.heading}>{t('start.heading')}</h1>
        <div className={styles.searchField}>
          <Search className={styles.searchIcon} aria-hidden="true" />
          <input
            type="search"
            className={styles.input}
            value={text}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="search"
            onChange={(event) => setText(event.target.value, language)}
          />
          {text ? (
            <button type="button" className={styles.clear} aria-label={t('search.clear')} onClick={() => setText('', language)}>
              <X aria-hidden="true" />
            </button>
          ) : null}
        </div>
        <FreshnessLine language={language} storeLocale={info.locale} />
        {category ? (
          <div className={styles.activeFilter}>
            <Button variant="secondary" icon={<X />} onClick={() => setCategory(null, language)} aria-label={t('search.removeCategory', { category: categoryName })}>
              {categoryName}
            </Button>
          </div>
        ) : null}
      </section>

      <section className={styles.content} aria-live="polite">
        {!searching ? (
          <>
            <p className={styles.lead}>{t('start.lead')}</p>
            <ul className={styles.categories}>
              {categories.map((tile) => (
                <li key={tile.id}>
                  <button type="button" className={styles.tile} onClick={() => setCategory(tile.id, language)}>
                    <ProductImage path={tile.image} className={styles.tileImage} />
                    <span className={styles.tileName}>{tile.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : error ? (
          <p className={styles.message}>{t(`errors.${error}`)}</p>
        ) : result ? (
          <>
            <p className={styles.count}>
              {result.corrected ? t('search.showingFor', { text: result.corrected }) + ' · ' : ''}
              {t('search.results', { count: result.total })}
            </p>
            {result.total === 0 ? (
              <p className={styles.message}>{t('search.noResults')}</p>
            ) : (
              <ResultList result={result} language={language} locale={info.locale} />
            )}
          </>
        ) : null}
      </section>

      <footer className={styles.footer}>
        <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
      </footer>
    </main>
  );
}
