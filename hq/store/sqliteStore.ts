import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { CouponIssue, PoolAnswer, PoolRequest, RedeemAnswer } from '../../shared/sync/coupons';
import { Offer, type Product, Settings, type StockTuple } from '../../shared/sync/entities';
import { canonicalJson } from '../../shared/sync/digest';
import { type Change, type Cursor, type Feed, type Region, type SnapshotManifest, StockUpdate, type StockUpdateResult } from '../../shared/sync/protocol';
import { HelpSubmission, type OrderReceipt, type OrderStatus, OrderSubmission, RatingSubmission, type Receipt } from '../../shared/sync/upstream';
import { type FleetStore, SqliteFleetStore } from '../fleet/fleetStore';
import { CatalogWrites } from './catalogWrites';
import { ChangeLog, EVERY_REGION, type LogWriter } from './changeLog';
import { CouponLedger } from './couponLedger';
import { INITIAL_COUPON_POOL } from './coupons';
import { entityJson } from './entityJson';
import { Submissions } from './feedback';
import { Issues, parsed } from './issues';
import { migrate } from './migrate';
import { Orders } from './orders';
import { readProducts, readRegionState } from './regionState';
import { regionOf } from './regions';
import { HQ_MIGRATIONS } from './schema';
import { Snapshots } from './snapshots';
import { SqliteStaffStore } from './staffStore';
import { StockWrites } from './stockWrites';
import {
  type Answer,
  type CatalogInput,
  type Claim,
  type ClaimedRequest,
  type CouponPoolStats,
  type HqStore,
  IdempotencyConflict,
  type IssuedPayment,
  type KeyKind,
  type ListQuery,
  type MintResult,
  type OrderStatusRow,
  type Page,
  type PaymentView,
  type PublishResult,
  type Redemption,
  type RegionStateRows,
  type StoredHelpRequest,
  type StoredOrder,
  type StoredRating,
  StoreInputError,
  type UpstreamRequest,
} from './store';
import { StoreTokens } from './tokens';
import { type Recorded, UPSTREAM_KEY_TTL_MS, UpstreamKeys } from './upstreamKeys';

/** Idempotency keys older than this are forgotten: a till retries for minutes or days, not months. */
const IDEMPOTENCY_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Opens (creating and migrating as needed) the HQ store in `<dataDir>/hq.db`, with generated snapshots
 * under `<dataDir>/snapshots/`. Several processes may open one data folder at once — the server and an
 * import from the command line: writes take SQLite's write lock up front and wait for each other.
 */
