import { create } from 'zustand';
import type { StaffSession } from '../../../../shared/api/staff';
import { kiosk } from '../../api/kiosk';
import { useSessionStore } from '../session/sessionStore';

/** A staff member picked on "Who's helping?" or by their badge, before their PIN. */
export interface PickedAccount {
  id: string;
  name: string;
}

/** The staff screens drawn over the shopper's (which stay mounted under them, as they were). */
export type StaffPanel = 'queue' | 'orders' | 'health';

/** Signing in: first who, then the PIN (a badge skips straight to the PIN). */
export type StaffEntry = { step: 'who' } | { step: 'pin'; account: PickedAccount };

interface StaffState {
  /** The core's staff session; the page only mirrors it (the core decides who may do what). */
  session: StaffSession | null;
  entry: StaffEntry | null;
  panel: StaffPanel | null;
  /** Staff mode is on but the screens show what the shopper sees (no staff detail). */
  shopperView: boolean;
  /** The note for the store on an order staff place for the shopper; it leaves with staff mode or the order. */
  note: string;
  /** Asks the core whether staff mode is on (a reload of the page must not drop it). */
  load(): Promise<void>;
  openEntry(account?: PickedAccount): void;
  pick(account: PickedAccount): void;
  closeEntry(): void;
  /** The core said staff mode began or ended (a sign-in, the idle timeout, a tap on "Leave"). */
  follow(session: StaffSession | null): void;
  signOut(): Promise<void>;
  /** A staff touch: keeps staff mode alive in the core, at most once per `KEEP_ALIVE_MS`. */
  touch(): void;
  showPanel(panel: StaffPanel | null): void;
  setShopperView(on: boolean): void;
  setNote(note: string): void;
}

/** Staff idle is counted by the core (demo: 120 s); a touch tells it at most this often. */
export const KEEP_ALIVE_MS = 15_000;
let lastTouch = 0;

const LEFT = { session: null, entry: null, panel: null, shopperView: false, note: '' } as const;

/**
 * Staff mode as a layer over the shopper's session: it never touches the shopper's routes, search, bag
 * or form, so when staff step out the shopper is exactly where they were.
 */
export const useStaffStore = create<StaffState>()((set, get) => ({
  ...LEFT,
  async load() {
    const answer = await kiosk.staff.session();
    if (answer.ok) get().follow(answer.value.session);
  },
  openEntry(account) {
    // Staff already in need no second sign-in.
    if (get().session) return;
    set({ entry: account ? { step: 'pin', account } : { step: 'who' } });
  },
  pick(account) {
    set({ entry: { step: 'pin', account } });
  },
  closeEntry() {
    set({ entry: null });
  },
  follow(session) {
    const was = get().session;
    if (!session) {
      if (was) set({ ...LEFT, entry: get().entry });
      return;
    }
    lastTouch = Date.now();
    set({ session, entry: null });
    // Staff who sign in on the attract loop start on the start screen: they are here to help someone.
    if (!was && useSessionStore.getState().screen === 'attract') useSessionStore.getState().start();
  },
  async signOut() {
    // The page leaves at once (one tap, never a wait); the core's answer and event follow.
    set({ ...LEFT });
    await kiosk.staff.signOut();
  },
  touch() {
    if (!get().session) return;
    const now = Date.now();
    if (now - lastTouch < KEEP_ALIVE_MS) return;
    lastTouch = now;
    void kiosk.staff.session().then((answer) => {
      if (answer.ok) get().follow(answer.value.session);
    });
  },
  showPanel(panel) {
    set({ panel });
  },
  setShopperView(on) {
    set({ shopperView: on, panel: null });
  },
  setNote(note) {
    set({ note });
  },
}));

/** Staff mode with its staff detail showing (not the shopper's view). */
export const selectStaffDetail = (state: StaffState): boolean => state.session !== null && !state.shopperView;

/** The note to send with `orders.place`: only in staff mode, and only when something was written. */
export function assistedNote(): string | undefined {
  const { session, note } = useStaffStore.getState();
  const trimmed = note.trim();
  return session && trimmed ? trimmed : undefined;
}

/** Manager and IT see the pillar's health; staff do not (the core refuses them as well). */
export function seesHealth(session: StaffSession | null): boolean {
  return session?.role === 'manager' || session?.role === 'it';
}
