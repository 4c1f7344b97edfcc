import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ProductCard, SearchOutput } from '../../../../shared/api/catalog';
import type { Language } from '../../../../shared/languages';
import { useStockChanged } from '../sync/useLiveCatalog';
import { columnsFor, itemsOfRow, needsNextPage, rowCount } from './gridRows';
import { ProductCardView } from './ProductCardView';
import { useSearchStore } from './searchStore';
import styles from './ResultGrid.module.css';

interface ResultGridProps {
  result: SearchOutput;
  language: Language;
  locale: string;
  /** Names the grid for assistive technology (e.g. "102 products"). */
  label: string;
}

/** Rows drawn beyond the screen each way, so a fling never shows a blank row. */
const OVERSCAN_ROWS = 2;

/**
 * The results grid. `?grid=plain` in the page's address draws every loaded card instead of only those
 * near the screen: the benchmark's alternative (`npm run bench -- ui`), which shows what virtualising is
 * worth. The pillar itself never has it in its address.
 */
export function ResultGrid(props: ResultGridProps) {
  return new URLSearchParams(window.location.search).get('grid') === 'plain' ? <PlainGrid {...props} /> : <VirtualGrid {...props} />;
}

/**
 * The results as a virtualised grid: only the rows near the screen are in the page, so a thousand
 * results scroll as smoothly as ten. The next page is fetched as the shopper nears the end, and cards
 * stay live: when stock moves for a product on screen, its card re-reads itself in place.
 */
