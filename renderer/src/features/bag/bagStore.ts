import { create } from 'zustand';
import type { BagLine, Fulfilment, QuoteOutput, QuotedLine } from '../../../../shared/api/orders';
import type { ErrorCode } from '../../../../shared/api/result';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';
import { addLine, blocks, itemCount, lineKey, quotedLine, removeLine, setFulfilment, setQuantity } from './bagLines';

/** What became of "Add to bag". */
export type AddOutcome =
  | { kind: 'added'; line: QuotedLine }
  /** It cannot be had that way (or not that many): nothing was added; the line carries the alternatives. */
  | { kind: 'problem'; line: QuotedLine }
  /** The bag already holds as many lines as an order may have. */
  | { kind: 'full' }
  | { kind: 'failed'; error: ErrorCode };

interface BagState {
  /** The shopper's bag: in memory only, gone when the session ends. */
  lines: BagLine[];
  /** The core's price and check of the bag; it may lag the lines for a moment after a change (`quoteMatches`). */
  quote: QuoteOutput | null;
  /** Why the last quote could not be had; null when it came. */
  quoteError: ErrorCode | null;
  add(line: BagLine, lang: Language): Promise<AddOutcome>;
  setQuantity(key: string, quantity: number, lang: Language): Promise<void>;
  setFulfilment(key: string, fulfilment: Fulfilment, lang: Language): Promise<void>;
  remove(key: string, lang: Language): Promise<void>;
  /** Asks the core again (stock moved, the language changed, the summary is about to be confirmed). */
  requote(lang: Language): Promise<void>;
  /** A quote the core gave elsewhere for these same lines (placing found that stock or prices moved). */
  acceptQuote(quote: QuoteOutput): void;
  /** The session ended, or the order was placed: the bag is empty again. */
  clear(): void;
}

/** Bumped by `clear`: an answer for a bag that no longer exists is dropped. */
let generation = 0;
/** Bumped by every quote asked: only the newest answer is kept. */
let quotes = 0;

export const useBagStore = create<BagState>()((set, get) => {
  const ask = async (lines: BagLine[], lang: Language): Promise<void> => {
    const mine = ++quotes;
    if (lines.length === 0) {
      set({ quote: null, quoteError: null });
      return;
    }
    const answer = await kiosk.orders.quote({ lines, lang });
    if (mine !== quotes) return;
    if (answer.ok) set({ quote: answer.value, quoteError: null });
    else set({ quoteError: answer.error.code });
  };

  const change = (lines: BagLine[], lang: Language): Promise<void> => {
    set({ lines });
    return ask(lines, lang);
  };

  return {
    lines: [],
    quote: null,
    quoteError: null,
    async add(line, lang) {
      const mine = generation;
      const next = addLine(get().lines, line);
      if (!next) return { kind: 'full' };
      // Checked with the bag as it would be, so a second one of the same variant counts against the same stock.
      const answer = await kiosk.orders.quote({ lines: next, lang });
      if (!answer.ok) return { kind: 'failed', error: answer.error.code };
      const key = lineKey(line);
      const at = next.findIndex((candidate) => lineKey(candidate) === key);
      const quoted = quotedLine(answer.value, next[at] ?? line, at);
      if (!quoted) return { kind: 'failed', error: 'INTERNAL' };
      if (blocks(quoted)) return { kind: 'problem', line: quoted };
      // The session ended while the core was asked: this shopper's line must not land in the next one's bag.
      if (mine !== generation) return { kind: 'failed', error: 'UNAVAILABLE' };
      quotes++;
      set({ lines: next, quote: answer.value, quoteError: null });
      return { kind: 'added', line: quoted };
    },
    setQuantity: (key, quantity, lang) => change(setQuantity(get().lines, key, quantity), lang),
    setFulfilment: (key, fulfilment, lang) => change(setFulfilment(get().lines, key, fulfilment), lang),
    remove: (key, lang) => change(removeLine(get().lines, key), lang),
    requote: (lang) => ask(get().lines, lang),
    acceptQuote(quote) {
      quotes++;
      set({ quote, quoteError: null });
    },
    clear() {
      generation++;
      quotes++;
      set({ lines: [], quote: null, quoteError: null });
    },
  };
});

export const selectItemCount = (state: BagState): number => itemCount(state.lines);
