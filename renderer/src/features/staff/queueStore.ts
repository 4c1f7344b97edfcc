import { create } from 'zustand';
import type { HelpQueueOutput } from '../../../../shared/api/staff';
import { kiosk } from '../../api/kiosk';

interface QueueState {
  queue: HelpQueueOutput | null;
  failed: boolean;
  /** The request a button is working on (its buttons wait for the core's answer). */
  busyId: string | null;
  refresh(): Promise<void>;
  update(id: string, status: 'acknowledged' | 'resolved'): Promise<boolean>;
  clear(): void;
}

/** How often staff mode re-reads the store's queue (the band's count, the queue screen). */
export const QUEUE_POLL_MS = 10_000;

/** The store's "call staff" queue while staff mode is on: the band counts it, the queue screen lists it. */
export const useQueueStore = create<QueueState>()((set, get) => ({
  queue: null,
  failed: false,
  busyId: null,
  async refresh() {
    const answer = await kiosk.staff.helpQueue();
    if (answer.ok) set({ queue: answer.value, failed: false });
    else set({ failed: true });
  },
  async update(id, status) {
    set({ busyId: id });
    const answer = await kiosk.staff.updateHelp({ id, status });
    set({ busyId: null });
    await get().refresh();
    return answer.ok;
  },
  clear() {
    set({ queue: null, failed: false, busyId: null });
  },
}));

/** Calls nobody has taken yet: the band's "Queue (n)". */
export function openCount(queue: HelpQueueOutput | null): number {
  return queue?.requests.filter((request) => request.status === 'open').length ?? 0;
}
