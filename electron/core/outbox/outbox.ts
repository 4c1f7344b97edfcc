import type { UpstreamKind } from '../../../shared/sync/upstream';
import type { Logger } from '../log/logger';
import type { UpstreamClient } from './client';
import type { OutboxRow, OutboxStore } from './store';

export interface OutboxTiming {
  /** The first retry waits up to this long; each failure doubles the ceiling. */
  baseMs: number;
  /** The ceiling stops doubling here: a pillar whose HQ was down for a day tries every few minutes. */
  maxMs: number;
  /** How long one post may wait for HQ's answer (the client's; here so one object tunes the outbox). */
  requestTimeoutMs: number;
}

export const DEFAULT_OUTBOX_TIMING: OutboxTiming = { baseMs: 1_000, maxMs: 5 * 60_000, requestTimeoutMs: 15_000 };

/** What the business modules do when HQ answers for one of their rows; each runs inside the row's transaction. */
export interface DeliveryHooks {
  /** HQ acknowledged the row: take its answer, and drop personal data. */
  delivered(kind: UpstreamKind, id: string, answer: unknown): void;
  /** HQ refused the row for good. */
  rejected(kind: UpstreamKind, id: string): void;
  /** HQ says another order of this store has this code: mint a new one and answer the new body. */
  remint(id: string, body: string): string;
  /** The personal values in a body (names, contact, address, free text), kept out of any reason stored or logged. */
  personal(kind: UpstreamKind, body: string): string[];
}

export interface OutboxOptions {
  store: OutboxStore;
  client: UpstreamClient;
  hooks: DeliveryHooks;
  log: Logger;
  timing?: Partial<OutboxTiming>;
  now?: () => number;
  random?: () => number;
  /** A row moved (delivered, failed, refused): `pending` rows remain. */
  onChanged?: (pending: number) => void;
  /** HQ answered for an order (acknowledged, refused, or its code taken: a new one was minted). */
  onOrderUpdated?: (id: string) => void;
}

/**
 * Delivers the outbox to HQ, oldest due row first, one post at a time, on the kiosk's main thread (a few
 * small JSON posts: nothing here blocks). Every row is retried with exponential backoff and full jitter,
 * forever, until HQ acknowledges or refuses it; while HQ itself is down (network, timeouts, 5xx) every
 * row waits, not only the one that failed. It wakes at once for a new row and when sync reaches HQ again.
 *
 * Crash safety does not depend on this class: a row is marked delivered only after HQ's 2xx, in the same
 * transaction that drops the personal data, so a kill at any moment leaves the row pending and the next
 * start posts the same body under the same Idempotency-Key — which HQ answers with its first result.
 */
export class OutboxDeliverer {
  readonly #o: OutboxOptions;
  readonly #timing: OutboxTiming;
  readonly #now: () => number;
  readonly #random: () => number;
  #stopped = false;
  #loop: Promise<void> | null = null;
  #inFlight: AbortController | null = null;
  /** Consecutive failures that said HQ is unreachable, and until when every row waits because of them. */
  #unreachable = 0;
  #pausedUntil = 0;
  #wake: (() => void) | null = null;
  #woken = false;