export async function openSqliteStore(options: { dataDir: string; log?: Logger; initialCouponPool?: number }): Promise<HqStore> {
  const initialPool = options.initialCouponPool ?? INITIAL_COUPON_POOL;
  if (!Number.isInteger(initialPool) || initialPool < 0 || initialPool > 100_000) throw new Error('initialCouponPool must be a whole number from 0 to 100000');
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, 'hq.db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // The log is HQ's record of what it told the pillars: lose no committed write.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    db.pragma('cache_size = -65536');
    // A bulk load (the full demo chain) grows the write-ahead log past a gigabyte; give the disk back after it.
    db.pragma('journal_size_limit = 67108864');
    migrate(db, `hq.db (${file})`, HQ_MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore(db, file, path.join(options.dataDir, 'snapshots'), options.log, initialPool);
}

class DryRun extends Error {
  constructor(readonly result: PublishResult) {
    super('dry run');
  }
}

class SqliteStore implements HqStore {
  readonly #db: Database.Database;
  readonly #log: Logger | undefined;
  readonly #changeLog: ChangeLog;
  readonly #catalog: CatalogWrites;
  readonly #stock: StockWrites;
  readonly #tokens: StoreTokens;
  readonly #tills: StoreTokens;
  readonly #coupons: CouponLedger;
  readonly #snapshots: Snapshots;
  readonly #keys: UpstreamKeys;
  readonly #orders: Orders;
  readonly #ratings: Submissions<RatingSubmission>;
  readonly #helpRequests: Submissions<HelpSubmission>;
  readonly staff: SqliteStaffStore;
  readonly fleet: FleetStore;
  readonly #s: Record<'offer' | 'putOffer' | 'deleteOffer' | 'settings' | 'putSettings' | 'storeExists' | 'idempotency' | 'putIdempotency' | 'forgetIdempotency', Database.Statement>;
  #closed = false;

  constructor(db: Database.Database, file: string, snapshotDir: string, log: Logger | undefined, initialPool: number) {
    this.#db = db;
    this.#log = log;
    this.#changeLog = new ChangeLog(db);
    this.#catalog = new CatalogWrites(db);
    this.#stock = new StockWrites(db);
    this.#tokens = new StoreTokens(db, 'kiosk');
    this.#tills = new StoreTokens(db, 'till');
    this.#coupons = new CouponLedger(db, { log, initialPool, receive: (claim, apply) => this.#receive(claim, apply) });
    this.#snapshots = new Snapshots({ dbFile: file, dir: snapshotDir, ...(log ? { log } : {}) });
    this.#keys = new UpstreamKeys(db);
    this.#orders = new Orders(db);
    this.#ratings = new Submissions<RatingSubmission>(db, 'ratings', 'rating');
    this.#helpRequests = new Submissions<HelpSubmission>(db, 'help_requests', 'help');
    this.staff = new SqliteStaffStore(db, { receive: (claim, apply) => this.#receive(claim, apply), write: (body) => this.#write(body), open: () => this.#open() });
    this.fleet = new SqliteFleetStore(db);
    this.#s = {
      offer: db.prepare('SELECT data FROM offers WHERE id = ?').pluck(),
      putOffer: db.prepare('INSERT INTO offers (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
      deleteOffer: db.prepare('DELETE FROM offers WHERE id = ?'),
      settings: db.prepare('SELECT data FROM settings WHERE id = 1').pluck(),
      putSettings: db.prepare('INSERT INTO settings (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
      storeExists: db.prepare("SELECT 1 FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      idempotency: db.prepare('SELECT request_sha256 AS request, result FROM idempotency_keys WHERE key = ?'),
      putIdempotency: db.prepare('INSERT INTO idempotency_keys (key, request_sha256, result, created_at) VALUES (?, ?, ?, ?)'),
      forgetIdempotency: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    };
  }

  async head(): Promise<Cursor> {
    this.#open();
    return this.#changeLog.head();
  }

  async floor(): Promise<Cursor> {
    this.#open();
    return this.#changeLog.floor();
  }

  async publishCatalog(input: CatalogInput, options: { dryRun?: boolean } = {}): Promise<PublishResult> {
    return this.#write((log, issues) => {
      this.#catalog.publish(input, log, issues);
      if (input.stock) {
        this.#stock.setLevels(input.stock, 'stock', log, issues);
        issues.throwIfAny('The stock was refused');
      }
    }, options.dryRun);
  }

  async deleteProducts(styleCodes: readonly string[]): Promise<PublishResult> {
    return this.#write((log, issues) => this.#catalog.delete(styleCodes, log, issues));
  }

  async updateStock(input: StockUpdate, options: { idempotencyKey?: string; now?: number } = {}): Promise<StockUpdateResult> {
    this.#open();
    const now = options.now ?? Date.now();
    const key = options.idempotencyKey;
    const issues = new Issues();
    if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 200)) issues.add('idempotencyKey', 'must be 1–200 characters');
    const update = issues.parse(StockUpdate, input, '');
    issues.throwIfAny('The stock update was refused');
    if (!update) throw new Error('unreachable: a refused update has issues');
    // The same request however its keys were ordered: a till's retry need not serialise identically.
    const request = key === undefined ? '' : createHash('sha256').update(canonicalJson(update)).digest('hex');
    return this.#db
      .transaction((): StockUpdateResult => {
        if (key !== undefined) {
          const seen = this.#s.idempotency.get(key) as { request: string; result: string } | undefined;
          if (seen) {
            if (seen.request !== request) throw new IdempotencyConflict();
            return JSON.parse(seen.result) as StockUpdateResult;
          }
        }
        const log = this.#changeLog.writer();
        const applied = this.#stock.update(update, now, log, new Issues());
        const result: StockUpdateResult = { cursor: log.seq, ...applied };
        if (key !== undefined) {
          this.#s.forgetIdempotency.run(now - IDEMPOTENCY_TTL_MS);
          this.#s.putIdempotency.run(key, request, JSON.stringify(result), now);
        }
        return result;
      })
      .immediate();
  }

  async importStock(levels: Iterable<StockTuple>): Promise<PublishResult> {
    return this.#write((log, issues) => {
      this.#stock.setLevels(levels, 'levels', log, issues);
      issues.throwIfAny('The stock was refused');
    });
  }

  async putOffer(input: Offer): Promise<PublishResult> {
    let minted = 0;
    const result = await this.#write((log, issues) => {
      const offer = issues.parse(Offer, input, '');
      issues.throwIfAny('The offer was refused');
      if (!offer) return;
      offer.stores.forEach((store, index) => {
        if (!this.#s.storeExists.get(store)) issues.add(`stores.${index}`, `there is no store "${store}"`);
      });
      issues.throwIfAny('The offer was refused');
      // Its codes commit with it: a pillar never sees a check-in offer HQ has no codes for.
      minted = this.#coupons.mintInitialPool(offer, Date.now());
      const json = entityJson(offer);
      if (this.#s.offer.get(offer.id) === json) return;
      this.#s.putOffer.run(offer.id, json);
      log.add({ type: 'offer.upsert', scope: EVERY_REGION, payload: json });
    });
    if (minted > 0) this.#log?.info({ offer: input.id, minted }, 'coupon pool minted');
    return result;
  }

  async deleteOffer(id: string): Promise<PublishResult> {
    return this.#write((log) => {
      if (typeof id !== 'string' || this.#s.deleteOffer.run(id).changes === 0) return;
      log.add({ type: 'offer.delete', scope: EVERY_REGION, payload: JSON.stringify(id) });
    });
  }

  async putSettings(input: Settings): Promise<PublishResult> {
    return this.#write((log, issues) => {
      const settings = issues.parse(Settings, input, '');
      issues.throwIfAny('The settings were refused');
      if (!settings) return;
      const json = entityJson(settings);
      if (this.#s.settings.get() === json) return;
      this.#s.putSettings.run(json);
      log.add({ type: 'settings', scope: EVERY_REGION, payload: json });
    });
  }

  async issueKioskToken(storeCode: string, label?: string): Promise<string> {
    this.#open();
    return this.#tokens.issue(storeCode, label, Date.now());
  }

  async authenticateKiosk(token: string): Promise<{ storeCode: string; kioskId: string } | null> {
    this.#open();
    const holder = this.#tokens.authenticate(token);
    return holder ? { storeCode: holder.storeCode, kioskId: holder.holder } : null;
  }

  async issueTillToken(storeCode: string, label?: string): Promise<string> {
    this.#open();
    return this.#tills.issue(storeCode, label, Date.now());
  }

  async authenticateTill(token: string): Promise<{ storeCode: string; tillId: string } | null> {
    this.#open();
    const holder = this.#tills.authenticate(token);
    return holder ? { storeCode: holder.storeCode, tillId: holder.holder } : null;
  }

  async region(storeCode: string): Promise<Region | null> {
    this.#open();
    if (typeof storeCode !== 'string') return null;
    return regionOf(this.#db, storeCode)?.region ?? null;
  }

  async changes(region: Region, after: Cursor, options: { limit: number; feeds: readonly Feed[] }): Promise<{ changes: Change[]; cursor: Cursor; head: Cursor }> {
    this.#open();
    return this.#changeLog.read(region, after, options);
  }

  async snapshot(storeCode: string): Promise<SnapshotManifest> {
    this.#open();
    if (typeof storeCode !== 'string' || !this.#s.storeExists.get(storeCode)) {
      throw new StoreInputError(`There is no store "${String(storeCode)}"`, [{ path: 'store', message: 'must be the code of one of the chain\'s stores' }]);
    }
    return this.#snapshots.get(storeCode, this.#changeLog.head());
  }

  async snapshotFile(id: string): Promise<string | null> {
    this.#open();
    return this.#snapshots.file(id);
  }

  async getProducts(styleCodes: readonly string[]): Promise<Product[]> {
    this.#open();
    return readProducts(this.#db, styleCodes);
  }

  async regionState(region: Region): Promise<RegionStateRows & { cursor: Cursor }> {
    this.#open();
    return this.#db.transaction(() => ({ ...readRegionState(this.#db, region), cursor: this.#changeLog.head() }))();
  }

  async compact(before: Cursor): Promise<Cursor> {
    this.#open();
    if (!Number.isInteger(before) || before < 0) throw new StoreInputError('compact needs a cursor (a whole number ≥ 0)', [{ path: 'before', message: 'must be a whole number ≥ 0' }]);
    const floor = this.#changeLog.compact(before);
    this.#log?.info({ floor }, 'change log compacted');
    return floor;
  }

  async claimUpstream(request: UpstreamRequest): Promise<Claim> {
    this.#open();
    return this.#db.transaction(() => this.#keys.claim(request, (kind, id) => this.#recorded(kind, id))).immediate();
  }

  async receiveOrder(input: OrderSubmission, claim: ClaimedRequest & { payment: IssuedPayment | null }): Promise<Answer<OrderReceipt>> {
    return this.#receive(claim, () => this.#orders.insert(parsed(OrderSubmission, input, 'The order was refused'), claim, claim.payment));
  }

  async receiveRating(input: RatingSubmission, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    return this.#receive(claim, () => this.#ratings.insert(parsed(RatingSubmission, input, 'The rating was refused'), claim));
  }

  async receiveHelpRequest(input: HelpSubmission, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    return this.#receive(claim, () => this.#helpRequests.insert(parsed(HelpSubmission, input, 'The help request was refused'), claim));
  }

  async releaseClaim(key: string, claimId: string): Promise<void> {
    this.#open();
    this.#keys.release(key, claimId);
  }

  async releaseAllClaims(): Promise<number> {
    this.#open();
    return this.#keys.releaseAll();
  }

  async forgetUpstreamKeys(now: number): Promise<number> {
    this.#open();
    const forgotten = this.#keys.forget(now - UPSTREAM_KEY_TTL_MS);
    if (forgotten > 0) this.#log?.info({ forgotten }, 'idempotency keys older than 30 days forgotten');
    return forgotten;
  }

  async listOrders(query: ListQuery & { personal?: boolean }): Promise<Page<StoredOrder>> {
    this.#open();
    return this.#orders.list(listQuery(query), query.personal === true);
  }

  async getOrder(storeCode: string, code: string, options: { personal?: boolean } = {}): Promise<StoredOrder | null> {
    this.#open();
    return this.#orders.get(storeCode, code, options.personal === true);
  }

  async setOrderStatus(id: string, status: OrderStatus, now: number): Promise<StoredOrder | null> {
    this.#open();
    return this.#db.transaction(() => this.#orders.setStatus(id, status, now)).immediate();
  }

  async orderStatuses(storeCode: string, ids: readonly string[]): Promise<OrderStatusRow[]> {
    this.#open();
    return this.#orders.statuses(storeCode, ids);
  }

  async orderForPayment(token: string): Promise<PaymentView | null> {
    this.#open();
    return typeof token === 'string' ? this.#orders.forPayment(token) : null;
  }

  async listRatings(query: ListQuery): Promise<Page<StoredRating>> {
    this.#open();
    return this.#ratings.list(listQuery(query));
  }

  async listHelpRequests(query: ListQuery): Promise<Page<StoredHelpRequest>> {
    this.#open();
    return this.#helpRequests.list(listQuery(query));
  }

  async mintCoupons(offerId: string, count: number, now: number): Promise<MintResult | null> {
    this.#open();
    return this.#coupons.mint(offerId, count, now);
  }

  async mintMissingPools(now: number): Promise<number> {
    this.#open();
    return this.#coupons.mintMissingPools(now);
  }

  async assignCouponPool(input: PoolRequest, claim: ClaimedRequest): Promise<Answer<PoolAnswer>> {
    this.#open();
    return this.#coupons.assignPool(input, claim);
  }

  async receiveCouponIssue(input: CouponIssue, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    this.#open();
    return this.#coupons.receiveIssue(input, claim);
  }

  async redeemCoupon(redemption: Redemption, now: number): Promise<Answer<RedeemAnswer>> {
    this.#open();
    return this.#coupons.redeem(redemption, now);
  }

  async couponPools(): Promise<CouponPoolStats[]> {
    this.#open();
    return this.#coupons.pools();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#snapshots.close();
    this.#db.close();
  }

  /**
   * One write: its rows and its log entries commit together, or nothing does. IMMEDIATE takes the write
   * lock before the head is read, so another process can never assign the same seqs.
   */
  #write(body: (log: LogWriter, issues: Issues) => void, dryRun = false): Promise<PublishResult> {
    this.#open();
    try {
      return Promise.resolve(
        this.#db
          .transaction((): PublishResult => {
            const log = this.#changeLog.writer();
            body(log, new Issues());
            const result = { cursor: log.seq, changes: log.count };
            // A dry run goes all the way, then throws to roll everything back.
            if (dryRun) throw new DryRun(result);
            return result;
          })
          .immediate(),
      );
    } catch (error) {
      if (error instanceof DryRun) return Promise.resolve(error.result);
      throw error;
    }
  }

  /**
   * The second step of an upstream request: its business row and its answer in one transaction. Any
   * failure frees the claim (only if it is still this request's), so the pillar's next try is applied
   * afresh rather than waiting out the lease.
   */
  #receive<T>(claim: ClaimedRequest, apply: () => Answer<T>): Promise<Answer<T>> {
    this.#open();
    try {
      return Promise.resolve(
        this.#db
          .transaction((): Answer<T> => {
            const earlier = this.#keys.stillHeld(claim);
            // Answered by a request that took the claim over: the same body, so the same answer.
            if (earlier) return earlier as Answer<T>;
            const answer = apply();
            this.#keys.finish(claim, answer);
            return answer;
          })
          .immediate(),
      );
    } catch (error) {
      this.#keys.release(claim.key, claim.claimId);
      throw error;
    }
  }

  #recorded(kind: KeyKind, id: string): Recorded | null {
    switch (kind) {
      case 'coupon-pool':
      case 'coupon-issue':
        return this.#coupons.recorded(kind, id);
      case 'order':
        return this.#orders.recorded(id);
      case 'rating':
        return this.#ratings.recorded(id);
      case 'help':
        return this.#helpRequests.recorded(id);
      case 'staff-action':
      case 'help-update':
        return this.staff.recorded(kind, id);
    }
  }

  #open(): void {
    if (this.#closed) throw new Error('The HQ store is closed');
  }
}

/** Pages of 1–500 rows. */
function listQuery(query: ListQuery): ListQuery {
  const limit = Number.isInteger(query.limit) ? Math.min(500, Math.max(1, query.limit)) : 100;
  return { ...query, limit };
}
