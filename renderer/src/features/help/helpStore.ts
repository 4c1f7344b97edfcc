import type { HelpOutput } from '../../../../shared/api/shopper';
import type { HelpStatus } from '../../../../shared/api/staff';
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
  /** What staff did with the request: acknowledged ("someone is on their way", by whom) or resolved. */
  progress: { status: HelpStatus; by: string | null } | null;
  call(where: HelpWhere): Promise<void>;
  /** Asks the core where the request stands (after the call, and now and then while nobody has taken it). */
  check(): Promise<void>;
  /** The core's word on a request (the `help.updated` event or `help.status`): the shopper is told once it is taken. */
  heard(update: { id: string; status: HelpStatus; by: string | null }): void;
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
  progress: null,
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
    if (previous?.id !== answer.value.id) set({ progress: null });
    await get().check();
  },
  async check() {
    const request = get().request;
    if (!request) return;
    const mine = generation;
    const answer = await kiosk.help.status({ id: request.id });
    if (mine === generation && answer.ok) get().heard(answer.value);
  },
  heard(update) {
    const { request, progress } = get();
    if (!request || request.id !== update.id || update.status === 'open') return;
    if (progress?.status === update.status && progress.by === update.by) return;
    // The news the shopper is waiting for: the answer opens again to say it, once.
    const news = update.status === 'acknowledged' && progress?.status !== 'acknowledged';
    set({ progress: { status: update.status, by: update.by }, ...(news ? { open: true } : {}) });
  },
  dismiss() {
    // A call still on its way finishes quietly; its answer is kept for the next tap.
    set({ open: false });
  },
  reset() {
    generation++;
    set({ phase: 'idle', request: null, repeated: false, open: false, progress: null });
  },
}));