  constructor(options: OutboxOptions) {
    this.#o = options;
    this.#timing = { ...DEFAULT_OUTBOX_TIMING, ...options.timing };
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  start(): void {
    this.#loop ??= this.#run().catch((error: unknown) => {
      // A bug, not HQ: say so loudly; the rows stay pending and the next start delivers them.
      this.#o.log.error({ err: { type: (error as Error).name, stack: (error as Error).stack?.split('\n').slice(1).join('\n') } }, 'outbox: delivery stopped');
    });
  }

  /** A new row waits, or HQ is back (`hqBack`: sync reached it): deliver now rather than after the backoff. */
  wake(options: { hqBack?: boolean } = {}): void {
    this.#pausedUntil = 0;
    if (options.hqBack) {
      this.#unreachable = 0;
      if (!this.#stopped) this.#o.store.allDue(this.#now());
    }
    this.#woken = true;
    this.#wake?.();
  }

  /** Stops after the post in flight (aborted: its row stays pending and is posted again on the next start). */
  async close(): Promise<void> {
    this.#stopped = true;
    this.#inFlight?.abort();
    this.#wake?.();
    await this.#loop;
  }

  async #run(): Promise<void> {
    this.#o.store.forgetDelivered(this.#now());
    while (!this.#stopped) {
      const now = this.#now();
      const row = now >= this.#pausedUntil ? this.#o.store.nextDue(now) : undefined;
      if (row) {
        await this.#attempt(row);
        continue;
      }
      const nextDue = this.#o.store.nextWakeAt();
      const until = nextDue === null ? null : Math.max(nextDue, this.#pausedUntil);
      await this.#sleep(until === null ? null : Math.max(0, until - now));
    }
  }

  async #attempt(row: OutboxRow): Promise<void> {
    const { store, client, hooks, log } = this.#o;
    if (row.payload === null) {
      // Only a delivered row loses its body; a pending one without it cannot be sent as it was first sent.
      store.rejected(row.id, this.#now(), 'the row has no body to send');
      this.#changed(row);
      return;
    }
    const controller = new AbortController();
    this.#inFlight = controller;
    const outcome = await client.post(row.kind, row.id, row.payload, controller.signal);
    this.#inFlight = null;
    if (this.#stopped) return; // closing: whatever HQ did, the row is still pending and is posted again next time
    const now = this.#now();
    const db = store.db;

    switch (outcome.kind) {
      case 'delivered': {
        this.#unreachable = 0;
        db.transaction(() => {
          store.delivered(row.id, now, outcome.answer);
          hooks.delivered(row.kind, row.id, outcome.answer);
        })();
        // The old row versions are zeroed in the file (secure_delete); the write-ahead log still holds them
        // until a checkpoint copies the new pages back and truncates it. A reader may hold a checkpoint
        // back: the next delivery's checkpoint finishes the job.
        if (row.kind === 'order') db.pragma('wal_checkpoint(TRUNCATE)');
        log.info({ id: row.id, kind: row.kind, attempts: row.attempts + 1 }, 'outbox: delivered to HQ');
        break;
      }
      case 'retry': {
        if (outcome.unreachable) {
          this.#unreachable++;
          this.#pausedUntil = now + this.#delay(this.#unreachable);
        }
        const delay = this.#delay(row.attempts + 1);
        const reason = scrub(outcome.reason, hooks.personal(row.kind, row.payload));
        store.failed(row.id, now, reason, now + delay);
        log.warn({ id: row.id, kind: row.kind, attempts: row.attempts + 1, retryInMs: Math.max(delay, this.#pausedUntil - now) }, `outbox: ${reason}`);
        break;
      }
      case 'code-taken': {
        const body = row.payload;
        db.transaction(() => {
          store.replacePayload(row.id, hooks.remint(row.id, body));
          store.failed(row.id, now, 'HQ had this order code already: a new one was minted', now);
        })();
        log.warn({ id: row.id, kind: row.kind }, 'outbox: order code taken at HQ; minted a new one');
        break;
      }
      case 'rejected': {
        const reason = scrub(outcome.reason, hooks.personal(row.kind, row.payload));
        db.transaction(() => {
          store.rejected(row.id, now, reason);
          hooks.rejected(row.kind, row.id);
        })();
        log.error({ id: row.id, kind: row.kind }, `outbox: HQ refused the row; kept for staff, not retried: ${reason}`);
        break;
      }
    }
    // The confirmation re-reads an order HQ answered for (its payment link, its state) or whose code changed.
    this.#changed(row, outcome.kind !== 'retry');
  }

  #changed(row: OutboxRow, answered = true): void {
    this.#o.onChanged?.(this.#o.store.pendingCount());
    if (answered && row.kind === 'order') this.#o.onOrderUpdated?.(row.id);
  }

  #delay(failures: number): number {
    return backoffDelay(failures, this.#timing, this.#random);
  }

  /** Waits `ms` (forever when null), or less when woken (a new row, HQ back, close). */
  #sleep(ms: number | null): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => done(), Math.min(ms, 2 ** 31 - 1));
      const done = (): void => {
        if (timer) clearTimeout(timer);
        this.#wake = null;
        this.#woken = false;
        resolve();
      };
      this.#wake = done;
    });
  }
}

/**
 * Exponential backoff with full jitter: anywhere up to a ceiling that doubles with each failure (from
 * `baseMs`, capped at `maxMs`), so a store's pillars coming back together spread out.
 */
export function backoffDelay(failures: number, timing: Pick<OutboxTiming, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(timing.maxMs, timing.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(random() * ceiling);
}

/** A reason with every personal value of its row taken out (HQ may quote what it refused). */
export function scrub(reason: string, personal: readonly string[]): string {
  let text = reason;
  // Longest first, so a full name goes before the given name inside it.
  for (const value of [...personal].sort((a, b) => b.length - a.length)) {
    if (value.length >= 2) text = text.split(value).join('[personal]');
  }
  return text.slice(0, 500);
}
