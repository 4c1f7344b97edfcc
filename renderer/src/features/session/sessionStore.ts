import { create } from 'zustand';
import type { Language } from '../../../../shared/languages';

export type Screen = 'attract' | 'start';

/**
 * Where the shopper is inside a session, as a stack: the start screen (search and results) at the
 * bottom, then a product, then the stores that have a variant, the bag, checkout. "Back" pops; "Start
 * over" and the idle timeout end the session and empty it. A placed order's confirmation sits right on
 * the start screen (`openOnly`): Back never leads into a checkout that is done.
 */
export type Route =
  | { name: 'start' }
  | { name: 'product'; styleCode: string; colourCode?: string; sku?: string }
  | { name: 'stores'; styleCode: string; sku: string }
  | { name: 'bag' }
  | { name: 'checkout' }
  | { name: 'confirmation'; orderId: string }
  /** An offer: a check-in's steps in pictures, or a today-only deal; then its code for the till. */
  | { name: 'offer'; offerId: string };

interface SessionState {
  screen: Screen;
  /** The shopper's language for this session; back to the store's default when the session ends. */
  language: Language | null;
  startedAt: number | null;
  /**
   * This session's id (a UUID), made when it starts and forgotten when it ends: the core hands out one
   * offer code per offer per session id, so the next shopper gets their own.
   */
  sessionId: string | null;
  /** Never empty while in a session: `{ name: 'start' }` at the bottom. */
  routes: Route[];
  start(): void;
  chooseLanguage(language: Language): void;
  /** Opens a screen on top of the current one (starting the session if the pillar was idle: a scan on attract). */
  open(route: Route): void;
  /** Replaces the current screen (a different colour or size on the same product page). */
  replace(route: Route): void;
  /** Opens a screen with only the start screen under it (an order's confirmation). */
  openOnly(route: Route): void;
  back(): void;
  /** Ends the session: every trace of the shopper leaves the screen. */
  end(): void;
}

const START: Route[] = [{ name: 'start' }];

/** A random (version 4) UUID; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const useSessionStore = create<SessionState>()((set) => ({
  screen: 'attract',
  language: null,
  startedAt: null,
  sessionId: null,
  routes: START,
  start: () => set({ screen: 'start', startedAt: Date.now(), sessionId: newSessionId(), routes: START }),
  chooseLanguage: (language) => set({ language }),
  open: (route) =>
    set((state) => ({
      screen: 'start',
      startedAt: state.startedAt ?? Date.now(),
      sessionId: state.sessionId ?? newSessionId(),
      routes: route.name === 'start' ? START : [...(state.screen === 'attract' ? START : state.routes), route],
    })),
  replace: (route) => set((state) => ({ routes: [...state.routes.slice(0, -1), route] })),
  openOnly: (route) => set({ screen: 'start', routes: route.name === 'start' ? START : [...START, route] }),
  back: () => set((state) => ({ routes: state.routes.length > 1 ? state.routes.slice(0, -1) : START })),
  end: () => set({ screen: 'attract', language: null, startedAt: null, sessionId: null, routes: START }),
}));

export const selectInSession = (state: SessionState) => state.screen !== 'attract';
export const selectRoute = (state: SessionState): Route => state.routes[state.routes.length - 1] ?? { name: 'start' };
