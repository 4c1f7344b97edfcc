import { RotateCcw } from 'lucide-react';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryTile } from '../../../../shared/api/catalog';
import type { ReadySystemInfo } from '../../../../shared/api/system';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { Wordmark } from '../../app/Wordmark';
import { Button } from '../../app/ui/Button';
import { HeaderActions } from '../bag/BagButton';
import { HideKeyboardButton } from '../keyboard/HideKeyboardButton';
import { OnScreenKeyboard } from '../keyboard/OnScreenKeyboard';
import { LanguagePicker } from '../language/LanguagePicker';
import { OfferBand } from '../offers/OfferBand';
import { BarcodeScanner } from '../scanner/BarcodeScanner';
import { looksLikeBarcode } from '../scanner/barcode';
import { useScannerStore } from '../scanner/scannerStore';
import { FilterBar } from '../search/FilterBar';
import { NoResults } from '../search/NoResults';
import { ResultGrid } from '../search/ResultGrid';
import { SearchField } from '../search/SearchField';
import { hasQuery } from '../search/searchQuery';
import { useSearchStore } from '../search/searchStore';
import { FreshnessLine } from '../sync/FreshnessLine';
import { useCatalogChanged } from '../sync/useLiveCatalog';
import { CategoryTiles } from './CategoryTiles';
import { ScanGuide } from './ScanGuide';
import styles from './StartScreen.module.css';

interface StartScreenProps {
  info: ReadySystemInfo;
  language: Language;
  onChooseLanguage(language: Language): void;
  onStartOver(): void;
}

/**
 * Where a session begins and searching happens: a big search field with the pillar's own keyboard,
 * the scanner's guidance and the categories; then the results with their filters. Memoised: it stays
 * mounted under a product page, and opening one (a tap on a card) must not draw the results again.
 */
export const StartScreen = memo(function StartScreen({ info, language, onChooseLanguage, onStartOver }: StartScreenProps) {
  const { t } = useTranslation();
  const text = useSearchStore((state) => state.text);
  const searching = useSearchStore(hasQuery);
  const result = useSearchStore((state) => state.result);
  const error = useSearchStore((state) => state.error);
  const focusRequest = useSearchStore((state) => state.focusRequest);
  const { setText, refresh, revalidate } = useSearchStore.getState();
  const [categories, setCategories] = useState<CategoryTile[]>([]);
  // Bumped when HQ changes the catalog, so the categories are read again.
  const [catalogVersion, setCatalogVersion] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  // The keyboard shows while the field has the focus (its keys never take it).
  const [typing, setTyping] = useState(false);

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

  useEffect(() => {
    if (focusRequest > 0) field.current?.focus();
  }, [focusRequest]);

  useCatalogChanged(() => {
    setCatalogVersion((version) => version + 1);
    void revalidate(language);
  });

  /** Search (the keyboard's key or Enter): done typing; a typed barcode number is looked up like a scan. */
  const submit = (): void => {
    field.current?.blur();
    // The store, not this render's text: a physical keyboard's last letters may have landed a moment ago.
    const typed = useSearchStore.getState().text;
    if (looksLikeBarcode(typed)) void useScannerStore.getState().lookUp(typed);
  };

  const count = result ? t('search.results', { count: result.total }) : '';

  return (
    <main className={[styles.screen, searching ? styles.searching : null].filter(Boolean).join(' ')}>
      <header className={styles.header}>
        <Wordmark brand={info.branding.name} store={info.store.name} />
        <HeaderActions>
          <Button variant="secondary" icon={<RotateCcw />} onClick={onStartOver}>
            {t('common.startOver')}
          </Button>
        </HeaderActions>
      </header>

      <section className={styles.top}>
        <h1 className={searching ? styles.visuallyHidden : styles.heading}>{t('start.heading')}</h1>
        <SearchField
          ref={field}
          value={text}
          onText={(value) => setText(value, language)}
          onSubmit={submit}
          onFocusChange={setTyping}
        />
        <FreshnessLine language={language} storeLocale={info.locale} />
        {searching ? <FilterBar categories={categories} language={language} /> : null}
      </section>

      <section className={styles.content} aria-busy={searching && !result && !error}>
        {!searching ? (
          <div className={styles.browse}>
            <OfferBand language={language} locale={info.locale} currency={info.currency} />
            <ScanGuide />
            <h2 className={styles.subheading}>{t('start.browse')}</h2>
            <CategoryTiles categories={categories} language={language} />
          </div>
        ) : error ? (
          <p className={styles.message}>{t(`errors.${error}`)}</p>
        ) : result?.total === 0 ? (
          <div className={styles.scroll}>
            <NoResults categories={categories} language={language} />
          </div>
        ) : result ? (
          <>
            {/* The count is announced with each answer; the grid is not a live region (rows come and go as it scrolls). */}
            <p className={styles.count} role="status">
              {result.corrected ? (
                <>
                  {t('search.showingFor', { text: result.corrected })}
                  <span aria-hidden="true">{' · '}</span>
                </>
              ) : null}
              {count}
            </p>
            <ResultGrid result={result} language={language} locale={info.locale} label={count} />
          </>
        ) : null}
      </section>

      {typing ? (
        // The strip under the keys ("Hide keyboard") keeps the call-staff button in the corner clear of every key.
        <OnScreenKeyboard
          className={styles.keyboard}
          language={language}
          field={field}
          onText={(value) => setText(value, language)}
          onSearch={submit}
          footer={<HideKeyboardButton field={field} />}
        />
      ) : (
        <footer className={styles.footer}>
          <LanguagePicker languages={info.languages} current={language} onChoose={onChooseLanguage} />
        </footer>
      )}
      <BarcodeScanner />
    </main>
  );
});
