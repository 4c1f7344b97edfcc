import { z } from 'zod';
import { Category, Colour, Location, LocationCode, Offer, Product, Settings, SkuCode, StockLevel, StyleCode, stockTuples } from './entities';

/**
 * The HQ sync protocol, version 1: how a pillar gets HQ's catalog, stock, offers and settings for its
 * region and keeps them current (DESIGN.md, "The sync protocol").
 *
 * HQ keeps one ordered change log. Every change has a sequence number (`seq`), and a *cursor* is a
 * sequence number: "I hold HQ's state with every change up to here applied". The four feeds — catalog,
 * stock, offers, settings — are partitions of that one log, so a pillar following all of them with one
 * cursor always holds HQ's state for its region at exactly that cursor, never a mix of two moments.
 *
 *   GET  /v1/kiosk                              → { store, kioskId }: which store a pillar token belongs to
 *   GET  /v1/stores/:store/snapshot             → SnapshotManifest (generated once per change set, shared by the region's pillars)
 *   GET  /v1/stores/:store/snapshots/:id        → the snapshot file: gzip'd NDJSON of SnapshotRecord, sha256 in the manifest
 *   GET  /v1/stores/:store/changes?after=N      → ChangeBatch | 304 (If-None-Match) | 410 CURSOR_EXPIRED
 *   GET  /v1/stores/:store/live?after=N         → server-sent events: `head` (LiveHead) whenever the log moves
 *   GET  /v1/media/*path                        → a product image
 *   POST /v1/stock                              → StockUpdate (admin): a sale, a delivery, a count
 *
 * Every request carries `Authorization: Bearer <token>`: a pillar's own token, which only opens its own
 * store's region, or the admin token.
 */
export const PROTOCOL_VERSION = 1;

export const FEEDS = ['catalog', 'stock', 'offers', 'settings'] as const;
export type Feed = (typeof FEEDS)[number];

export const Cursor = z.number().int().nonnegative();
export type Cursor = z.infer<typeof Cursor>;

/** Most stock levels in one change: HQ splits a bigger update into several changes. */
export const MAX_LEVELS_PER_CHANGE = 5_000;
/** Most stock levels in one change batch (the kiosk applies a batch in one transaction). */
export const MAX_LEVELS_PER_BATCH = 50_000;
/** Most changes in one batch, whatever their kind. */
export const MAX_CHANGES_PER_BATCH = 2_000;

/** The stores a pillar caches: its own, the nearby ones (nearest first) and the online warehouse. */
export const Region = z.object({
  home: LocationCode,
  nearby: z.array(LocationCode).max(100),
  warehouse: LocationCode.nullable(),
});
export type Region = z.infer<typeof Region>;

const Seq = z.number().int().positive();

