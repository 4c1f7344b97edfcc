import type { FleetStore } from '../fleet/fleetStore';
import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../shared/sync/entities';
import type { Change, Cursor, Feed, Region, SnapshotManifest, StockUpdate, StockUpdateResult } from '../../shared/sync/protocol';
import type { CouponIssue, PoolAnswer, PoolRequest, RedeemAnswer } from '../../shared/sync/coupons';
import type { StaffStore } from './staffStore';
import type { HelpSubmission, OrderReceipt, OrderStatus, OrderSubmission, RatingSubmission, Receipt, UpstreamKind } from '../../shared/sync/upstream';

/**
 * HQ's storage, behind one small interface: the reference service keeps it in SQLite (`SqliteStore`);
 * a chain at scale will keep it in PostgreSQL behind the same methods. Every method is async for that
 * reason, even where SQLite answers synchronously.
 *
 * The store owns the one ordered change log every write appends to (`seq`, see shared/sync/protocol.ts):
 * a write and its change commit together, so a pillar following the log never misses one.
 */
export interface HqStore {
  /** The newest seq in the log (0 when empty). */
  head(): Promise<Cursor>;
  /** Changes at or before this seq have been compacted away: a cursor below it must resnapshot. */
  floor(): Promise<Cursor>;

  // ── Publishing (admin: imports, the ERP, the demo chain) ─────────────────────────────────────────
  /**
   * Upserts what changed (deep-equal rows are skipped: no change is logged for them); one transaction.
   * `dryRun` checks everything as usual (a `StoreInputError` lists every bad row) and keeps nothing.
   */
  publishCatalog(input: CatalogInput, options?: { dryRun?: boolean }): Promise<PublishResult>;
  deleteProducts(styleCodes: readonly string[]): Promise<PublishResult>;
  /** Applies counts and deltas (all or nothing; unknown SKU or location → `StoreInputError`). */
  updateStock(update: StockUpdate, options?: { idempotencyKey?: string; now?: number }): Promise<StockUpdateResult>;
  /**
   * Sets absolute levels in bulk (imports, the demo chain): one change per `MAX_LEVELS_PER_CHANGE` levels of
   * one location; unchanged levels log nothing. Bad levels are refused together, as issues at `levels.<index>`.
   */
  importStock(levels: Iterable<StockTuple>): Promise<PublishResult>;
  /** Publishes an offer; a check-in or today-only offer without codes gets its initial pool in the same transaction. */
  putOffer(offer: Offer): Promise<PublishResult>;
  deleteOffer(id: string): Promise<PublishResult>;
  putSettings(settings: Settings): Promise<PublishResult>;

  // ── Pillars ─────────────────────────────────────────────────────────────────────────────────────
  /** A new token for a pillar of this store (only its hash is kept); throws `StoreInputError` for an unknown store. */
  issueKioskToken(storeCode: string, label?: string): Promise<string>;
  /** The store a pillar token opens, or null (unknown or revoked). */
  authenticateKiosk(token: string): Promise<{ storeCode: string; kioskId: string } | null>;
  /** Enrolment codes, heartbeats, rollouts (hq/fleet/fleetStore.ts). */
  readonly fleet: FleetStore;

  // ── Reading for pillars ─────────────────────────────────────────────────────────────────────────
  /** A store's region: itself, its nearby stores (nearest first) and the online warehouse; null for an unknown store. */
  region(storeCode: string): Promise<Region | null>;
  /**
   * The changes after `after` that concern this region, up to `limit` changes and `MAX_LEVELS_PER_BATCH` levels.
   * `cursor` is the last seq examined (past other regions' changes). Callers answer CURSOR_EXPIRED for
   * `after < floor()`; the store checks it again inside its own read and throws `CursorExpired`, so a
   * compaction between the caller's check and the read can never skip changes silently. `after > head`
   * throws `StoreInputError`.
   */
  changes(region: Region, after: Cursor, options: { limit: number; feeds: readonly Feed[] }): Promise<{ changes: Change[]; cursor: Cursor; head: Cursor }>;
  /** The region's snapshot at the current head: generated once per change set, reused by every pillar of the region. */
  snapshot(storeCode: string): Promise<SnapshotManifest>;
  /** The path of a generated snapshot file, or null when it is unknown or pruned. */
  snapshotFile(id: string): Promise<string | null>;
  /** The products with these style codes, as stored (unknown ones are left out): imports merge into them. */
  getProducts(styleCodes: readonly string[]): Promise<Product[]>;
  /**
   * The region's whole state at the current head, sorted as `canonicalLines` expects (for tests and the fault
   * harness), as a pillar holds it: relations to products HQ does not hold are left out, as a pillar drops them.
   */
  regionState(region: Region): Promise<RegionStateRows & { cursor: Cursor }>;
  /** Drops log entries up to `before` (keeping the state); returns the new floor. */
  compact(before: Cursor): Promise<Cursor>;

