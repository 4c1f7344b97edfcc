/**
 * The results grid in rows, for the virtualiser: only rows near the screen exist in the page, so a
 * thousand results scroll as smoothly as ten. When more results remain, one extra row of placeholders
 * sits at the end; reaching it asks for the next page.
 */

/** Rows the grid has: the loaded items in rows of `columns`, plus the placeholder row while more remain. */
export function rowCount(loaded: number, columns: number, total: number): number {
  return Math.ceil(loaded / columns) + (loaded < total ? 1 : 0);
}

/** The items of row `row` (empty for the placeholder row). */
export function itemsOfRow<T>(items: readonly T[], columns: number, row: number): readonly T[] {
  return items.slice(row * columns, row * columns + columns);
}

/** Rows ahead of the last loaded one at which the next page is fetched, so it is there before the shopper is. */
export const PREFETCH_ROWS = 3;

/** Whether the next page should be fetched now that the shopper can see up to row `lastVisibleRow`. */
export function needsNextPage(lastVisibleRow: number, loaded: number, columns: number, total: number): boolean {
  if (loaded >= total) return false;
  const loadedRows = Math.ceil(loaded / columns);
  return lastVisibleRow >= loadedRows - PREFETCH_ROWS;
}

/** A card is never narrower than this (rem): larger text gets fewer, wider cards rather than cut-off words. */
export const MIN_CARD_REM = 16;
/** The gap between cards (rem; `--space-3`). */
export const CARD_GAP_REM = 1.5;
/** Even a wide landscape pillar shows no more than this many cards in a row. */
export const MAX_COLUMNS = 5;

/**
 * How many cards fit side by side in `width` px when 1rem is `rem` px: three on a portrait pillar, five
 * on a landscape one, two with text at 150%.
 */
export function columnsFor(width: number, rem: number): number {
  const fit = Math.floor((width + CARD_GAP_REM * rem) / ((MIN_CARD_REM + CARD_GAP_REM) * rem));
  return Math.min(MAX_COLUMNS, Math.max(1, fit));
}
