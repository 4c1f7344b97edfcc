import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { CouponIssue, type PoolAnswer, PoolRequest, type RedeemAnswer } from '../../shared/sync/coupons';
import type { Offer } from '../../shared/sync/entities';
import type { Receipt } from '../../shared/sync/upstream';
import { codeHint } from './couponCodes';
import { Coupons, checkMintCount, pooled } from './coupons';
import { parsed } from './issues';
import { Redemptions } from './redemptions';
import { type Answer, type ClaimedRequest, type CouponPoolStats, type MintResult, type Redemption, StoreInputError, SubmissionRefused } from './store';
import type { Recorded } from './upstreamKeys';

/** The store's way to apply a claimed upstream request: its rows and its key's answer in one transaction. */
export type Receive = <T>(claim: ClaimedRequest, apply: () => Answer<T>) => Promise<Answer<T>>;

/**
 * The store's coupon methods (`HqStore`, "Coupons"): the transactions and log lines around the coupons
 * tables (coupons.ts) and redemption (redemptions.ts). Log lines carry counts, offers, stores and the
 * last two characters of a code — never a whole one.
 */
export class CouponLedger {
  readonly #db: Database.Database;
  readonly #log: Logger | undefined;
  readonly #initialPool: number;
  readonly #receive: Receive;
  readonly #coupons: Coupons;
  readonly #redemptions: Redemptions;

  constructor(db: Database.Database, options: { log: Logger | undefined; initialPool: number; receive: Receive }) {
    this.#db = db;
    this.#log = options.log;
    this.#initialPool = options.initialPool;
    this.#receive = options.receive;
    this.#coupons = new Coupons(db);
    this.#redemptions = new Redemptions(db, this.#coupons);
  }

  /** The initial pool of a check-in or today-only offer that has no codes yet, inside the caller's transaction; how many were minted. */
  mintInitialPool(offer: Offer, now: number): number {
    if (!pooled(offer) || this.#initialPool === 0 || this.#coupons.counts(offer.id).minted > 0) return 0;
    this.#coupons.mint(offer.id, this.#initialPool, now);
    return this.#initialPool;
  }

  mint(offerId: string, count: number, now: number): MintResult | null {
    checkMintCount(count);
    const result = this.#db
      .transaction((): MintResult | null => {
        const offer = typeof offerId === 'string' ? this.#coupons.offer(offerId) : null;
        if (!offer) return null;
        if (!pooled(offer)) throw new SubmissionRefused(`Offer "${offerId}" is a ${offer.kind}: only check-in and today-only offers have codes`, [{ path: 'id', message: 'must be a check-in or today-only offer' }]);
        this.#coupons.mint(offerId, count, now);
        const { minted, unassigned } = this.#coupons.counts(offerId);
        return { offerId, minted: count, total: minted, unassigned };
      })
      .immediate();
    if (result) this.#log?.info({ offer: offerId, minted: count, total: result.total }, 'coupons minted');
    return result;
  }

  mintMissingPools(now: number): number {
    const minted = this.#db
      .transaction(() =>
        this.#coupons.offerIds().filter(({ id }) => {
          const offer = this.#coupons.offer(id);
          return offer !== null && this.mintInitialPool(offer, now) > 0;
        }),
      )
      .immediate();
    for (const { id } of minted) this.#log?.info({ offer: id, minted: this.#initialPool }, 'coupon pool minted for an offer that had none');
    return minted.length;
  }

  async assignPool(input: PoolRequest, claim: ClaimedRequest): Promise<Answer<PoolAnswer>> {
    const { kioskId } = claim;
    if (kioskId === null) throw new StoreInputError('Pools belong to pillars: a pool request needs the pillar it is for');
    let warnings: ReturnType<Coupons['assign']>['warnings'] = [];
    const answer = await this.#receive(claim, () => {
      const assigned = this.#coupons.assign(parsed(PoolRequest, input, 'The pool request was refused'), { ...claim, kioskId });
      warnings = assigned.warnings;
      return assigned.answer;
    });
    for (const { offerId, ...warning } of warnings) {
      this.#log?.warn({ offer: offerId, ...warning }, warning.kind === 'short' ? "an offer's coupon pool could not fill a pillar's request" : "an offer's coupon pool is running low");
    }
    return answer;
  }

  receiveIssue(input: CouponIssue, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    return this.#receive(claim, () => this.#coupons.issue(parsed(CouponIssue, input, 'The coupon issue was refused'), claim));
  }

  redeem(redemption: Redemption, now: number): Answer<RedeemAnswer> {
    if (typeof redemption.code !== 'string' || typeof redemption.store !== 'string' || typeof redemption.transaction !== 'string' || redemption.transaction.length === 0) {
      throw new StoreInputError('A redemption needs a code, a store and a transaction');
    }
    const answer = this.#db.transaction(() => this.#redemptions.redeem(redemption, now)).immediate();
    const { body } = answer;
    this.#log?.info(
      { code: codeHint(body.code), store: redemption.store, by: redemption.by, transaction: redemption.transaction, ...(body.ok ? { offer: body.offerId } : { reason: body.reason }), status: answer.status },
      body.ok ? 'coupon redeemed' : 'coupon refused',
    );
    return answer;
  }

  pools(): CouponPoolStats[] {
    return this.#db.transaction(() => this.#coupons.stats())();
  }

  recorded(kind: 'coupon-pool' | 'coupon-issue', id: string): Recorded | null {
    return kind === 'coupon-pool' ? this.#coupons.recordedPool(id) : this.#coupons.recordedIssue(id);
  }
}
