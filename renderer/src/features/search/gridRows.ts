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
