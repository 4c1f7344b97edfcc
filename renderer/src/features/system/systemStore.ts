import { create } from 'zustand';
import type { ApiError } from '../../../../shared/api/result';
import type { SystemInfo } from '../../../../shared/api/system';
import { kiosk } from '../../api/kiosk';

interface SystemState {
  info: SystemInfo | null;
  /** The last failure to reach the backend; cleared by the next success. */
  error: ApiError | null;
  load(): Promise<void>;
}

const RETRY_MS = 3000;

/** Who this pillar is (`system.info`), kept current by `system.infoChanged`. */
export const useSystemStore = create<SystemState>()((set, get) => ({
  info: null,
  error: null,
  async load() {
    const result = await kiosk.system.info();
    if (result.ok) {
      set({ info: result.value, error: null });
    } else {
      set({ error: result.error });
      setTimeout(() => void get().load(), RETRY_MS);
    }
  },
}));

export function watchSystemInfo(): () => void {
  return kiosk.subscribe('system.infoChanged', (info) => useSystemStore.setState({ info, error: null }));
}

export const selectReadyInfo = (state: SystemState) => (state.info?.state === 'ready' ? state.info : null);
