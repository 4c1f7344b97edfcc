import type { HelpOutput } from '../../../../shared/api/shopper';
import { create } from 'zustand';
import { kiosk } from '../../api/kiosk';
import type { HelpWhere } from './helpWhere';

export type { HelpWhere } from './helpWhere';

export type HelpPhase = 'idle' | 'calling' | 'called' | 'failed';

interface HelpState {
  phase: HelpPhase;
  /** The request staff were given; kept after the dialog closes, so a second tap can say "already on their way". */
  request: HelpOutput | null;
  /** The last tap answered a request that was already open (the backend keeps one per couple of minutes). */
  repeated: boolean;
  /** The dialog is showing (`calling` only once it has taken long enough to be worth saying). */
  open: boolean;
  call(where: HelpWhere): Promise<void>;
  dismiss(): void;
  /** The session ended: nothing of this shopper's call stays on screen. */
  reset(): void;
}

/** Bumped by `reset`, so an answer that arrives after the session ended is dropped. */
let generation = 0;

/** "Call staff": one request per shopper, however often they tap, and a calm confirmation each time. */
export const useHelpStore = create<HelpState>()((set, get) => ({
  phase: 'idle',
  request: null,
  repeated: false,
  open: false,
  async call(where) {
    if (get().phase === 'calling') return;
    const mine = ++generation;
    const previous = get().request;
    set({ phase: 'calling', open: true });
    const answer = await kiosk.help.request(where);
    if (mine !== generation) return;
    if (!answer.ok) {
      set({ phase: 'failed' });
      return;
    }
    set({ phase: 'called', request: answer.value, repeated: previous?.id === answer.value.id });
  },
  dismiss() {
    // A call still on its way finishes quietly; its answer is kept for the next tap.
    set({ open: false });
  },
  reset() {
    generation++;
    set({ phase: 'idle', request: null, repeated: false, open: false });
  },
}));
