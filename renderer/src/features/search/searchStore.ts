import { create } from 'zustand';
import type { ProductCard, SearchOutput } from '../../../../shared/api/catalog';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { cardOf, patchCards } from './cards';
import { EMPTY_QUERY, hasQuery, searchInput, toggled, type Query } from './searchQuery';

interface SearchState extends Query {
  result: SearchOutput | null;
  error: ErrorCode | null;
  /** A next page is on its way (the grid asks again only once it has arrived). */
  loadingMore: boolean;
  /** Bumped to ask the start screen to focus the search field (e.g. "Search instead" after a failed scan). */
  focusRequest: number;
  /** Where the results were scrolled to, so coming back from a product lands the shopper where they were. */
  scrollTop: number;
  /** Bumped when a new query's first page arrives (not for more pages or refreshes): the grid goes back to the top. */
  answerVersion: number;
  setText(text: string, lang: Language): void;
  setCategory(category: string | null, lang: Language): void;
  toggleSize(size: string, lang: Language): void;
  toggleColour(colourCode: string, lang: Language): void;
  /** Replaces the whole query (a suggestion taken from the no-results screen). */
  setQuery(query: Query, lang: Language): void;
  /** Takes off the size and colour filters, or with `includingCategory` the category too. */
  clearFilters(lang: Language, includingCategory?: boolean): void;
  /** Runs the current query again (e.g. in another language). */
  refresh(lang: Language): void;
  /** Appends the next page of results (at most one page in flight). */
  loadMore(lang: Language): Promise<void>;
  /**
   * Re-reads these cards in place (their stock moved): same order, same length, so the list neither jumps
   * nor loses the shopper's scroll position. Cards not on screen are ignored.
   */
  refreshProducts(styleCodes: readonly string[], lang: Language): Promise<void>;
  /**
   * Runs the current query again over everything already loaded (the catalog changed), replacing the
   * results in one step. A failure keeps what is on screen: a background refresh never shows an error.
   */
  revalidate(lang: Language): Promise<void>;
  requestFocus(): void;
  rememberScroll(top: number): void;
  clear(): void;
}

const DEBOUNCE_MS = 120;
export const PAGE_SIZE = 24;
/** The most `catalog.search` returns per call (its contract's limit). */
const MAX_PAGE = 100;
/** Cards re-read at once when stock moves; the rest wait their turn so the backend stays responsive. */
const CARD_READS_AT_ONCE = 6;
let timer: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

const queryOf = (state: Query): Query => ({ text: state.text, category: state.category, sizes: state.sizes, colours: state.colours });

/** Search as you type: debounced, and an answer to an older query never replaces a newer one. */
export const useSearchStore = create<SearchState>()((set, get) => {
  /** A new query: its first page replaces the results (the old ones stay on screen until it arrives). */
  const run = (lang: Language, delay: number): void => {
    clearTimeout(timer);
    const mine = ++generation;
    const query = queryOf(get());
    set({ loadingMore: false, scrollTop: 0 });
    if (!hasQuery(query)) {
      set({ result: null, error: null });
      return;
    }
    timer = setTimeout(async () => {
      const answer = await kiosk.catalog.search(searchInput(query, lang, PAGE_SIZE));
      if (mine !== generation) return;
      set(answer.ok ? { result: answer.value, error: null, answerVersion: get().answerVersion + 1 } : { error: answer.error.code });
    }, delay);
  };
  return {
    ...EMPTY_QUERY,
    result: null,
    error: null,
    loadingMore: false,
    focusRequest: 0,
    scrollTop: 0,
    answerVersion: 0,
    setText(text, lang) {
      set({ text });
      run(lang, DEBOUNCE_MS);
    },
    setCategory(category, lang) {
      set({ category });
      run(lang, 0);
    },
    toggleSize(size, lang) {
      set({ sizes: toggled(get().sizes, size) });
      run(lang, 0);
    },
    toggleColour(colourCode, lang) {
      set({ colours: toggled(get().colours, colourCode) });
      run(lang, 0);
    },
    setQuery(query, lang) {
      set(queryOf(query));
      run(lang, 0);
    },
    clearFilters(lang, includingCategory = false) {
      set({ sizes: [], colours: [], ...(includingCategory ? { category: null } : {}) });
      run(lang, 0);
    },
    refresh(lang) {
      run(lang, 0);
    },
    async loadMore(lang) {
      const { result, loadingMore } = get();
      if (!result || loadingMore || result.items.length >= result.total) return;
      const mine = generation;
      set({ loadingMore: true });
      const answer = await kiosk.catalog.search(searchInput(queryOf(get()), lang, PAGE_SIZE, result.items.length));
      if (mine !== generation) return;
      const current = get().result;
      if (!answer.ok || !current) {
        // The grid may ask again when the shopper scrolls; a failed page is not worth an error screen.
        set({ loadingMore: false });
        return;
      }
      set({ loadingMore: false, result: { ...answer.value, items: [...current.items, ...answer.value.items] } });
    },
    async refreshProducts(styleCodes, lang) {
      const shown = new Set(get().result?.items.map((item) => item.styleCode));
      const wanted = [...new Set(styleCodes)].filter((code) => shown.has(code));
      if (wanted.length === 0) return;
      const mine = generation;
      const fresh = new Map<string, ProductCard>();
      await forEachLimited(wanted, CARD_READS_AT_ONCE, async (styleCode) => {
        const answer = await kiosk.catalog.product({ styleCode, lang });
        // A product gone from the catalog stays until catalog.changed re-runs the list.
        if (answer.ok) fresh.set(styleCode, cardOf(answer.value));
      });
      const current = get().result;
      if (mine !== generation || !current || fresh.size === 0) return;
      set({ result: { ...current, items: patchCards(current.items, fresh) } });
    },
    async revalidate(lang) {
      const { result, error } = get();
      const query = queryOf(get());
      if (!hasQuery(query)) return;
      if (!result || error) {
        run(lang, 0);
        return;
      }
      const mine = generation;
      const wanted = Math.max(PAGE_SIZE, result.items.length);
      const items: ProductCard[] = [];
      let last: SearchOutput | null = null;
      for (let offset = 0; offset < wanted; offset += MAX_PAGE) {
        const limit = Math.min(MAX_PAGE, wanted - offset);
        const answer = await kiosk.catalog.search(searchInput(query, lang, limit, offset));
        if (mine !== generation || !answer.ok) return;
        last = answer.value;
        items.push(...answer.value.items);
        if (answer.value.items.length < limit) break;
      }
      if (last) set({ result: { ...last, items } });
    },
    requestFocus() {
      set({ focusRequest: get().focusRequest + 1 });
    },
    rememberScroll(top) {
      set({ scrollTop: top });
    },
    clear() {
      clearTimeout(timer);
      generation++;
      set({ ...EMPTY_QUERY, result: null, error: null, loadingMore: false, scrollTop: 0 });
    },
  };
});

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  // One iterator shared by the workers: each takes the next item as soon as it is free.
  const queue = items.values();
  const worker = async (): Promise<void> => {
    for (const item of queue) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
