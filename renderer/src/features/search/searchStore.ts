import { create } from 'zustand';
import type { ProductCard, SearchOutput } from '../../../../shared/api/catalog';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { cardOf, patchCards } from './cards';

interface SearchState {
  text: string;
  category: string | null;
  result: SearchOutput | null;
  error: ErrorCode | null;
  setText(text: string, lang: Language): void;
  setCategory(category: string | null, lang: Language): void;
  /** Runs the current query again (e.g. in another language). */
  refresh(lang: Language): void;
  /** Appends the next page of results. */
  loadMore(lang: Language): void;
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

/** Search as you type: debounced, and an answer to an older query never replaces a newer one. */
export const useSearchStore = create<SearchState>()((set, get) => {
  const run = (lang: Language, delay: number): void => {
    clearTimeout(timer);
    const mine = ++generation;
    const { text, category } = get();
    if (text.trim() === '' && !category) {
      set({ result: null, error: null });
      return;
    }
    timer = setTimeout(async () => {
      const answer = await kiosk.catalog.search({ text, lang, limit: PAGE_SIZE, ...(category ? { category } : {}) });
      if (mine !== generation) return;
      set(answer.ok ? { result: answer.value, error: null } : { error: answer.error.code });
    }, delay);
  };
  return {
    text: '',
    category: null,
    result: null,
    error: null,
    setText(text, lang) {
      set({ text });
      run(lang, DEBOUNCE_MS);
    },
    setCategory(category, lang) {
      set({ category });
      run(lang, 0);
    },
    refresh(lang) {
      run(lang, 0);
    },
    async loadMore(lang) {
      const { text, category, result } = get();
      if (!result || result.items.length >= result.total) return;
      const mine = generation;
      const answer = await kiosk.catalog.search({ text, lang, limit: PAGE_SIZE, offset: result.items.length, ...(category ? { category } : {}) });
      if (mine !== generation || !answer.ok) return;
      set({ result: { ...answer.value, items: [...result.items, ...answer.value.items] } });
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
      const { text, category, result, error } = get();
      if (text.trim() === '' && !category) return;
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
        const answer = await kiosk.catalog.search({ text, lang, limit, offset, ...(category ? { category } : {}) });
        if (mine !== generation || !answer.ok) return;
        last = answer.value;
        items.push(...answer.value.items);
        if (answer.value.items.length < limit) break;
      }
      if (last) set({ result: { ...last, items } });
    },
    clear() {
      clearTimeout(timer);
      generation++;
      set({ text: '', category: null, result: null, error: null });
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
