import { Worker } from 'node:worker_threads';
import type { SyncStatus } from '../../../shared/api/sync';
import type { Logger } from '../log/logger';
import type { SyncTiming } from './engine';
import type { FromWorker, ToWorker, WorkerOptions } from './messages';

export interface SyncHostOptions {
  dataDir: string;
  hq: { url: string; token: string };
  storeCode: string;
  log: Logger;
  timing?: Partial<SyncTiming>;
  /** The bundled worker (`dist/main/syncWorker.cjs` in Electron); by default worker.ts through tsx. */
  workerFile?: string;
  logToFile?: boolean;
  logToStdout?: boolean;
  sqliteBinding?: string;
  onStatus: (status: SyncStatus) => void;
  onApplied: (applied: Extract<FromWorker, { type: 'applied' }>['applied']) => void;
  onSwapped: (file: string) => void;
}

export interface SyncHost {
  syncNow(): void;
  resnapshot(): void;
  stop(): Promise<void>;
}

/** How long a stopping sync thread may take to finish its batch before it is terminated. */
const STOP_GRACE_MS = 5_000;

/**
 * Runs the sync engine in a worker thread and relays what it reports. A worker that dies (a bug, not
 * HQ's misbehaviour, which the engine handles) is restarted after a pause: the cache it left behind is
 * consistent, batch transactions and the snapshot pointer see to that.
 */
export function startSyncHost(options: SyncHostOptions): SyncHost {
  let worker: Worker | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;

  const spawn = (): void => {
    const data: WorkerOptions = {
      dataDir: options.dataDir,
      hq: options.hq,
      storeCode: options.storeCode,
      ...(options.timing ? { timing: options.timing } : {}),
      logToFile: options.logToFile ?? true,
      logToStdout: options.logToStdout ?? true,
      ...(options.sqliteBinding ? { sqliteBinding: options.sqliteBinding } : {}),
    };
    const w = options.workerFile
      ? new Worker(options.workerFile, { workerData: data })
      : // From source (development, tests): TypeScript through tsx, registered inside the new thread —
        // on Node 20 a worker does not inherit the parent's module hooks, nor honour `--import` for them.
        new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); });`, {
          eval: true,
          workerData: data,
        });
    worker = w;
    w.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'status':
          options.onStatus(message.status);
          return;
        case 'applied':
          options.onApplied(message.applied);
          return;
        case 'swapped':
          options.onSwapped(message.file);
          return;
        case 'stopped':
          return;
      }
    });
    w.on('error', (error) => options.log.error({ err: { name: error.name, stack: error.stack } }, 'sync thread failed'));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (stopping) return;
      options.log.error({ code }, 'sync thread exited; restarting it in 5 s');
      restartTimer = setTimeout(spawn, 5_000);
      restartTimer.unref();
    });
  };
  spawn();

  const send = (message: ToWorker): void => worker?.postMessage(message);
  return {
    syncNow: () => send({ type: 'syncNow' }),
    resnapshot: () => send({ type: 'resnapshot' }),
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const w = worker;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ type: 'stop' } satisfies ToWorker);
      const timer = setTimeout(() => void w.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