export const Change = z.discriminatedUnion('type', [
  z.object({ seq: Seq, type: z.literal('product.upsert'), product: Product }),
  z.object({ seq: Seq, type: z.literal('product.delete'), styleCode: StyleCode }),
  z.object({ seq: Seq, type: z.literal('location.upsert'), location: Location }),
  z.object({ seq: Seq, type: z.literal('category.upsert'), category: Category }),
  z.object({ seq: Seq, type: z.literal('colour.upsert'), colour: Colour }),
  z.object({ seq: Seq, type: z.literal('stock'), levels: stockTuples(1, MAX_LEVELS_PER_CHANGE) }),
  z.object({ seq: Seq, type: z.literal('offer.upsert'), offer: Offer }),
  z.object({ seq: Seq, type: z.literal('offer.delete'), id: Offer.shape.id }),
  z.object({ seq: Seq, type: z.literal('settings'), settings: Settings }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeType = Change['type'];

export const FEED_OF: Readonly<Record<ChangeType, Feed>> = {
  'product.upsert': 'catalog',
  'product.delete': 'catalog',
  'location.upsert': 'catalog',
  'category.upsert': 'catalog',
  'colour.upsert': 'catalog',
  stock: 'stock',
  'offer.upsert': 'offers',
  'offer.delete': 'offers',
  settings: 'settings',
};

/**
 * One batch of changes after the pillar's cursor. `cursor` is where the pillar stands once it has
 * applied the batch (it may lie past the last change: changes outside the region are skipped). The
 * checksum is the SHA-256 (hex) of `JSON.stringify(changes)` exactly as sent: the pillar verifies it on
 * the parsed value before anything else, so a truncated or altered batch never reaches the cache.
 */
export const ChangeBatch = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION),
    store: LocationCode,
    after: Cursor,
    cursor: Cursor,
    /** HQ's newest seq: more batches follow while `cursor < head`. */
    head: Cursor,
    /** The store's region now: a pillar whose cache holds another region (a store opened nearby) resnapshots. */
    region: Region.optional(),
    changes: z.array(Change).max(MAX_CHANGES_PER_BATCH),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .superRefine((batch, ctx) => {
    if (batch.cursor < batch.after || batch.cursor > batch.head) ctx.addIssue({ code: 'custom', message: 'cursor must lie between after and head', path: ['cursor'] });
    let previous = batch.after;
    batch.changes.forEach((change, index) => {
      if (change.seq <= previous || change.seq > batch.cursor) ctx.addIssue({ code: 'custom', message: 'changes must be in seq order, after the cursor asked for and up to the batch cursor', path: ['changes', index, 'seq'] });
      previous = change.seq;
    });
    const levels = batch.changes.reduce((sum, change) => sum + (change.type === 'stock' ? change.levels.length : 0), 0);
    if (levels > MAX_LEVELS_PER_BATCH) ctx.addIssue({ code: 'custom', message: `must carry at most ${MAX_LEVELS_PER_BATCH} stock levels`, path: ['changes'] });
  });
export type ChangeBatch = z.infer<typeof ChangeBatch>;

export const ChangesQuery = z.object({
  after: z.coerce.number().pipe(Cursor),
  limit: z.coerce.number().int().min(1).max(MAX_CHANGES_PER_BATCH).default(MAX_CHANGES_PER_BATCH),
  /** Comma-separated feeds to follow; all four when absent. */
  feeds: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(FEEDS)).min(1))
    .optional(),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const SnapshotManifest = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Names the file: the same for every pillar of the region at this cursor. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  store: LocationCode,
  region: Region,
  cursor: Cursor,
  bytes: z.number().int().positive(),
  /** SHA-256 (hex) of the file's bytes as served (gzip'd). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().nonnegative(),
  generatedAt: z.number().int().nonnegative(),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;

/** Rows per snapshot record of products or stock levels: each line stays small enough to parse in a blink. */
export const SNAPSHOT_PRODUCTS_PER_RECORD = 500;
export const SNAPSHOT_LEVELS_PER_RECORD = 10_000;

/**
 * The snapshot file: one JSON record per line, gzip'd — header first, then locations, categories,
 * colours, products, stock, offers, settings, and an `end` record with the row count (a file cut short
 * has no `end`). Products come before stock so every level's SKU is known when it arrives.
 */
export const SnapshotRecord = z.discriminatedUnion('record', [
  z.object({ record: z.literal('header'), format: z.literal('pillar-snapshot'), protocol: z.literal(PROTOCOL_VERSION), store: LocationCode, region: Region, cursor: Cursor, generatedAt: z.number().int() }),
  z.object({ record: z.literal('locations'), items: z.array(Location).max(200) }),
  z.object({ record: z.literal('categories'), items: z.array(Category).max(1000) }),
  z.object({ record: z.literal('colours'), items: z.array(Colour).max(1000) }),
  z.object({ record: z.literal('products'), items: z.array(Product).max(SNAPSHOT_PRODUCTS_PER_RECORD) }),
  z.object({ record: z.literal('stock'), levels: stockTuples(0, SNAPSHOT_LEVELS_PER_RECORD) }),
  z.object({ record: z.literal('offers'), items: z.array(Offer).max(1000) }),
  z.object({ record: z.literal('settings'), settings: Settings }),
  z.object({ record: z.literal('end'), rows: z.number().int().nonnegative() }),
]);
export type SnapshotRecord = z.infer<typeof SnapshotRecord>;

/** The live channel's event: the log moved; pull the changes after your cursor. */
export const LiveHead = z.object({ head: Cursor });
export type LiveHead = z.infer<typeof LiveHead>;

/** `POST /v1/stock` (admin): counts from tills and the ERP. All rows apply, or none (400 with each bad row). */
export const StockChangeInput = z.union([
  z.object({ sku: SkuCode, location: LocationCode, quantity: StockLevel.shape.quantity, changedAt: z.number().int().nonnegative().optional() }).strict(),
  z
    .object({ sku: SkuCode, location: LocationCode, delta: z.number().int().refine((n) => n !== 0, 'must not be 0').refine((n) => Math.abs(n) <= 1_000_000, 'is too large'), changedAt: z.number().int().nonnegative().optional() })
    .strict(),
]);
export const StockUpdate = z
  .object({
    /** What happened, for HQ's log: a sale at a till, a delivery, a stock count, a return, a transfer. */
    reason: z.enum(['sale', 'delivery', 'count', 'return', 'transfer']),
    changes: z.array(StockChangeInput).min(1).max(200_000),
  })
  .strict();
export type StockUpdate = z.infer<typeof StockUpdate>;

export const StockUpdateResult = z.object({
  /** The seq that makes this update visible: a pillar at or past it shows it. */
  cursor: Cursor,
  applied: z.number().int().nonnegative(),
  /** Decrements that would have gone below zero (a sale on a stale count) and were stopped at zero. */
  clamped: z.array(z.object({ sku: SkuCode, location: LocationCode })),
});
export type StockUpdateResult = z.infer<typeof StockUpdateResult>;

/**
 * Every HQ error answer: `{ error: { code, message, issues? } }` with a 4xx status (never a 500 for bad input).
 * Upstream posts (shared/sync/upstream.ts) add three: `422 IDEMPOTENCY_MISMATCH` (this key came with another
 * body), `409 IN_FLIGHT` (this key's first request is still running: retry later), `409 CODE_TAKEN` (another
 * order of this store has this code: mint a new one).
 * Enrolment (shared/sync/fleet.ts) adds four: `404 UNKNOWN_CODE`, `409 CODE_USED`, `410 CODE_EXPIRED`, `429 TOO_MANY_ATTEMPTS`.
 */
export const HQ_ERROR_CODES = ['INVALID_INPUT', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CURSOR_EXPIRED', 'CONFLICT', 'UNAVAILABLE', 'INTERNAL', 'IDEMPOTENCY_MISMATCH', 'IN_FLIGHT', 'CODE_TAKEN', 'UNKNOWN_CODE', 'CODE_USED', 'CODE_EXPIRED', 'TOO_MANY_ATTEMPTS'] as const;
export const HqError = z.object({
  error: z.object({
    code: z.enum(HQ_ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type HqError = z.infer<typeof HqError>;