function VirtualGrid({ result, language, locale, label }: ResultGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useColumns(scrollRef);
  const loadingMore = useSearchStore((state) => state.loadingMore);
  const colours = useSearchStore((state) => state.colours);
  const { items, total } = result;
  const rows = rowCount(items.length, columns, total);
  // Where the shopper is in the grid. The start screen is hidden (display: none) under a product page,
  // which loses an element's scroll position: it is kept here and put back when the grid shows again.
  const offset = useRef(useSearchStore.getState().scrollTop);

  // This build does not use the React Compiler, which is what the rule guards: the virtualiser re-renders the grid itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight(scrollRef.current, columns),
    overscan: OVERSCAN_ROWS,
    // Rows move by the virtualiser's own writes while the rows on screen stay the same, and React draws
    // only when rows come or go, never inside the scroll event (a frame of software rendering is 16 ms).
    directDomUpdates: true,
    directDomUpdatesMode: 'position',
    useFlushSync: false,
    // "Done scrolling" from the browser's scrollend, not a timer that reads the offset again.
    useScrollendEvent: true,
    // A row is measured by the resize observer after layout, never by asking for a layout as it mounts
    // (that stalled each frame a row entered). Hidden under a product page rows measure 0: they keep
    // the size they had, so the grid keeps its height and the shopper comes back to the very row they left.
    measureElement: (element, entry, instance) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? 0;
      if (height > 0) return Math.round(height);
      const index = Number(element.getAttribute('data-index'));
      return instance.measurementsCache[index]?.size ?? estimateRowHeight(scrollRef.current, columns);
    },
    // The offset as the virtualiser read it for itself (reading it again here would force a layout).
    onChange: (instance) => {
      if ((instance.scrollRect?.height ?? 0) > 0 && instance.scrollOffset !== null) offset.current = instance.scrollOffset;
    },
    // Back from a product page: where the shopper left off.
    initialOffset: () => useSearchStore.getState().scrollTop,
  });
  const visible = virtualizer.getVirtualItems();
  const lastVisibleRow = visible.at(-1)?.index ?? 0;

  useEffect(() => {
    if (!loadingMore && needsNextPage(lastVisibleRow, items.length, columns, total)) {
      void useSearchStore.getState().loadMore(language);
    }
  }, [lastVisibleRow, items.length, columns, total, loadingMore, language]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let hidden = element.clientHeight === 0;
    const observer = new ResizeObserver(([entry]) => {
      const nowHidden = (entry?.contentRect.height ?? 0) === 0;
      if (hidden && !nowHidden) virtualizer.scrollToOffset(offset.current);
      hidden = nowHidden;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      useSearchStore.getState().rememberScroll(offset.current);
    };
  }, [virtualizer]);

  // A new query starts at the top (more pages and live updates keep the place).
  const answerVersion = useSearchStore((state) => state.answerVersion);
  const shownVersion = useRef(answerVersion);
  useEffect(() => {
    if (shownVersion.current === answerVersion) return;
    shownVersion.current = answerVersion;
    offset.current = 0;
    virtualizer.scrollToOffset(0);
  }, [answerVersion, virtualizer]);

  useStockChanged(
    items.map((item) => item.styleCode),
    (changed) => void useSearchStore.getState().refreshProducts(changed, language),
  );

  return (
    <div ref={scrollRef} className={styles.scroller} role="region" aria-label={label} tabIndex={-1} data-loaded={items.length} data-total={total}>
      {/* The virtualiser writes the canvas's height and each row's position itself (directDomUpdates). */}
      <div ref={virtualizer.containerRef} className={styles.canvas}>
        {visible.map((row) => (
          <div
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            className={styles.row}
            style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            <Row items={items} row={row.index} columns={columns} locale={locale} colours={colours} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** Every loaded card in the page at once (`?grid=plain`): the alternative the benchmark measures, kept plain. */
function PlainGrid({ result, language, locale, label }: ResultGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useColumns(scrollRef);
  const colours = useSearchStore((state) => state.colours);
  const { items, total } = result;
  const onScroll = (): void => {
    const element = scrollRef.current;
    const { loadingMore, loadMore } = useSearchStore.getState();
    // The next page when within two screens of the end, as the virtualised grid asks for it.
    if (element && !loadingMore && items.length < total && element.scrollTop + 3 * element.clientHeight >= element.scrollHeight) {
      void loadMore(language);
    }
  };
  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      role="region"
      aria-label={label}
      tabIndex={-1}
      data-loaded={items.length}
      data-total={total}
      onScroll={onScroll}
    >
      <div className={styles.plain} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {items.map((product) => (
          <ProductCardView key={product.styleCode} product={product} locale={locale} colours={colours} />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  /** All loaded results (the same array while nothing changes, so a scrolling grid does not re-render its rows). */
  items: readonly ProductCard[];
  row: number;
  columns: number;
  locale: string;
  /** The colour filter (the same array until it changes): cards show those colours' pictures. */
  colours: readonly string[];
}

/** One row of cards, or of placeholders while the next page is on its way. */
const Row = memo(function Row({ items, row, columns, locale, colours }: RowProps) {
  const cards = itemsOfRow(items, columns, row);
  const placeholders = row * columns >= items.length ? columns : 0;
  return (
    <>
      {cards.map((product) => (
        <ProductCardView key={product.styleCode} product={product} locale={locale} colours={colours} />
      ))}
      {Array.from({ length: placeholders }, (_, index) => (
        <div key={index} className={styles.placeholder} aria-hidden="true">
          <span className={styles.placeholderImage} />
          <span className={styles.placeholderLine} />
          <span className={styles.placeholderLineShort} />
        </div>
      ))}
    </>
  );
}, sameRow);

/**
 * Whether a row would draw the same: the same cards (by identity: a re-read card is a new object) and the
 * same placeholders. A page arriving at the end, or a card re-read elsewhere, leaves this row alone.
 */
function sameRow(before: RowProps, after: RowProps): boolean {
  if (before.row !== after.row || before.columns !== after.columns || before.locale !== after.locale || before.colours !== after.colours) return false;
  const start = after.row * after.columns;
  for (let index = start; index < start + after.columns; index++) {
    if (before.items[index] !== after.items[index]) return false;
  }
  return true;
}

/** A first guess at a row's height (a card is a 4:5 picture over its text); each row is measured once drawn. */
function estimateRowHeight(scroller: HTMLElement | null, columns: number): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const width = scroller?.clientWidth ?? 1080;
  const gap = 1.5 * rem;
  const cardWidth = (width - gap * (columns - 1)) / columns;
  return cardWidth * 1.25 + 13 * rem + gap;
}

/**
 * As many columns as cards of at least their minimum width fit in the grid: three on a portrait pillar,
 * five on a landscape one, fewer and wider when the text is larger. Follows the grid's width (a rotated
 * screen, a larger text size) as it changes.
 */
function useColumns(scroller: RefObject<HTMLElement | null>): number {
  const [columns, setColumns] = useState(3);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = (): void => {
      // Hidden under a product page it measures 0: keep the columns it had.
      if (element.clientWidth === 0) return;
      const style = getComputedStyle(element);
      const width = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      setColumns(columnsFor(width, parseFloat(getComputedStyle(document.documentElement).fontSize) || 16));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);
  return columns;
}
