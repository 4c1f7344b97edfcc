import { ChevronDown, SlidersHorizontal, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryTile, SearchOutput } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { selectRoute, useSessionStore } from '../session/sessionStore';
import { Chip, Swatch } from './Chip';
import { FilterSheet, type FilterSection } from './FilterSheet';
import { useSearchStore } from './searchStore';
import { useFacets } from './useFacets';
import styles from './FilterBar.module.css';

interface FilterBarProps {
  categories: readonly CategoryTile[];
  language: Language;
}

/**
 * The category whose sizes and colours to offer: the chosen one, or else the one every result belongs to
 * ("jeans" typed finds only jeans: offer waist and length, not shoe sizes). Judged only when every result
 * is loaded: a later page may hold another category.
 */
function facetCategory(chosen: string | null, result: SearchOutput | null): string | null {
  if (chosen || !result || result.items.length === 0 || result.items.length < result.total) return chosen;
  const first = result.items[0]?.category.id ?? null;
  return result.items.every((item) => item.category.id === first) ? first : null;
}

/**
 * The filters above the results: categories as a row of chips, then size and colour, each opening a
 * sheet of large chips; what is on shows as chips that take it off again.
 */
export function FilterBar({ categories, language }: FilterBarProps) {
  const { t } = useTranslation();
  const category = useSearchStore((state) => state.category);
  const sizes = useSearchStore((state) => state.sizes);
  const colours = useSearchStore((state) => state.colours);
  const result = useSearchStore((state) => state.result);
  const { setCategory, toggleSize, toggleColour, clearFilters } = useSearchStore.getState();
  const facets = useFacets(facetCategory(category, result), language);
  const [sheet, setSheet] = useState<{ section: FilterSection; opener: HTMLElement } | null>(null);
  // A scan can open a product while the sheet is up: the sheet closes rather than float over the product.
  useEffect(
    () =>
      useSessionStore.subscribe((state) => {
        if (selectRoute(state).name !== 'start') setSheet(null);
      }),
    [],
  );
  const colourOf = (code: string) => facets?.colours.find((colour) => colour.code === code);

  return (
    <div className={styles.bar}>
      <div className={styles.row} role="group" aria-label={t('filters.categories')}>
        <Chip pressed={category === null} onClick={() => setCategory(null, language)}>
          {t('filters.allCategories')}
        </Chip>
        {categories.map((tile) => (
          <Chip key={tile.id} pressed={category === tile.id} onClick={() => setCategory(category === tile.id ? null : tile.id, language)}>
            {tile.name}
          </Chip>
        ))}
      </div>

      <div className={styles.row} role="group" aria-label={t('filters.label')}>
        <Chip
          leading={<SlidersHorizontal className={styles.glyph} aria-hidden="true" />}
          aria-haspopup="dialog"
          onClick={(event) => setSheet({ section: 'size', opener: event.currentTarget })}
          disabled={!facets || facets.sizes.length === 0}
        >
          {sizes.length > 0 ? t('filters.sizeCount', { number: sizes.length }) : t('filters.size')}
          <ChevronDown className={styles.chevron} aria-hidden="true" />
        </Chip>
        <Chip aria-haspopup="dialog" onClick={(event) => setSheet({ section: 'colour', opener: event.currentTarget })} disabled={!facets || facets.colours.length === 0}>
          {colours.length > 0 ? t('filters.colourCount', { number: colours.length }) : t('filters.colour')}
          <ChevronDown className={styles.chevron} aria-hidden="true" />
        </Chip>
        {sizes.map((size) => (
          <Chip key={`size-${size}`} className={styles.active} aria-label={t('filters.remove', { name: size })} onClick={() => toggleSize(size, language)}>
            {size}
            <X className={styles.glyph} aria-hidden="true" />
          </Chip>
        ))}
        {colours.map((code) => {
          const colour = colourOf(code);
          const name = colour?.name ?? code;
          return (
            <Chip
              key={`colour-${code}`}
              className={styles.active}
              leading={colour ? <Swatch hex={colour.hex} /> : null}
              aria-label={t('filters.remove', { name })}
              onClick={() => toggleColour(code, language)}
            >
              {name}
              <X className={styles.glyph} aria-hidden="true" />
            </Chip>
          );
        })}
        {sizes.length + colours.length > 1 ? (
          <button type="button" className={styles.clear} onClick={() => clearFilters(language)}>
            {t('filters.clear')}
          </button>
        ) : null}
      </div>

      {sheet && facets ? (
        <FilterSheet section={sheet.section} facets={facets} language={language} opener={sheet.opener} onClose={() => setSheet(null)} />
      ) : null}
    </div>
  );
}