  // ── Upstream: what the pillars send (orders, ratings, help requests), each applied exactly once ──
  /**
   * The first step of an upstream request: claims its idempotency key, or answers from what the key (or,
   * once the key is forgotten, the row it created) recorded. A claim commits on its own; the business row
   * and the answer then commit together in `receive*`, so a crash between the two leaves only a claim —
   * which expires after `IN_FLIGHT_LEASE_MS` — and never a row without its answer or an answer without its row.
   * Throws `IdempotencyMismatch` for the key with another body, kind or store, `KeyInFlight` while another
   * request holds a live claim on it.
   */
  claimUpstream(request: UpstreamRequest): Promise<Claim>;
  /**
   * Applies a claimed order: checks it against the catalog (`SubmissionRefused`, 422) and the store's
   * order codes (`OrderCodeTaken`), stores it and records its receipt with the key, in one transaction.
   * A refusal frees the key (the pillar may send it again, corrected or re-minted).
   */
  receiveOrder(order: OrderSubmission, claim: ClaimedRequest & { payment: IssuedPayment | null }): Promise<Answer<OrderReceipt>>;
  receiveRating(rating: RatingSubmission, claim: ClaimedRequest): Promise<Answer<Receipt>>;
  receiveHelpRequest(help: HelpSubmission, claim: ClaimedRequest): Promise<Answer<Receipt>>;
  /** Frees a claim whose request failed before `receive*` (a payment link that could not be issued). */
  releaseClaim(key: string, claimId: string): Promise<void>;
  /** Frees every claim: at server start, when no request of this data folder can still be running. */
  releaseAllClaims(): Promise<number>;
  /**
   * Forgets the idempotency keys older than 30 days (`UPSTREAM_KEY_TTL_MS`) at `now`; returns how many.
   * The rows they created stay, and a replay that comes later still is answered from the row.
   */
  forgetUpstreamKeys(now: number): Promise<number>;

  // ── Orders, ratings and help requests for staff, tills and IT ───────────────────────────────────────
  /** Newest first. `before` is the `next` of the previous page. Personal data only with `personal: true`. */
  listOrders(query: ListQuery & { personal?: boolean }): Promise<Page<StoredOrder>>;
  getOrder(storeCode: string, code: string, options?: { personal?: boolean }): Promise<StoredOrder | null>;
  /** Moves an order forward (`nextStatuses`); the same status again changes nothing. Null for an unknown id; `StatusRefused` for a step back. */
  setOrderStatus(id: string, status: OrderStatus, now: number): Promise<StoredOrder | null>;
  /** The statuses of these orders of one store (ids of other stores' orders, or unknown, are left out). */
  orderStatuses(storeCode: string, ids: readonly string[]): Promise<OrderStatusRow[]>;
  /** What the reference payment page shows for a payment token: nothing personal. */
  orderForPayment(token: string): Promise<PaymentView | null>;
  listRatings(query: ListQuery): Promise<Page<StoredRating>>;
  listHelpRequests(query: ListQuery): Promise<Page<StoredHelpRequest>>;

