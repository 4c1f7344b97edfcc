import { create } from 'zustand';
import type { ConfirmedOrder } from '../../../../shared/api/orders';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';

export type RatingPhase = 'open' | 'sending' | 'sent' | 'failed';

interface ConfirmationState {
  /** The order just placed, as the core last told it (the pay-on-phone link arrives later). */
  order: ConfirmedOrder | null;
  stars: number | null;
  comment: string;
  rating: RatingPhase;
  show(order: ConfirmedOrder): void;
  /** Reads the order again (HQ answered: the payment link may be there now; or the language changed). */
  load(id: string, lang: Language): Promise<void>;
  setStars(stars: number): void;
  setComment(comment: string): void;
  rate(lang: Language): Promise<void>;
  /** The session ended: the order code and the rating leave the screen. */
  clear(): void;
}

/** Bumped by `clear`: an answer for an order of an ended session is dropped. */
let generation = 0;

export const useConfirmationStore = create<ConfirmationState>()((set, get) => ({
  order: null,
  stars: null,
  comment: '',
  rating: 'open',
  show(order) {
    generation++;
    set({ order, stars: null, comment: '', rating: 'open' });
  },
  async load(id, lang) {
    const mine = generation;
    const answer = await kiosk.orders.get({ id, lang });
    // A failed read keeps what is on screen: the order is confirmed either way.
    if (mine === generation && answer.ok) set({ order: answer.value });
  },
  setStars(stars) {
    set({ stars, rating: get().rating === 'failed' ? 'open' : get().rating });
  },
  setComment(comment) {
    set({ comment });
  },
  async rate(lang) {
    const { stars, comment, order, rating } = get();
    if (stars === null || rating === 'sending' || rating === 'sent') return;
    const mine = generation;
    set({ rating: 'sending' });
    const text = comment.trim();
    const answer = await kiosk.orders.rate({ stars, lang, ...(text ? { comment: text } : {}), ...(order ? { orderId: order.id } : {}) });
    if (mine !== generation) return;
    // What they wrote is not kept once it is on its way.
    set(answer.ok ? { rating: 'sent', comment: '' } : { rating: 'failed' });
  },
  clear() {
    generation++;
    set({ order: null, stars: null, comment: '', rating: 'open' });
  },
}));
