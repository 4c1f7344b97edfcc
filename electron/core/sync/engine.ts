import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SyncProgress, SyncStatus } from '../../../shared/api/sync';
import type { ChangeBatch, Region } from '../../../shared/sync/protocol';
import { openCache, type Db } from '../db/open';
import type { Logger } from '../log/logger';
import { BatchApplier, BatchRejected, META, type Applied } from './apply';
import { currentCacheFile, nextCacheFile, removeStaleCacheFiles, switchCacheFile } from './cacheFile';
import { BadPayload, HqClient, HqRefused, HqUnavailable, describe, type ChangesAnswer } from './hqClient';
import { SnapshotRejected, loadSnapshot } from './snapshot';

export interface SyncTiming {
  /** Polling interval while the live channel is down. */
  pollMs: number;
  /** A safety poll while the live channel is up (it may have missed something). */
  livePollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TIMING: SyncTiming = { pollMs: 10_000, livePollMs: 60_000, backoffBaseMs: 1_000, backoffMaxMs: 60_000 };

export interface SyncEngineOptions {
  dataDir: string;
  hq: { url: string; token: string };
  storeCode: string;
  log: Logger;
  /** better-sqlite3's native module for this runtime, when not node_modules' own (Electron development runs). */
  sqliteBinding?: string;
  timing?: Partial<SyncTiming>;
  /** Follow HQ's live channel (default on). */
  live?: boolean;
  fetch?: typeof fetch;
  /** Delete superseded cache files right after a swap: only when nobody else reads them (the CLI). */
  removeOldCaches?: boolean;
  onStatus?: (status: SyncStatus) => void;
  /** After each committed batch. */
  onApplied?: (applied: Applied) => void;
  /** After a new snapshot became the current cache (`file`): readers reopen. */
  onSwapped?: (file: string) => void;
  now?: () => number;
}

/** The sync thread's page cache (KiB): a big delta's pages stay in memory until its commit. */
export const WRITER_CACHE_KIB = 128 * 1024;

/** Batches HQ sent that this cache could not take, in a row, before it resnapshots. */
const RESNAPSHOT_AFTER_REJECTIONS = 3;
/**
 * Recent stock levels folded into the stock table per transaction (some tens of milliseconds: a live
 * change waits at most that), the pause between two, and how long HQ must have been quiet first.
 */
const FOLD_SLICE = 5_000;
const FOLD_PAUSE_MS = 20;
const FOLD_AFTER_QUIET_MS = 2_000;

/** Failures the engine knows how to describe: the rest are bugs and logged as such. */
const KNOWN = [HqUnavailable, HqRefused, BadPayload, BatchRejected, SnapshotRejected];

/**
 * Keeps a pillar's cache current with HQ: provisions from a snapshot when it has none (or HQ has
 * compacted past its cursor), then applies the change log batch by batch — each batch with its cursor in
 * one transaction — woken by HQ's live channel and polling as the fallback. While HQ is down or
 * misbehaves it keeps the last good cache, reports the failure once per attempt, and retries with
 * exponential backoff and jitter. It runs in a worker thread inside the kiosk (worker.ts), or directly
 * in the IT command line.
 */
export class SyncEngine {
  readonly #o: SyncEngineOptions;
  readonly #timing: SyncTiming;
  readonly #client: HqClient;
  readonly #now: () => number;
  #db: Db | null = null;
  #applier: BatchApplier | null = null;
  /** The region the cache holds (from its snapshot). */
  #region: Region | null = null;
  #etag: string | null = null;
  #needsSnapshot = false;
  #stopped = false;
  #failures = 0;
  #rejected = 0;
  #wake: (() => void) | null = null;
  #woken = false;
  readonly #stop = new AbortController();
  #loop: Promise<void> | null = null;
  #liveLoop: Promise<void> | null = null;
  #status: SyncStatus;
  #lastProgressAt = 0;
  /** When a batch with changes was last applied (performance.now()): folding waits for a quiet moment. */
  #changedAt = 0;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
    this.#timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#now = options.now ?? Date.now;
    this.#client = new HqClient({ url: options.hq.url, token: options.hq.token, store: options.storeCode, ...(options.fetch ? { fetch: options.fetch } : {}) });
    mkdirSync(options.dataDir, { recursive: true });
    this.#status = { phase: 'following', live: false, cursor: null, head: null, pendingChanges: 0, lastSuccessAt: null, lastError: null, progress: null, source: 'empty' };
    this.#openCurrent();
    this.#update({ phase: this.#needsSnapshot ? 'provisioning' : 'following' });
  }