  // ── Coupons: HQ mints every code; pillars hold pools of them, tills redeem them (shared/sync/coupons.ts) ──
  /** Mints `count` more codes for an offer; null for an offer HQ does not hold. */
  mintCoupons(offerId: string, count: number, now: number): Promise<MintResult | null>;
  /**
   * Gives every check-in and today-only offer without codes its initial pool (offers published before HQ
   * kept coupons); returns how many offers got one.
   */
  mintMissingPools(now: number): Promise<number>;
  /**
   * Applies a claimed pool request of a pillar (`claim.kioskId`): up to `want` unassigned codes of each
   * offer that runs in its store and has not ended; the others are left out. An offer whose pool cannot
   * fill the request is listed in `short`; that, or a pool below its low-water mark, records a warning.
   */
  assignCouponPool(request: PoolRequest, claim: ClaimedRequest): Promise<Answer<PoolAnswer>>;
  /** Records that a pillar gave one of its codes to a shopper; `SubmissionRefused` (422) for a code not in its pool. */
  receiveCouponIssue(issue: CouponIssue, claim: ClaimedRequest): Promise<Answer<Receipt>>;
  /** Redeems a code once, in one conditional write: the answer (200, or a refusal with its reason and status). */
  redeemCoupon(redemption: Redemption, now: number): Promise<Answer<RedeemAnswer>>;
  /** Per offer: how many codes were minted, are in HQ's pool, with pillars, issued and redeemed, and the warnings. */
  couponPools(): Promise<CouponPoolStats[]>;
  /** A new token for a till of this store (only its hash is kept); `StoreInputError` for an unknown store. */
  issueTillToken(storeCode: string, label?: string): Promise<string>;
  /** The store a till token opens, or null. */
  authenticateTill(token: string): Promise<{ storeCode: string; tillId: string } | null>;

  /** Staff mode: the published staff accounts, staff actions and the stores' help queues (staffStore.ts). */
  readonly staff: StaffStore;

  close(): Promise<void>;
}

export interface CatalogInput {
  locations?: readonly Location[];
  categories?: readonly Category[];
  colours?: readonly Colour[];
  products?: readonly Product[];
  /**
   * Absolute stock levels to set in the same transaction, after the catalog rows (an import of a catalog
   * and its stock is all or nothing): as `importStock`, issues are reported under `stock.<index>`.
   */
  stock?: Iterable<StockTuple>;
}

export interface PublishResult {
  /** The seq after this write (unchanged when nothing changed). */
  cursor: Cursor;
  /** Changes appended to the log. */
  changes: number;
}

export interface RegionStateRows {
  region: Region;
  locations: Location[];
  categories: Category[];
  colours: Colour[];
  products: Product[];
  stock: StockTuple[];
  offers: Offer[];
  settings: Settings | null;
}

/** What an idempotency key was used for: the pillars' outbox rows, and their coupon pool requests and issues. */
export type KeyKind = UpstreamKind | 'coupon-pool' | 'coupon-issue';

/** An upstream request as the store sees it: its key (the body's id), who sent it and the digest of its body. */
export interface UpstreamRequest {
  kind: KeyKind;
  key: string;
  storeCode: string;
  /** The pillar that sent it; null for the admin token. */
  kioskId: string | null;
  /** SHA-256 (hex) of the canonical JSON of the validated body: a retry need not serialise identically. */
  requestSha256: string;
  now: number;
}

export type Claim = { kind: 'claimed'; claimId: string } | { kind: 'answered'; answer: Answer<unknown> };
export type ClaimedRequest = UpstreamRequest & { claimId: string };

/** What HQ answered a key with: a replay gets exactly this again. */
export interface Answer<T> {
  status: number;
  body: T;
}

/** A payment link issued for a "pay on your phone" order; `token` when it is HQ's own reference page. */
export interface IssuedPayment {
  url: string;
  token: string | null;
}

