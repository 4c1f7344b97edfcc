import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../log/logger';
import { SyncEngine } from './engine';
import type { FromWorker, ToWorker, WorkerOptions } from './messages';

/**
 * The sync engine's thread. Downloading, parsing, checking and applying HQ's data all happen here, on
 * the worker's own connection to the cache, so the kiosk's main thread — which answers the shopper's
 * taps — only ever hears "this batch committed" and re-reads what changed.
 */
/** Nice value of the sync thread (0 is the default, 19 the lowest). */
const SYNC_NICE = 10;

const port = parentPort;
if (!port) throw new Error('sync/worker.ts runs as a worker thread');
const options = workerData as WorkerOptions;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

// Below the threads that answer the shopper: on a two-core pillar a long delta would otherwise take its
// share of a core from the main thread (and the UI) whenever both want one. On Linux a thread's nice
// value is its own (setpriority on the calling thread); elsewhere it would be the whole process's, so
// there the thread keeps the default.
if (process.platform === 'linux') {
  try {
    setPriority(0, SYNC_NICE);
  } catch {
    // Not allowed here: sync still works, at the default priority.
  }
}

const engine = new SyncEngine({
  dataDir: options.dataDir,
  hq: options.hq,
  storeCode: options.storeCode,
  ...(options.sqliteBinding ? { sqliteBinding: options.sqliteBinding } : {}),
  log: createLogger({ ...(options.logToFile ? { dataDir: options.dataDir } : {}), stdout: options.logToStdout }).child({ thread: 'sync' }),
  ...(options.timing ? { timing: options.timing } : {}),
  onStatus: (status) => post({ type: 'status', status }),
  onApplied: (applied) => {
    // Moved, not copied: a big delta names tens of thousands of variants.
    const variantIds = Int32Array.from(applied.variantIds);
    const stock = Int32Array.from(applied.stock);
    post({ type: 'applied', applied: { ...applied, variantIds, stock } }, [variantIds.buffer, stock.buffer]);
  },
  onSwapped: (file) => post({ type: 'swapped', file }),
});

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'syncNow':
      engine.syncNow();
      return;
    case 'resnapshot':
      engine.resnapshot();
      return;
    case 'stop':
      void engine.stop().then(() => {
        post({ type: 'stopped' });
        port.close();
      });
      return;
  }
});

post({ type: 'status', status: engine.status });
engine.start();
