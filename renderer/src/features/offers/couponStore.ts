import { create } from 'zustand';
import type { IssuedCoupon } from '../../../../shared/api/coupons';
import type { Language } from '../../../../shared/languages';
import { kiosk } from '../../api/kiosk';

/** Where one offer's code is for this shopper. */
export type CodeState =
  | { phase: 'claiming' }
  /** Handed out (now, or earlier in this session: the core answers the same code again). */
  | { phase: 'shown'; coupon: IssuedCoupon }
  /** The pillar's pool for the offer is empty: a kind word and staff, never an error. */
  | { phase: 'empty' }
  /** The offer stopped running (it ended a moment ago, or never ran here). */
  | { phase: 'ended' }
  /** The core could not be asked: try again. */
  | { phase: 'failed' };

interface CouponState {
  /** By offer id; an offer the shopper has not asked about has none. */
  codes: Readonly<Record<string, CodeState>>;
  /** Asks the core for this session's code for an offer (one per offer per session, however often asked). */
  claim(offerId: string, session: string, lang: Language): Promise<void>;
  /** The session ended: every code shown leaves the screen and memory. */
  clear(): void;
}

/** Bumped by `clear`, so an answer that arrives after the session ended is dropped. */
let generation = 0;

export const useCouponStore = create<CouponState>()((set, get) => ({
  codes: {},
  async claim(offerId, session, lang) {
    if (get().codes[offerId]?.phase === 'claiming') return;
    const mine = generation;
    const put = (state: CodeState): void => set((current) => ({ codes: { ...current.codes, [offerId]: state } }));
    put({ phase: 'claiming' });
    const answer = await kiosk.coupons.claim({ offerId, session, lang });
    if (mine !== generation) return;
    if (!answer.ok) return put({ phase: 'failed' });
    switch (answer.value.state) {
      case 'issued':
      case 'already':
        return put({ phase: 'shown', coupon: answer.value.coupon });
      case 'empty':
        return put({ phase: 'empty' });
      case 'not-running':
        return put({ phase: 'ended' });
    }
  },
  clear() {
    generation++;
    set({ codes: {} });
  },
}));

export const selectCode =
  (offerId: string) =>
  (state: CouponState): CodeState | undefined =>
    state.codes[offerId];
