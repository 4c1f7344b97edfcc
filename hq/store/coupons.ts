import type { Database, Statement } from 'better-sqlite3';
import type { CouponIssue, PoolAnswer, PoolCode, PoolRequest } from '../../shared/sync/coupons';
import type { Offer } from '../../shared/sync/entities';
import type { Receipt } from '../../shared/sync/upstream';
import { mintCouponCode } from './couponCodes';
import { Issues } from './issues';
import type { Answer, ClaimedRequest, CouponPoolStats, PoolWarning } from './store';
import { StoreInputError, SubmissionRefused } from './store';
import type { Recorded } from './upstreamKeys';
import { isTimeZone, zonedEpoch } from './zonedTime';

/** Codes a new check-in or today-only offer starts with, unless HQ is told otherwise. */
export const INITIAL_COUPON_POOL = 2_000;
/** Most codes one mint makes: a few seconds of work in one transaction. */
export const MAX_MINT = 100_000;
/** A pool request that leaves fewer than this share of an offer's codes in HQ's pool records a warning. */
const LOW_WATER_SHARE = 0.1;
const RECENT_WARNINGS = 10;

/** The offers a pillar hands out codes for; a bundle is applied at the till without one. */
export function pooled(offer: Offer): boolean {
  return offer.kind === 'check-in' || offer.kind === 'today-only';
}

export function lowWaterOf(minted: number): number {
  return Math.ceil(minted * LOW_WATER_SHARE);
}

/** Whether an offer runs in a store at all (its schedule aside): an empty list is every store. */
export function runsIn(offer: Offer, storeCode: string): boolean {
  return offer.stores.length === 0 || offer.stores.includes(storeCode);
}

export interface CouponRow {
  id: number;
  code: string;
  offerId: string;
  storeCode: string | null;
  kioskId: string | null;
  validUntil: number | null;
  issueId: string | null;
  issuedAt: number | null;
  expiresAt: number | null;
  redeemedAt: number | null;
  redeemedStore: string | null;
  redeemedTransaction: string | null;
  redemption: string | null;
}

type Warned = PoolWarning & { offerId: string };

/**
 * The coupons tables: minting, pools per pillar, issues, and the reads behind redemption and the admin's
 * pool view. Every method runs inside the caller's transaction (IMMEDIATE for writes).
 */
export class Coupons {
  readonly #s: Record<
    | 'insert'
    | 'counts'
    | 'assign'
    | 'poolRequest'
    | 'poolRequestById'
    | 'poolCodes'
    | 'warn'
    | 'byCode'
    | 'byIssue'
    | 'recordIssue'
    | 'offer'
    | 'offerKinds'
    | 'timeZone'
    | 'stats'
    | 'warningCounts'
    | 'recentWarnings',
    Statement
  >;

