import { statfsSync } from 'node:fs';
import type { OutboxStatus } from '../../../shared/api/orders';
import type { SyncStatus } from '../../../shared/api/sync';
import type { HeartbeatInput } from '../../../shared/sync/fleet';
import { crashCount } from './crashes';

export type UpdateReport = HeartbeatInput['update'];

export const IDLE_UPDATE: UpdateReport = { state: 'idle', version: null, message: null };

/** Where a heartbeat's values come from; each is read when the beat is sent. */
export interface HeartbeatSources {
  dataDir: string;
  version: string;
  channel?: string;
  uptimeSeconds(): number;
  sync(): SyncStatus;
  outbox(): Pick<OutboxStatus, 'pending' | 'oldestPendingAt' | 'lastError' | 'lastAttemptAt'>;
  /** What the updater is doing (the Electron host's); idle where there is none (the preview). */
  update(): UpdateReport;
}

export function collectHeartbeat(sources: HeartbeatSources, now: number): HeartbeatInput {
  const sync = sources.sync();
  const outbox = sources.outbox();
  return {
    at: now,
    version: sources.version,
    uptimeSeconds: Math.max(0, Math.floor(sources.uptimeSeconds())),
    sync: {
      phase: sync.phase,
      live: sync.live,
      cursor: sync.cursor ?? 0,
      head: sync.head ?? sync.cursor ?? 0,
      pendingChanges: sync.pendingChanges,
      lastSuccessAt: sync.lastSuccessAt,
    },
    outbox: { pending: outbox.pending, oldestPendingAt: outbox.oldestPendingAt },
    diskFreeBytes: diskFree(sources.dataDir),
    crashCount: crashCount(sources.dataDir, now),
    lastError: newestError(sync.lastError, outbox.lastError !== null ? { at: outbox.lastAttemptAt ?? now, message: outbox.lastError } : null),
    update: sources.update(),
    ...(sources.channel ? { channel: sources.channel } : {}),
  };
}

/** The newer of sync's and the outbox's last errors, cut to what the heartbeat carries. */
function newestError(...errors: ({ at: number; message: string } | null)[]): { at: number; message: string } | null {
  const newest = errors.filter((e): e is { at: number; message: string } => e !== null).sort((a, b) => b.at - a.at)[0];
  return newest ? { at: newest.at, message: newest.message.slice(0, 500) } : null;
}

/** Free bytes for an unprivileged writer on the data folder's disk; null when the platform cannot say. */
export function diskFree(dataDir: string): number | null {
  try {
    const stats = statfsSync(dataDir);
    const bytes = Number(stats.bavail) * Number(stats.bsize);
    return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : null;
  } catch {
    return null;
  }
}
