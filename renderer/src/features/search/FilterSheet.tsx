import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FacetsOutput } from '../../../../shared/api/shopper';
import type { Language } from '../../../../shared/languages';
import { Button } from '../../app/ui/Button';
import { useFocusTrap } from '../../app/ui/useFocusTrap';
import { Chip, Swatch } from './Chip';
import { groupSizes } from './sizeGroups';
import { useSearchStore } from './searchStore';
import styles from './FilterSheet.module.css';

export type FilterSection = 'size' | 'colour';

interface FilterSheetProps {
  /** The section the shopper asked for: the sheet opens on it. */
  section: FilterSection;
  facets: FacetsOutput;
  language: Language;
  /** The chip that opened the sheet: the focus goes back to it when the sheet closes. */
  opener: HTMLElement | null;
  onClose(): void;
}

/**
 * Sizes and colours as large chips in a sheet from the bottom. Every tap applies at once (the results
 * behind it change), and the main button says how many products the choice leaves.
 */
export function FilterSheet({ section, facets, language, opener, onClose }: FilterSheetProps) {
  const { t } = useTranslation();
  const sizes = useSearchStore((state) => state.sizes);
  const colours = useSearchStore((state) => state.colours);
  const total = useSearchStore((state) => state.result?.total ?? 0);
  const { toggleSize, toggleColour, clearFilters } = useSearchStore.getState();
  const sectionRef = useRef<HTMLElement>(null);
  const groups = groupSizes(facets.sizes);
  const panel = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  // A modal: Tab stays inside, Escape and the close button give the focus back to the chip that opened it.
  const onKeyDown = useFocusTrap(panel, { initialFocus: () => closeRef.current, onEscape: onClose, returnTo: opener });

  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' });
  }, []);

  return createPortal(
    <div className={styles.scrim} onClick={onClose}>
      <div
        ref={panel}
        className={styles.sheet}
        role="dialog"
        aria-modal="true"
        aria-labelledby="filter-sheet-title"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <header className={styles.header}>
          <h2 id="filter-sheet-title" className={styles.title}>
            {t('filters.title')}
          </h2>
          <button ref={closeRef} type="button" className={styles.close} aria-label={t('filters.close')} onClick={onClose}>
            <X aria-hidden="true" />
          </button>
        </header>

        <div className={styles.body}>
          <section ref={section === 'size' ? sectionRef : undefined} className={styles.section} aria-labelledby="filter-sizes">
            <h3 id="filter-sizes" className={styles.heading}>
              {t('filters.size')}
            </h3>
            {groups.map((group) => (
              <div key={group.kind} className={styles.group}>
                {groups.length > 1 ? <h4 className={styles.groupHeading}>{t(`filters.sizeKind.${group.kind}`)}</h4> : null}
                <div className={styles.chips}>
                  {group.sizes.map((size) => (
                    <Chip key={size} pressed={sizes.includes(size)} onClick={() => toggleSize(size, language)}>
                      {size}
                    </Chip>
                  ))}
                </div>
              </div>
            ))}
          </section>

          <section ref={section === 'colour' ? sectionRef : undefined} className={styles.section} aria-labelledby="filter-colours">
            <h3 id="filter-colours" className={styles.heading}>
              {t('filters.colour')}
            </h3>
            <div className={styles.chips}>
              {facets.colours.map((colour) => (
                <Chip
                  key={colour.code}
                  pressed={colours.includes(colour.code)}
                  leading={<Swatch hex={colour.hex} />}
                  onClick={() => toggleColour(colour.code, language)}
                >
                  {colour.name}
                </Chip>
              ))}
            </div>
          </section>
        </div>

        <footer className={styles.footer}>
          <Button variant="secondary" onClick={() => clearFilters(language)} disabled={sizes.length + colours.length === 0}>
            {t('filters.clear')}
          </Button>
          <Button variant="primary" className={styles.show} onClick={onClose}>
            {t('filters.show', { count: total })}
          </Button>
        </footer>
      </div>
    </div>,
    document.body,
  );
}
