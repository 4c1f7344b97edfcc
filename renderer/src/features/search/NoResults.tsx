import { SearchX } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryTile } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { ProductImage } from '../../app/ui/ProductImage';
import { searchInput, type Query } from './searchQuery';
import { useSearchStore } from './searchStore';
import { broaderQueries, type Suggestion } from './suggestions';
import styles from './NoResults.module.css';

interface NoResultsProps {
  categories: readonly CategoryTile[];
  language: Language;
}

/**
 * Nothing found, said kindly, and never a dead end: broader searches that do find something (with how
 * many), and the categories to browse.
 */
export function NoResults({ categories, language }: NoResultsProps) {
  const { t } = useTranslation();
  const text = useSearchStore((state) => state.text);
  const category = useSearchStore((state) => state.category);
  const sizes = useSearchStore((state) => state.sizes);
  const colours = useSearchStore((state) => state.colours);
  const query = useMemo<Query>(() => ({ text, category, sizes, colours }), [text, category, sizes, colours]);
  const offers = useWorkingSuggestions(query, language);
  const words = text.trim();
  const categoryName = (id: string | null) => categories.find((c) => c.id === id)?.name ?? '';

  const label = (suggestion: Suggestion, count: number): string => {
    if (suggestion.kind === 'word') return t('search.tryWord', { word: suggestion.word, count });
    if (suggestion.kind === 'withoutCategory') return t('search.tryAllCategories', { text: words, count });
    return t('search.tryWithoutFilters', { count });
  };

  return (
    <div className={styles.panel}>
      <SearchX className={styles.icon} aria-hidden="true" />
      <h2 className={styles.title}>
        {words ? t('search.noResultsFor', { text: words }) : t('search.noResultsFiltered', { category: categoryName(query.category) })}
      </h2>
      <p className={styles.body}>{t('search.noResults')}</p>

      {offers.length > 0 ? (
        <ul className={styles.suggestions}>
          {offers.map(({ suggestion, count }) => (
            <li key={`${suggestion.kind}/${suggestion.word ?? ''}`}>
              <button type="button" className={styles.suggestion} onClick={() => useSearchStore.getState().setQuery(suggestion.query, language)}>
                {label(suggestion, count)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {categories.length > 0 ? (
        <>
          <h3 className={styles.browse}>{t('search.browseInstead')}</h3>
          <ul className={styles.categories}>
            {categories.map((tile) => (
              <li key={tile.id}>
                <button
                  type="button"
                  className={styles.tile}
                  onClick={() => useSearchStore.getState().setQuery({ text: '', category: tile.id, sizes: [], colours: [] }, language)}
                >
                  <ProductImage path={tile.image} className={styles.tileImage} />
                  <span className={styles.tileName}>{tile.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The broader queries that find something, with how many; tried quietly, a page of one each. */
function useWorkingSuggestions(query: Query, language: Language): { suggestion: Suggestion; count: number }[] {
  const [found, setFound] = useState<{ for: Query | null; offers: { suggestion: Suggestion; count: number }[] }>({ for: null, offers: [] });
  useEffect(() => {
    let current = true;
    const candidates = broaderQueries(query);
    void Promise.all(
      candidates.map(async (suggestion) => {
        const answer = await kiosk.catalog.search(searchInput(suggestion.query, language, 1));
        return { suggestion, count: answer.ok ? answer.value.total : 0 };
      }),
    ).then((tried) => {
      if (current) setFound({ for: query, offers: tried.filter((offer) => offer.count > 0) });
    });
    return () => {
      current = false;
    };
  }, [query, language]);
  return found.for === query ? found.offers : [];
}