  constructor(db: Database) {
    this.#s = {
      insert: db.prepare('INSERT INTO coupons (code, offer_id, minted_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING'),
      counts: db.prepare('SELECT count(*) AS minted, count(*) - count(kiosk_id) AS unassigned FROM coupons WHERE offer_id = ?'),
      assign: db.prepare(
        `UPDATE coupons SET store_code = ?, kiosk_id = ?, pool_request = ?, assigned_at = ?, valid_until = ?
         WHERE id IN (SELECT id FROM coupons WHERE offer_id = ? AND kiosk_id IS NULL ORDER BY id LIMIT ?)
         RETURNING id, code`,
      ),
      poolRequest: db.prepare('INSERT INTO coupon_pool_requests (id, store_code, kiosk_id, request_sha256, received_at, short) VALUES (?, ?, ?, ?, ?, ?)'),
      poolRequestById: db.prepare('SELECT store_code AS storeCode, request_sha256 AS requestSha256, short FROM coupon_pool_requests WHERE id = ?'),
      poolCodes: db.prepare('SELECT offer_id AS offerId, code, valid_until AS validUntil FROM coupons WHERE pool_request = ? ORDER BY id'),
      warn: db.prepare('INSERT INTO pool_warnings (offer_id, kind, store_code, kiosk_id, have, wanted, given, unassigned, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      byCode: db.prepare(
        `SELECT id, code, offer_id AS offerId, store_code AS storeCode, kiosk_id AS kioskId, valid_until AS validUntil, issue_id AS issueId,
                issued_at AS issuedAt, expires_at AS expiresAt, redeemed_at AS redeemedAt, redeemed_store AS redeemedStore,
                redeemed_transaction AS redeemedTransaction, redemption
         FROM coupons WHERE code = ?`,
      ),
      byIssue: db.prepare('SELECT store_code AS storeCode, issue_sha256 AS requestSha256, issue_received_at AS receivedAt FROM coupons WHERE issue_id = ?'),
      recordIssue: db.prepare('UPDATE coupons SET issue_id = ?, issue_sha256 = ?, issued_at = ?, expires_at = ?, issue_received_at = ? WHERE id = ?'),
      offer: db.prepare('SELECT data FROM offers WHERE id = ?').pluck(),
      offerKinds: db.prepare("SELECT id, json_extract(data, '$.kind') AS kind FROM offers"),
      timeZone: db.prepare("SELECT json_extract(data, '$.timeZone') FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      stats: db.prepare(
        `SELECT offer_id AS offerId, count(*) AS minted, count(*) - count(kiosk_id) AS unassigned, count(kiosk_id) AS assigned,
                count(issued_at) AS issued, count(redeemed_at) AS redeemed
         FROM coupons GROUP BY offer_id`,
      ),
      warningCounts: db.prepare('SELECT offer_id AS offerId, count(*) AS warnings FROM pool_warnings GROUP BY offer_id'),
      recentWarnings: db.prepare(
        `SELECT at, kind, store_code AS store, kiosk_id AS kioskId, have, wanted, given, unassigned
         FROM pool_warnings WHERE offer_id = ? ORDER BY id DESC LIMIT ${RECENT_WARNINGS}`,
      ),
    };
  }

  /** Mints `count` new codes; a clash with any code ever minted is simply drawn again. */
  mint(offerId: string, count: number, now: number): void {
    let left = count;
    // 40 random bits: a clash is rare even among millions of codes; this bound is only against a broken random source.
    for (let draws = 0; left > 0; draws++) {
      if (draws > 2 * count + 100) throw new Error('coupon codes keep clashing: is the random source broken?');
      left -= this.#s.insert.run(mintCouponCode(), offerId, now).changes;
    }
  }

  counts(offerId: string): { minted: number; unassigned: number } {
    return this.#s.counts.get(offerId) as { minted: number; unassigned: number };
  }

  offer(id: string): Offer | null {
    const json = this.#s.offer.get(id) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as Offer);
  }

  offerIds(): { id: string; kind: Offer['kind'] }[] {
    return this.#s.offerKinds.all() as { id: string; kind: Offer['kind'] }[];
  }

  /**
   * A store's time zone, which its offers' schedules are written in; `SubmissionRefused` for a code that
   * is not one of the chain's stores. A zone this JavaScript does not know is taken as UTC rather than
   * refusing every request of the store.
   */
  timeZone(storeCode: string): string {
    const zone = this.#s.timeZone.get(storeCode) as string | undefined;
    if (zone === undefined) throw new SubmissionRefused(`HQ knows no store "${storeCode}"`, [{ path: 'store', message: `HQ knows no store "${storeCode}"` }]);
    return isTimeZone(zone) ? zone : 'UTC';
  }

  /** A claimed pool request of one pillar: the codes, the offers HQ could not fill, and the warnings to log. */
  assign(request: PoolRequest, claim: ClaimedRequest & { kioskId: string }): { answer: Answer<PoolAnswer>; warnings: Warned[] } {
    const issues = new Issues();
    const seen = new Set<string>();
    request.offers.forEach(({ offerId }, index) => {
      if (seen.has(offerId)) issues.add(`offers.${index}.offerId`, `repeats offer "${offerId}"`);
      seen.add(offerId);
    });
    issues.throwIfAny('The pool request was refused');
    const timeZone = this.timeZone(request.store);

    const codes: (PoolCode & { id: number })[] = [];
    const short: string[] = [];
    const warnings: Warned[] = [];
    for (const { offerId, have, want } of request.offers) {
      const offer = this.offer(offerId);
      // Offers without codes (bundles), or that do not run here, or have ended, are left out: the pillar
      // hears of them through the offers feed.
      if (!offer || !pooled(offer) || !runsIn(offer, request.store)) continue;
      const validUntil = zonedEpoch(offer.schedule.end, timeZone);
      if (claim.now >= validUntil) continue;
      const rows = this.#s.assign.all(request.store, claim.kioskId, request.id, claim.now, validUntil, offerId, want) as { id: number; code: string }[];
      for (const row of rows) codes.push({ id: row.id, offerId, code: row.code, validUntil });

      const { minted, unassigned } = this.counts(offerId);
      const kind = rows.length < want ? 'short' : unassigned < lowWaterOf(minted) ? 'low' : null;
      if (kind === 'short') short.push(offerId);
      if (kind) {
        const warning: Warned = { offerId, at: claim.now, kind, store: request.store, kioskId: claim.kioskId, have, wanted: want, given: rows.length, unassigned };
        this.#s.warn.run(offerId, kind, request.store, claim.kioskId, have, want, rows.length, unassigned, claim.now);
        warnings.push(warning);
      }
    }
    this.#s.poolRequest.run(request.id, request.store, claim.kioskId, claim.requestSha256, claim.now, JSON.stringify(short));
    // In minting order, as a replay rebuilt from the rows lists them.
    codes.sort((a, b) => a.id - b.id);
    return { answer: { status: 200, body: { codes: codes.map(({ offerId, code, validUntil }) => ({ offerId, code, validUntil })), short } }, warnings };
  }

  /** The answer a pool request's rows still give, for a replay that outlived its key. */
  recordedPool(id: string): Recorded | null {
    const row = this.#s.poolRequestById.get(id) as { storeCode: string; requestSha256: string; short: string } | undefined;
    if (!row) return null;
    const body: PoolAnswer = { codes: this.#s.poolCodes.all(id) as PoolCode[], short: JSON.parse(row.short) as string[] };
    return { kind: 'coupon-pool', storeCode: row.storeCode, requestSha256: row.requestSha256, answer: { status: 200, body } };
  }

  /**
   * A pillar gave a code of its pool to a shopper. A code HQ already found at a till (the pillar was
   * offline) takes the pillar's own time and expiry now, and stays redeemed.
   */
  issue(issue: CouponIssue, claim: ClaimedRequest): Answer<Receipt> {
    const row = this.byCode(issue.code);
    const issues = new Issues();
    // The messages go back to the pillar and into HQ's debug log: they never repeat the code.
    if (!row || row.kioskId === null) issues.add('code', 'is not a code HQ gave to a pillar');
    else if (claim.kioskId !== null && row.kioskId !== claim.kioskId) issues.add('code', "is in another pillar's pool, not this one's");
    else if (row.storeCode !== issue.store) issues.add('code', `is in a pool of another store than "${issue.store}"`);
    else {
      if (row.offerId !== issue.offerId) issues.add('offerId', `must be "${row.offerId}", the offer the code belongs to`);
      if (row.issueId !== null && row.issueId !== issue.id) issues.add('code', 'was already issued to a shopper (under another issue id)');
    }
    if (issue.expiresAt <= issue.issuedAt) issues.add('expiresAt', 'must be after issuedAt');
    issues.refuseIfAny('The coupon issue was refused');
    if (!row) throw new Error('unreachable: an unknown code is refused');
    this.#s.recordIssue.run(issue.id, claim.requestSha256, issue.issuedAt, issue.expiresAt, claim.now, row.id);
    return { status: 201, body: { id: issue.id, receivedAt: claim.now } };
  }

  recordedIssue(id: string): Recorded | null {
    const row = this.#s.byIssue.get(id) as { storeCode: string; requestSha256: string; receivedAt: number } | undefined;
    if (!row) return null;
    return { kind: 'coupon-issue', storeCode: row.storeCode, requestSha256: row.requestSha256, answer: { status: 201, body: { id, receivedAt: row.receivedAt } satisfies Receipt } };
  }

  byCode(code: string): CouponRow | null {
    return (this.#s.byCode.get(code) as CouponRow | undefined) ?? null;
  }

  stats(): CouponPoolStats[] {
    const counts = new Map((this.#s.stats.all() as Omit<CouponPoolStats, 'kind' | 'lowWater' | 'warnings' | 'recentWarnings'>[]).map((row) => [row.offerId, row]));
    const warnings = new Map((this.#s.warningCounts.all() as { offerId: string; warnings: number }[]).map((row) => [row.offerId, row.warnings]));
    const kinds = new Map(this.offerIds().map((offer) => [offer.id, offer.kind]));
    const ids = [...new Set([...kinds.keys(), ...counts.keys()])].sort();
    return ids.map((offerId) => {
      const row = counts.get(offerId) ?? { offerId, minted: 0, unassigned: 0, assigned: 0, issued: 0, redeemed: 0 };
      const warned = warnings.get(offerId) ?? 0;
      return {
        ...row,
        kind: kinds.get(offerId) ?? null,
        lowWater: lowWaterOf(row.minted),
        warnings: warned,
        recentWarnings: warned === 0 ? [] : (this.#s.recentWarnings.all(offerId) as PoolWarning[]),
      };
    });
  }
}

/** A mint count the store accepts: a whole number from 1 to `MAX_MINT`. */
export function checkMintCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_MINT) {
    throw new StoreInputError(`Mint 1–${MAX_MINT} codes at a time`, [{ path: 'count', message: `must be a whole number from 1 to ${MAX_MINT}` }]);
  }
}
