import { randomUUID } from 'node:crypto';
import { PoolAnswer, PoolRequest } from '../../../shared/sync/coupons';
import type { Logger } from '../log/logger';
import { cachedOffers } from '../offers/offers';
import { hasEnded, runsInStore } from '../offers/schedule';
import type { UpstreamClient } from '../outbox/client';
import { backoffDelay, DEFAULT_OUTBOX_TIMING, type OutboxTiming } from '../outbox/outbox';
import { hasCodes, LOW_WATER, type CouponContext } from './coupons';
import type { CouponStore } from './couponStore';

/** An offer's pool is filled up to this many free codes when it asks. */
export const POOL_TARGET = 100;
const POOL_PATH = '/v1/coupons/pool';
/** HQ takes at most 50 offers and 500 codes per offer in one request (shared/sync/coupons.ts). */
const MAX_OFFERS = 50;
const MAX_WANT = 500;

export interface PoolTopUpOptions {
  store: CouponStore;
  /** The outbox's client: the same statuses mean the same outcomes. */
  client: UpstreamClient;
  /** The cache, store and time zone now; null while there is no catalog (first provisioning). */
  context: () => CouponContext | null;
  log: Logger;
  /** Backoff between attempts (the outbox's). */
  timing?: Partial<OutboxTiming>;
  now?: () => number;
  random?: () => number;
  lowWater?: number;
  target?: number;
}

/**
 * Keeps this pillar's coupon pools topped up from HQ (`POST /v1/coupons/pool`). Asked to run on start,
 * after sync applied offers, and when a claim leaves an offer below the low-water mark; runs one request
 * at a time, again afterwards if asked meanwhile.
 *
 * A request is written to local.db before it is sent and replayed under the same Idempotency-Key (its
 * id) until HQ answers — across restarts too — so codes HQ assigned to an answer that got lost still
 * arrive: HQ answers a replay with the same codes. The answer's codes and the request's removal are one
 * transaction. Codes never appear in a log line; offer ids and counts do.
 */
export class PoolTopUp {
  readonly #o: PoolTopUpOptions;
  readonly #timing: OutboxTiming;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #abort = new AbortController();
  #stopped = false;
  #again = false;
  #running: Promise<void> | null = null;
  #wake: (() => void) | null = null;

  constructor(options: PoolTopUpOptions) {
    this.#o = options;
    this.#timing = { ...DEFAULT_OUTBOX_TIMING, ...options.timing };
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  /** Check the pools and ask HQ for what runs low (now, or once the request in flight is done). */
  request(): void {
    if (this.#stopped) return;
    this.#again = true;
    if (this.#running) return;
    this.#running = (async () => {
      try {
        while (this.#again && !this.#stopped) {
          this.#again = false;
          await this.#topUp();
        }
      } catch (error) {
        // A bug, not HQ: the request stays in local.db and the next trigger replays it.
        this.#o.log.error({ err: { type: (error as Error).name, stack: (error as Error).stack?.split('\n').slice(1).join('\n') } }, 'coupons: pool top-up stopped');
      } finally {
        this.#running = null;
      }
    })();
  }

  /** HQ is reachable again (sync reached it): a request waiting out its backoff goes now. */
  wake(): void {
    this.#wake?.();
  }

  /** Resolves once no top-up is running. */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops; a request in flight is aborted and stays in local.db for the next start. */
  async close(): Promise<void> {
    this.#stopped = true;
    this.#abort.abort();
    this.#wake?.();
    await this.settled();
  }

  async #topUp(): Promise<void> {
    const ctx = this.#o.context();
    if (!ctx) return;
    const { store, log } = this.#o;
    const now = this.#now();
    const offers = cachedOffers(ctx.cache).filter((offer) => hasCodes(offer) && runsInStore(offer, ctx.storeCode) && !hasEnded(offer, ctx.timeZone, new Date(now)));
    const dropped = store.prune(new Set(offers.map((offer) => offer.id)), ctx.storeCode, now);
    if (dropped > 0) log.info({ dropped }, 'coupons: dropped codes of offers that ended or were withdrawn');

    let pending = store.pendingRequest();
    if (pending && (JSON.parse(pending.body) as PoolRequest).store !== ctx.storeCode) {
      // Written for the store this pillar stood in before: its token no longer opens that store.
      store.dropRequest(pending.id);
      pending = undefined;
    }
    if (pending) {
      // The answer to it is still owed: take it first, then look at the pools afresh.
      this.#again = true;
    } else {
      const free = store.freeCounts(ctx.storeCode, now);
      const lowWater = this.#o.lowWater ?? LOW_WATER;
      const target = Math.max(lowWater, this.#o.target ?? POOL_TARGET);
      const wanted = offers
        .map((offer) => ({ offerId: offer.id, have: free.get(offer.id) ?? 0 }))
        .filter((entry) => entry.have < lowWater)
        .sort((a, b) => a.have - b.have)
        .slice(0, MAX_OFFERS)
        .map((entry) => ({ ...entry, want: Math.min(MAX_WANT, target - entry.have) }));
      if (wanted.length === 0) return;
      const request = PoolRequest.parse({ id: randomUUID(), store: ctx.storeCode, offers: wanted });
      pending = { id: request.id, body: store.saveRequest(request, now) };
    }
    await this.#send(pending.id, pending.body, ctx.storeCode);
  }

  async #send(id: string, body: string, storeCode: string): Promise<void> {
    const { store, client, log } = this.#o;
    const asked = new Set((JSON.parse(body) as PoolRequest).offers.map((offer) => offer.offerId));
    for (let failures = 0; !this.#stopped; ) {
      const outcome = await client.request(POOL_PATH, id, body, PoolAnswer, this.#abort.signal);
      if (this.#stopped) return;
      if (outcome.kind === 'delivered') {
        const now = this.#now();
        const codes = outcome.answer.codes.filter((code) => asked.has(code.offerId) && code.validUntil > now);
        const added = store.db.transaction(() => {
          const count = store.add(codes, storeCode, now);
          store.dropRequest(id);
          return count;
        })();
        log.info({ offers: asked.size, received: codes.length, added }, 'coupons: HQ topped up the pool');
        if (outcome.answer.short.length > 0) log.warn({ offers: outcome.answer.short }, 'coupons: HQ could not fill the pool for these offers (HQ has recorded a warning)');
        return;
      }
      if (outcome.kind === 'rejected') {
        store.dropRequest(id);
        log.warn({ offers: asked.size }, `coupons: HQ refused the pool request: ${outcome.reason}`);
        return;
      }
      failures++;
      const delay = backoffDelay(failures, this.#timing, this.#random);
      log.warn({ attempts: failures, retryInMs: delay }, `coupons: pool request not answered: ${outcome.reason}`);
      await this.#sleep(delay);
    }
  }

  #sleep(ms: number): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = (): void => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      this.#wake = done;
    });
  }
}
