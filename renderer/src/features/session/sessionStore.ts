import { create } from 'zustand';
import type { Language } from '../../../../shared/languages';

export type Screen = 'attract' | 'start';

interface SessionState {
  screen: Screen;
  /** The shopper's language for this session; back to the store's default when the session ends. */
  language: Language | null;
  startedAt: number | null;
  start(): void;
  chooseLanguage(language: Language): void;
  /** Ends the session: every trace of the shopper leaves the screen. */
  end(): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  screen: 'attract',
  language: null,
  startedAt: null,
  start: () => set({ screen: 'start', startedAt: Date.now() }),
  chooseLanguage: (language) => set({ language }),
  end: () => set({ screen: 'attract', language: null, startedAt: null }),
}));

export const selectInSession = (state: SessionState) => state.screen !== 'attract';
