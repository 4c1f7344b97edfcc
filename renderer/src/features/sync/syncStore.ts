import { create } from 'zustand';
import { SyncStatus } from '../../../../shared/api/sync';
import { kiosk } from '../../api/kiosk';
import { needsSetupScreen } from './syncRules';

interface SyncState {
  /** The last sync status heard (`sync.status`, then `sync.statusChanged`); null until the first answer. */
  status: SyncStatus | null;
  /**
   * Whether the catalog answered when last asked, while provisioning or retrying with a cache that says it
   * holds data; null when not asked. A cache that claims data but answers UNAVAILABLE cannot serve shoppers.
   */
  catalogAnswers: boolean | null;
  load(): Promise<void>;
  /** Takes a status from the backend (the first answer or an event). */
  receive(status: SyncStatus): void;
}

const RETRY_MS = 3000;
let probing = 0;
/** Events received so far: an answer to `sync.status` older than an event must not overwrite it. */
let eventsSeen = 0;

/** Sync with HQ as the UI sees it: freshness for the shopper, provisioning progress, and nothing more. */
export const useSyncStore = create<SyncState>()((set, get) => {
  /** Asks the catalog for something cheap; only the answer UNAVAILABLE means it cannot serve. */
  const probeCatalog = async (): Promise<void> => {
    const mine = ++probing;
    const answer = await kiosk.catalog.categories({ lang: 'en' });
    if (mine !== probing) return;
    set({ catalogAnswers: answer.ok || answer.error.code !== 'UNAVAILABLE' });
  };

  return {
    status: null,
    catalogAnswers: null,
    async load() {
      const seen = eventsSeen;
      const result = await kiosk.sync.status();
      if (!result.ok) {
        // The system store shows the "reconnecting" screen meanwhile; this only has to catch up.
        setTimeout(() => void get().load(), RETRY_MS);
        return;
      }
      if (seen === eventsSeen) get().receive(result.value);
    },
    receive(status) {
      const previous = get().status;
      set({ status });
      const catalogInDoubt = (status.phase === 'provisioning' || status.phase === 'retrying') && status.source !== 'empty';
      if (!catalogInDoubt) {
        probing++;
        set({ catalogAnswers: null });
        return;
      }
      // Progress events come many times a second; probe only when the phase or the data source moves.
      if (previous?.phase !== status.phase || previous.source !== status.source) void probeCatalog();
    },
  };
});

/** Keeps the store current; returns the unsubscribe function. */
export function watchSyncStatus(): () => void {
  return kiosk.subscribe('sync.statusChanged', (payload) => {
    // The bridge does not validate events; a malformed one is dropped rather than breaking the screen.
    const status = SyncStatus.safeParse(payload);
    if (!status.success) return;
    eventsSeen++;
    useSyncStore.getState().receive(status.data);
  });
}

export const selectSyncStatus = (state: SyncState): SyncStatus | null => state.status;
export const selectNeedsSetupScreen = (state: SyncState): boolean => needsSetupScreen(state.status, state.catalogAnswers);