export interface ListQuery {
  store?: string;
  /** Received at or after this time (epoch ms). */
  since?: number;
  /** The `next` of the previous page. */
  before?: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

/** An order as HQ holds it. `personal` only when asked for: contact, address, delivery preferences, consent. */
export interface StoredOrder {
  id: string;
  code: string;
  store: string;
  kioskId: string | null;
  placedAt: number;
  receivedAt: number;
  status: OrderStatus;
  statusChangedAt: number;
  payment: OrderSubmission['payment'];
  payUrl: string | null;
  language: OrderSubmission['language'];
  lines: OrderSubmission['lines'];
  quote: OrderSubmission['quote'];
  assistedBy: string | null;
  note: string | null;
  personal?: OrderPersonalData;
}

export type OrderPersonalData = Pick<OrderSubmission, 'contact' | 'address' | 'delivery' | 'marketingConsent'>;

export interface OrderStatusRow {
  id: string;
  code: string;
  status: OrderStatus;
  statusChangedAt: number;
}

export interface PaymentView {
  code: string;
  storeName: string;
  totalMinor: number;
  currency: string;
  language: OrderSubmission['language'];
  status: OrderStatus;
}

export interface StoredRating extends RatingSubmission {
  kioskId: string | null;
  receivedAt: number;
}

export interface StoredHelpRequest extends HelpSubmission {
  kioskId: string | null;
  receivedAt: number;
}

export interface MintResult {
  offerId: string;
  minted: number;
  /** Codes of the offer in all, and how many of them are still in HQ's pool. */
  total: number;
  unassigned: number;
}

/** A till (or IT at the command line) redeeming a code for a store's transaction. */
export interface Redemption {
  /** As the till sent it: normalised (case, hyphens, Crockford's look-alikes) and checked by the store. */
  code: string;
  store: string;
  /** The till's transaction: the same one redeeming the same code again gets the same answer. */
  transaction: string;
  /** Who redeemed it, for the record: `till-<n>`, `admin` or `cli`. */
  by: string;
  /** The till's own time of the sale, kept for reconciliation; HQ's clock decides validity. */
  at?: number | undefined;
}

/** A pool that could not fill a pillar's request (`short`) or fell below its low-water mark (`low`). */
export interface PoolWarning {
  at: number;
  kind: 'short' | 'low';
  store: string;
  kioskId: string;
  /** What the pillar held, asked for and got, and what was left in HQ's pool after. */
  have: number;
  wanted: number;
  given: number;
  unassigned: number;
}

/** One offer's codes. Counts are cumulative: assigned ⊇ issued ⊇ redeemed. */
export interface CouponPoolStats {
  offerId: string;
  /** Null once the offer is deleted: its codes stay, and are refused as "offer-ended". */
  kind: Offer['kind'] | null;
  minted: number;
  /** Still in HQ's pool. */
  unassigned: number;
  /** Handed to pillars (issued and redeemed ones included). */
  assigned: number;
  /** Given to shoppers (as the pillars reported, or found at redemption). */
  issued: number;
  redeemed: number;
  /** A request that leaves fewer than this many in HQ's pool records a warning. */
  lowWater: number;
  warnings: number;
  /** The newest warnings, newest first. */
  recentWarnings: PoolWarning[];
}

/** Input the store refuses (an unknown SKU, location or store): the HTTP layer answers 400 with it. */
export class StoreInputError extends Error {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'StoreInputError';
  }
}

/** `changes` asked for a cursor below the floor: that part of the log was compacted away, take a snapshot (410). */
export class CursorExpired extends Error {
  constructor(
    readonly cursor: number,
    readonly floor: number,
  ) {
    super(`cursor too old, take a snapshot (changes up to ${floor} were compacted away)`);
    this.name = 'CursorExpired';
  }
}

/** An idempotency key reused with a different payload: 409. */
export class IdempotencyConflict extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different request');
    this.name = 'IdempotencyConflict';
  }
}

/** An upstream key sent again with another body (or by another store, or to another route): 422 IDEMPOTENCY_MISMATCH. */
export class IdempotencyMismatch extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different request; a new request needs a new id');
    this.name = 'IdempotencyMismatch';
  }
}

/** The key's first request is still being applied: 409 IN_FLIGHT, retry later. */
export class KeyInFlight extends Error {
  constructor() {
    super("This Idempotency-Key's first request is still being applied; retry in a few seconds");
    this.name = 'KeyInFlight';
  }
}

/** Another order of this store already has this code: 409 CODE_TAKEN, the pillar mints a new code. */
export class OrderCodeTaken extends Error {
  constructor(readonly code: string) {
    super(`Another order of this store already has the code ${code}; mint a new code and send the order again`);
    this.name = 'OrderCodeTaken';
  }
}

/**
 * A well-formed submission HQ cannot accept as it stands (a SKU it does not sell, a hold at a store
 * that is none, totals that do not add up): 422, with an issue per field. Staff see the reason.
 */
export class SubmissionRefused extends StoreInputError {
  constructor(message: string, issues: readonly { path: string; message: string }[]) {
    super(message, issues);
    this.name = 'SubmissionRefused';
  }
}

/** A status change backwards or sideways (a shipped order cannot become paid): 409 CONFLICT. */
export class StatusRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusRefused';
  }
}
