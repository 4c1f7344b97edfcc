import type { Query } from './searchQuery';

/** Another query worth a try when one finds nothing, and why it is offered. */
export interface Suggestion {
  kind: 'withoutFilters' | 'withoutCategory' | 'word';
  query: Query;
  /** The word searched alone (for `word`). */
  word?: string;
}

/** At most this many other queries are tried, so "no results" never keeps the backend busy. */
const MAX_SUGGESTIONS = 4;

/**
 * The broader queries to try when this one finds nothing, most like it first: the same words without
 * the size and colour filters, without the category, then each word alone (a shopper typing "blue wool
 * jumper" may have one word the catalog does not know).
 */
export function broaderQueries(query: Query): Suggestion[] {
  const out: Suggestion[] = [];
  const hasText = query.text.trim() !== '';
  if (query.sizes.length + query.colours.length > 0) {
    out.push({ kind: 'withoutFilters', query: { ...query, sizes: [], colours: [] } });
  }
  if (query.category && hasText) {
    out.push({ kind: 'withoutCategory', query: { text: query.text, category: null, sizes: [], colours: [] } });
  }
  const words = [...new Set(query.text.trim().split(/\s+/).filter((word) => word.length >= 2))];
  if (words.length > 1) {
    for (const word of words) out.push({ kind: 'word', word, query: { text: word, category: null, sizes: [], colours: [] } });
  }
  return out.slice(0, MAX_SUGGESTIONS);
}
