import type { PoolCode, PoolRequest } from '../../../shared/sync/coupons';
import type { Db } from '../db/open';

/** A code of this pillar's pool as the queries return it. */
export interface HeldCode {
  code: string;
  offerId: string;
  validUntil: number;
}

/** A code that went to a shopper's session. */
export interface IssuedCode extends HeldCode {
  issuedAt: number;
  expiresAt: number;
}

/** Issued codes are forgotten this long after they expire (the outbox carries their issue on its own). */
export const KEEP_EXPIRED_ISSUED_MS = 86_400_000;

/**
 * `coupon_pool` and `coupon_requests` in local.db: the codes HQ assigned to this pillar, which of them
 * went to which session, and the top-up request awaiting HQ's answer. Statements are prepared once;
 * the callers (coupons.ts, pool.ts) own the transactions.
 */
export class CouponStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    const held = 'code, offer_id AS offerId, valid_until AS validUntil';
    this.#s = {
      oldestFree: db.prepare(
        `SELECT ${held} FROM coupon_pool
         WHERE offer_id = ? AND store = ? AND issued_at IS NULL AND valid_until > ?
         ORDER BY assigned_at, rowid LIMIT 1`,
      ),
      issue: db.prepare('UPDATE coupon_pool SET issued_at = ?, session = ?, expires_at = ? WHERE code = ? AND issued_at IS NULL'),
      bySession: db.prepare(`SELECT ${held}, issued_at AS issuedAt, expires_at AS expiresAt FROM coupon_pool WHERE session = ? AND offer_id = ?`),
      freeCounts: db.prepare('SELECT offer_id AS offerId, count(*) AS n FROM coupon_pool WHERE store = ? AND issued_at IS NULL AND valid_until > ? GROUP BY offer_id'),
      issuedSince: db.prepare('SELECT offer_id AS offerId, count(*) AS n FROM coupon_pool WHERE store = ? AND issued_at >= ? GROUP BY offer_id'),
      add: db.prepare('INSERT INTO coupon_pool (code, offer_id, store, valid_until, assigned_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING'),
      freeOffers: db.prepare('SELECT DISTINCT offer_id FROM coupon_pool WHERE issued_at IS NULL').pluck(),
      dropFreeOfOffer: db.prepare('DELETE FROM coupon_pool WHERE offer_id = ? AND issued_at IS NULL'),
      dropFreeInvalid: db.prepare('DELETE FROM coupon_pool WHERE issued_at IS NULL AND (valid_until <= ? OR store <> ?)'),
      dropOldIssued: db.prepare('DELETE FROM coupon_pool WHERE issued_at IS NOT NULL AND expires_at < ?'),
      request: db.prepare('SELECT id, body FROM coupon_requests ORDER BY created_at, rowid LIMIT 1'),
      saveRequest: db.prepare('INSERT INTO coupon_requests (id, body, created_at) VALUES (?, ?, ?)'),
      dropRequest: db.prepare('DELETE FROM coupon_requests WHERE id = ?'),
    };
  }

  get db(): Db {
    return this.#db;
  }

  /** The code to hand out next for an offer: the longest held of its free, unexpired codes for this store. */
  oldestFree(offerId: string, store: string, now: number): HeldCode | undefined {
    return this.#s.oldestFree.get(offerId, store, now) as HeldCode | undefined;
  }

  /** Marks a free code issued to a session; false when it was no longer free. Join the caller's transaction. */
  issue(code: string, session: string, issuedAt: number, expiresAt: number): boolean {
    return this.#s.issue.run(issuedAt, session, expiresAt, code).changes === 1;
  }

  /** The code this session already got for this offer. */
  issuedTo(session: string, offerId: string): IssuedCode | undefined {
    return this.#s.bySession.get(session, offerId) as IssuedCode | undefined;
  }

  /** Free, unexpired codes per offer for a store. */
  freeCounts(store: string, now: number): Map<string, number> {
    return counts(this.#s.freeCounts.all(store, now));
  }

  /** Codes issued per offer since an instant (local midnight for "today"). */
  issuedSince(store: string, since: number): Map<string, number> {
    return counts(this.#s.issuedSince.all(store, since));
  }

  /** Stores codes HQ assigned; codes already held (an answer replayed) are left as they are. Returns how many were new. */
  add(codes: readonly PoolCode[], store: string, now: number): number {
    let added = 0;
    for (const code of codes) added += this.#s.add.run(code.code, code.offerId, store, code.validUntil, now).changes;
    return added;
  }

  /**
   * Drops free codes that can no longer go out: of offers not in `liveOffers` (deleted or ended), past
   * their validity, or assigned for another store than this pillar's now. Issued codes stay until a day
   * after they expire ("already" answers, today's counts). Returns how many were dropped.
   */
  prune(liveOffers: ReadonlySet<string>, store: string, now: number): number {
    let dropped = 0;
    this.#db.transaction(() => {
      for (const offerId of this.#s.freeOffers.all() as string[]) {
        if (!liveOffers.has(offerId)) dropped += this.#s.dropFreeOfOffer.run(offerId).changes;
      }
      dropped += this.#s.dropFreeInvalid.run(now, store).changes;
      this.#s.dropOldIssued.run(now - KEEP_EXPIRED_ISSUED_MS);
    })();
    return dropped;
  }

  /** The top-up request still waiting for HQ's answer (there is at most one). */
  pendingRequest(): { id: string; body: string } | undefined {
    return this.#s.request.get() as { id: string; body: string } | undefined;
  }

  saveRequest(request: PoolRequest, now: number): string {
    const body = JSON.stringify(request);
    this.#s.saveRequest.run(request.id, body, now);
    return body;
  }

  dropRequest(id: string): void {
    this.#s.dropRequest.run(id);
  }
}

function counts(rows: unknown[]): Map<string, number> {
  return new Map((rows as { offerId: string; n: number }[]).map((row) => [row.offerId, row.n]));
}
