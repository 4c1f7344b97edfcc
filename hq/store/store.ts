import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../shared/sync/entities';
import type { Change, Cursor, Feed, Region, SnapshotManifest, StockUpdate, StockUpdateResult } from '../../shared/sync/protocol';

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
  putOffer(offer: Offer): Promise<PublishResult>;
  deleteOffer(id: string): Promise<PublishResult>;
  putSettings(settings: Settings): Promise<PublishResult>;

  // ── Pillars ─────────────────────────────────────────────────────────────────────────────────────
  /** A new token for a pillar of this store (only its hash is kept); throws `StoreInputError` for an unknown store. */
  issueKioskToken(storeCode: string, label?: string): Promise<string>;
  /** The store a pillar token opens, or null (unknown or revoked). */
  authenticateKiosk(token: string): Promise<{ storeCode: string; kioskId: string } | null>;

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
