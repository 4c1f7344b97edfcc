import type { MethodInput } from '../../../../shared/api/contract';
import type { Language } from '../../../../shared/languages';

/** What the shopper has asked for: the words and the filters. */
export interface Query {
  text: string;
  category: string | null;
  sizes: readonly string[];
  colours: readonly string[];
}

export const EMPTY_QUERY: Query = { text: '', category: null, sizes: [], colours: [] };

/** Whether there is anything to search for (otherwise the start screen shows categories, not results). */
export function hasQuery(query: Query): boolean {
  return query.text.trim() !== '' || query.category !== null || query.sizes.length > 0 || query.colours.length > 0;
}

/** How many filters beyond the words are on (for "Clear filters" and the no-results advice). */
export function filterCount(query: Query): number {
  return (query.category ? 1 : 0) + query.sizes.length + query.colours.length;
}

/** The `catalog.search` input for one page of this query; empty filters are left out. */
export function searchInput(query: Query, lang: Language, limit: number, offset = 0): MethodInput<'catalog.search'> {
  return {
    text: query.text,
    lang,
    limit,
    ...(offset > 0 ? { offset } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.sizes.length > 0 ? { sizes: [...query.sizes] } : {}),
    ...(query.colours.length > 0 ? { colours: [...query.colours] } : {}),
  };
}

/** The list with `item` added, or taken out if it was there (a chip tapped on or off). */
export function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((entry) => entry !== item) : [...list, item];
}
