import type { SyncStatus } from '../../../shared/api/sync';
import type { Applied } from './apply';
import type { SyncTiming } from './engine';

/** What the kiosk hands the sync thread (structured-clonable). */
export interface WorkerOptions {
  dataDir: string;
  hq: { url: string; token: string };
  storeCode: string;
  timing?: Partial<SyncTiming>;
  logToFile: boolean;
  logToStdout: boolean;
  /** better-sqlite3's native module for this runtime (Electron development runs). */
  sqliteBinding?: string;
}

export type ToWorker = { type: 'syncNow' } | { type: 'resnapshot' } | { type: 'stop' };

export type FromWorker =
  | { type: 'status'; status: SyncStatus }
  | { type: 'applied'; applied: Omit<Applied, 'variantIds' | 'stock'> & { variantIds: Int32Array; stock: Int32Array } }
  | { type: 'swapped'; file: string }
  | { type: 'stopped' };