  get status(): SyncStatus {
    return this.#status;
  }

  /** Runs until `stop()`. */
  start(): void {
    this.#loop ??= this.#run();
    if (this.#o.live !== false) this.#liveLoop ??= this.#runLive();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stop.abort();
    this.#wakeUp();
    await Promise.allSettled([this.#loop, this.#liveLoop]);
    this.#db?.close();
    this.#db = null;
  }

  /** Check HQ now (staff's "sync now", or a live event). */
  syncNow(): void {
    this.#wakeUp();
  }

  /** Throw the cache away and load a fresh snapshot (staff's "resnapshot", or a cache that fails its checks). */
  resnapshot(): void {
    this.#needsSnapshot = true;
    this.#wakeUp();
  }

  /**
   * Brings the cache up to HQ's head once: a snapshot if needed, then every batch. For the IT command
   * line and tests; throws what went wrong.
   */
  async syncOnce(): Promise<void> {
    if (this.#needsSnapshot || !this.#applier) await this.#provision();
    try {
      await this.#catchUp();
    } catch (error) {
      if (!(error instanceof CursorExpired)) throw error;
      await this.#provision();
      await this.#catchUp();
    }
  }

  /**
   * Folds every recent stock level into the stock table now, without pauses: for the IT command line,
   * where no shopper waits, so a pre-provisioned cache leaves with nothing to fold. Returns how many.
   */
  foldAll(): number {
    const applier = this.#applier;
    if (!applier) return 0;
    let folded = 0;
    for (let n = applier.fold(FOLD_SLICE); n > 0; n = applier.fold(FOLD_SLICE)) folded += n;
    return folded;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      try {
        await this.syncOnce();
        this.#failures = 0;
        this.#update({ phase: 'following', lastError: null, progress: null });
        // Fold once HQ has been quiet a moment: changes come in bursts, and the next batch of one should
        // not wait behind a fold slice. Until then, wake up when that moment has passed.
        const interval = this.#status.live ? this.#timing.livePollMs : this.#timing.pollMs;
        const quietFor = performance.now() - this.#changedAt;
        if (quietFor >= FOLD_AFTER_QUIET_MS) await this.#foldWhileIdle();
        const unfolded = quietFor < FOLD_AFTER_QUIET_MS && (this.#applier?.recentLevels() ?? 0) > 0;
        await this.#sleep(unfolded ? Math.min(interval, Math.ceil(FOLD_AFTER_QUIET_MS - quietFor)) : interval);
      } catch (error) {
        if (this.#stopped) break;
        this.#failures++;
        const message = KNOWN.some((kind) => error instanceof kind) ? (error as Error).message : `unexpected: ${describe(error)}`;
        if (error instanceof BatchRejected || error instanceof SnapshotRejected) this.#etag = null;
        // A batch that keeps failing against this cache means the two have drifted apart: start afresh.
        this.#rejected = error instanceof BatchRejected ? this.#rejected + 1 : 0;
        if (this.#rejected >= RESNAPSHOT_AFTER_REJECTIONS) {
          this.#rejected = 0;
          this.#needsSnapshot = true;
        }
        const delay = backoff(this.#failures, this.#timing);
        this.#o.log.warn({ failures: this.#failures, retryInMs: delay, kind: (error as Error).name }, `sync: ${message}`);
        this.#update({ phase: 'retrying', lastError: { at: this.#now(), message }, progress: null });
        await this.#sleep(delay);
      }
    }
  }

  async #runLive(): Promise<void> {
    let failures = 0;
    while (!this.#stopped) {
      try {
        await this.#client.live(
          this.#status.cursor ?? 0,
          (head) => {
            failures = 0;
            this.#update({ head: Math.max(head, this.#status.head ?? 0) });
            if (head > (this.#status.cursor ?? 0)) this.#wakeUp();
          },
          () => this.#update({ live: true }),
          this.#stop.signal,
        );
      } catch {
        // Logged by the main loop when HQ is really down; a dropped stream alone just reconnects.
      }
      this.#update({ live: false });
      if (this.#stopped) break;
      failures++;
      await this.#sleep(backoff(failures, this.#timing), false);
    }
  }

  async #catchUp(): Promise<void> {
    const applier = this.#applier;
    const cursor = this.#status.cursor;
    if (!applier || cursor === null) throw new SnapshotRejected('no cache to apply changes to');
    let next: Promise<ChangesAnswer> | null = this.#client.changes(cursor, this.#etag, this.#stop.signal);
    while (next) {
      if (this.#stopped) return;
      const answer = await next;
      next = null;
      if (answer.kind === 'not-modified') {
        applier.touch(this.#now());
        this.#update({ lastSuccessAt: this.#now(), pendingChanges: 0 });
        return;
      }
      const batch = this.#checked(answer);
      // A long catch-up comes as many batches: HQ prepares the next (in its own process) while this thread
      // applies this one.
      if (batch.cursor < batch.head) {
        next = this.#client.changes(batch.cursor, null, this.#stop.signal);
        next.catch(() => undefined);
      }
      if (batch.changes.length > 0 || batch.cursor !== this.#status.cursor) {
        if (batch.changes.length > 0) this.#changedAt = performance.now();
        const applied = applier.apply(batch, this.#now());
        this.#o.onApplied?.(applied);
      } else {
        applier.touch(this.#now());
      }
      this.#etag = batch.cursor === batch.head ? (answer.kind === 'batch' ? answer.etag : null) : null;
      this.#update({ cursor: batch.cursor, head: Math.max(batch.head, this.#status.head ?? 0), pendingChanges: Math.max(0, batch.head - batch.cursor), lastSuccessAt: this.#now() });
      // Let a stop or a status request in between the batches of a long catch-up.
      if (next) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Folds the stock levels deltas left in `stock_recent` into the stock table, a slice per transaction
   * with a pause between, while there is nothing to catch up: a live head or "sync now" stops it, and it
   * goes on after that catch-up. Readers see the same stock throughout.
   */
  async #foldWhileIdle(): Promise<void> {
    const applier = this.#applier;
    if (!applier || applier.recentLevels() === 0) return;
    const started = this.#now();
    let folded = 0;
    while (!this.#stopped && !this.#woken && !this.#needsSnapshot) {
      const n = applier.fold(FOLD_SLICE);
      folded += n;
      if (n < FOLD_SLICE) {
        this.#o.log.debug({ levels: folded, ms: this.#now() - started }, 'sync: recent stock folded into the stock table');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, FOLD_PAUSE_MS));
    }
  }

  /** A batch the engine may apply, or the reason it must take a fresh snapshot instead. */
  #checked(answer: ChangesAnswer): ChangeBatch {
    if (answer.kind === 'expired') {
      this.#o.log.info({ cursor: this.#status.cursor }, 'sync: HQ has compacted past this cache; taking a fresh snapshot');
      throw new CursorExpired();
    }
    if (answer.kind === 'not-modified') throw new HqUnavailable('HQ answered "not modified" for a cursor it had just sent');
    const { batch } = answer;
    if (batch.region && this.#region && !sameRegion(batch.region, this.#region)) {
      this.#o.log.info({ cursor: batch.after }, 'sync: HQ has changed this store\'s region (a store opened or closed nearby); taking a fresh snapshot');
      throw new CursorExpired();
    }
    return batch;
  }

  async #provision(): Promise<void> {
    const started = this.#now();
    this.#update({ phase: 'provisioning', progress: progress('download', 0, started, this.#now(), 0, 0, 0) });
    const manifest = await this.#client.manifest(this.#stop.signal);
    const downloads = path.join(this.#o.dataDir, 'snapshots');
    mkdirSync(downloads, { recursive: true });
    const download = path.join(downloads, `${manifest.id}.ndjson.gz`);
    for (const name of readdirSync(downloads)) if (name !== path.basename(download)) rmSync(path.join(downloads, name), { force: true });

    const report = (stage: SyncProgress['stage'], fraction: number, rows: number, bytes: number): void => {
      const now = this.#now();
      if (now - this.#lastProgressAt < 200 && fraction < 1) return;
      this.#lastProgressAt = now;
      this.#update({ progress: progress(stage, fraction, started, now, rows, bytes, manifest.bytes) });
    };
    // Weights of the stages in the bar: a store's network makes the download the long part there.
    await this.#client.download(manifest, download, (bytes) => report('download', 0.3 * (bytes / manifest.bytes), 0, bytes), this.#stop.signal);

    const { file, loading } = nextCacheFile(this.#o.dataDir, manifest.id);
    const loaded = await loadSnapshot(download, loading, manifest, {
      openOptions: this.#binding(),
      signal: this.#stop.signal,
      now: this.#now(),
      onProgress: ({ rows, bytes }) => report('load', 0.3 + 0.65 * (bytes / manifest.bytes), rows, manifest.bytes),
      onChecking: (rows) => report('check', 0.95, rows, manifest.bytes),
    });
    report('swap', 0.99, loaded.rows, manifest.bytes);
    renameSync(loading, file);
    switchCacheFile(this.#o.dataDir, file);
    rmSync(download, { force: true });
    this.#openCurrent();
    this.#needsSnapshot = false;
    this.#etag = null;
    this.#o.log.info({ snapshot: manifest.id, rows: loaded.rows, cursor: loaded.cursor, ms: this.#now() - started }, 'sync: snapshot loaded and swapped in');
    this.#o.onSwapped?.(file);
    if (this.#o.removeOldCaches) removeStaleCacheFiles(this.#o.dataDir);
    this.#update({ progress: null });
  }

  #binding(): { nativeBinding?: string } {
    return this.#o.sqliteBinding ? { nativeBinding: this.#o.sqliteBinding } : {};
  }

  /** (Re)opens the current cache for writing and reads where it stands. */
  #openCurrent(): void {
    this.#db?.close();
    this.#db = null;
    this.#applier = null;
    const file = currentCacheFile(this.#o.dataDir);
    if (!existsSync(file)) {
      this.#needsSnapshot = true;
      this.#update({ source: 'empty', cursor: null });
      return;
    }
    const db = openCache(file, this.#binding());
    // The writer's page cache holds a big delta's dirty pages until its commit, so each is written once:
    // 128 MiB in the sync thread only (readers keep the small default).
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
    const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    const source = meta.get(META.source);
    const cursor = meta.get(META.cursor);
    const fromHq = source === 'hq' && meta.get(META.store) === this.#o.storeCode && cursor !== undefined;
    this.#region = meta.has(META.region) ? (JSON.parse(meta.get(META.region) as string) as Region) : null;
    this.#db = db;
    this.#applier = fromHq ? new BatchApplier(db) : null;
    this.#needsSnapshot = !fromHq;
    const lastSync = meta.get(META.lastSync);
    this.#update({
      source: source === 'hq' ? 'hq' : source === 'demo' ? 'demo' : 'empty',
      cursor: fromHq ? Number(cursor) : null,
      lastSuccessAt: fromHq && lastSync ? Number(lastSync) : null,
    });
  }

  #update(patch: Partial<SyncStatus>): void {
    const next = { ...this.#status, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return;
    this.#status = next;
    this.#o.onStatus?.(next);
  }

  #wakeUp(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Waits `ms`, or less when woken (a live event, "sync now", stop). */
  #sleep(ms: number, wakeable = true): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (wakeable && this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#stop.signal.removeEventListener('abort', done);
        if (wakeable) this.#wake = null;
        this.#woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#stop.signal.addEventListener('abort', done, { once: true });
      if (wakeable) this.#wake = done;
    });
  }
}

function sameRegion(a: Region, b: Region): boolean {
  return a.home === b.home && a.warehouse === b.warehouse && a.nearby.length === b.nearby.length && a.nearby.every((code, i) => code === b.nearby[i]);
}

/** HQ cannot continue this cache from its cursor (log compacted, region changed): a fresh snapshot follows. */
class CursorExpired extends Error {
  override readonly name = 'CursorExpired';
}

/** Exponential backoff with jitter: half fixed, half random, so a store's pillars do not retry in step. */
export function backoff(failures: number, timing: Pick<SyncTiming, 'backoffBaseMs' | 'backoffMaxMs'>, random = Math.random): number {
  const ceiling = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** Math.min(failures - 1, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function progress(stage: SyncProgress['stage'], fraction: number, started: number, now: number, rows: number, bytes: number, totalBytes: number): SyncProgress {
  const elapsed = (now - started) / 1000;
  const clamped = Math.min(1, Math.max(0, fraction));
  // An estimate needs a little history: none in the first 2 % or the first second.
  const etaSeconds = clamped > 0.02 && elapsed > 1 ? Math.round((elapsed / clamped) * (1 - clamped)) : null;
  return { stage, fraction: clamped, etaSeconds, rows, bytes, totalBytes };
}
