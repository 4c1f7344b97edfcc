import { create } from 'zustand';
import type { SearchOutput } from '../../../../shared/api/catalog';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';

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
  clear(): void;
}

const DEBOUNCE_MS = 120;
export const PAGE_SIZE = 24;
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
    clear() {
      clearTimeout(timer);
      generation++;
      set({ text: '', category: null, result: null, error: null });
    },
  };
});
