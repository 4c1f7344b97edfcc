import { createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Product, StockTuple } from '../../../shared/sync/entities';
import { SnapshotRecord, type Region, type SnapshotManifest } from '../../../shared/sync/protocol';
import { openCache, type Db, type OpenOptions } from '../db/open';
import { META } from './apply';
import { fsyncPath } from './cacheFile';

/** A snapshot that fails a check while loading (schema, order, references, row count, integrity). */
export class SnapshotRejected extends Error {
  override readonly name = 'SnapshotRejected';
}

export interface LoadProgress {
  rows: number;
  /** Compressed bytes read so far, out of `manifest.bytes`. */
  bytes: number;
}

export interface LoadedSnapshot {
  rows: number;
  cursor: number;
  region: Region;
}

/** Stock rows per INSERT statement: one call per 200 rows rather than per row. */
const STOCK_BATCH = 200;

/**
 * Loads a downloaded, checksum-verified snapshot into a fresh cache file at `target`, checks it, and
 * leaves it closed and fsynced, ready to be made current. Nothing of it is visible to anyone until the
 * pointer switches; on any failure the half-written file is deleted.
 *
 * The file is loaded with the journal off and without fsyncs — a crash simply means loading it again —
 * and rows go in key order with explicit ids, so SQLite appends to its B-trees instead of splitting
 * pages. References are resolved here (SKU → variant id, location code → id); a level for a SKU the
 * snapshot never listed rejects the whole file.
 */
export async function loadSnapshot(
  file: string,
  target: string,
  manifest: SnapshotManifest,
  options: { onProgress?: (progress: LoadProgress) => void; onChecking?: (rows: number) => void; signal?: AbortSignal; now?: number; openOptions?: OpenOptions } = {},
): Promise<LoadedSnapshot> {
  rmSync(target, { force: true });
  const db = openCache(target, options.openOptions);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    const loaded = await fill(db, file, manifest, options);
    options.onChecking?.(loaded.rows);
    check(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.close();
    fsyncPath(target);
    return loaded;
  } catch (error) {
    if (db.open) db.close();
    rmSync(target, { force: true });
    throw error;
  }
}

async function fill(db: Db, file: string, manifest: SnapshotManifest, options: { onProgress?: (p: LoadProgress) => void; signal?: AbortSignal; now?: number }): Promise<LoadedSnapshot> {
  const insert = {
    meta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)'),
    location: db.prepare(
      `INSERT INTO locations (id, code, kind, name, address, postal_code, city, country, lat, lon, time_zone, phone, opening_hours)
       VALUES (@id, @code, @kind, @name, @address, @postalCode, @city, @country, @lat, @lon, @timeZone, @phone, @openingHours)`,
    ),
    category: db.prepare('INSERT INTO categories (id, sort, names) VALUES (?, ?, ?)'),
    colour: db.prepare('INSERT INTO colours (code, hex, names) VALUES (?, ?, ?)'),
    product: db.prepare(
      `INSERT INTO products (id, style_code, brand, category_id, price_minor, currency, rating_avg, rating_count, popularity, images)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    text: db.prepare('INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)'),
    variant: db.prepare('INSERT INTO variants (id, sku, gtin, product_id, colour_code, size, size_sort) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    stock: db.prepare('INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, ?, ?, ?)'),
    stockBatch: db.prepare(`INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES ${Array(STOCK_BATCH).fill('(?, ?, ?, ?)').join(', ')}`),
    related: db.prepare('INSERT OR IGNORE INTO related (product_id, kind, related_id, score) VALUES (?, ?, ?, ?)'),
    pending: db.prepare('INSERT OR IGNORE INTO related_pending (product_id, kind, style_code, score) VALUES (?, ?, ?, ?)'),
    offer: db.prepare('INSERT INTO offers (id, body) VALUES (?, ?)'),
  };

  const source = createReadStream(file);
  const lines = createInterface({ input: source.pipe(createGunzip()), crlfDelay: Infinity });
  const locationIds = new Map<string, number>();
  const categories = new Set<string>();
  const colours = new Set<string>();
  const productIds = new Map<string, number>();
  const variantIds = new Map<string, number>();
  const relations: [number, Product['related']][] = [];
  let header: Extract<SnapshotRecord, { record: 'header' }> | null = null;
  let ended = false;
  let rows = 0;
  let stage = 0; // records must come in the documented order
  const ORDER = { header: 0, locations: 1, categories: 2, colours: 3, products: 4, stock: 5, offers: 6, settings: 7, end: 8 } as const;
  let lineNo = 0;

  const stockRow: number[] = [];
  const flushStock = (all: boolean): void => {
    const full = STOCK_BATCH * 4;
    let at = 0;
    for (; stockRow.length - at >= full; at += full) insert.stockBatch.run(stockRow.slice(at, at + full));
    if (all) for (; at < stockRow.length; at += 4) insert.stock.run(stockRow.slice(at, at + 4));
    stockRow.splice(0, at);
  };

  db.exec('BEGIN');
  try {
    for await (const line of lines) {
      lineNo++;
      options.signal?.throwIfAborted();
      if (line === '') continue;
      if (ended) throw new SnapshotRejected(`line ${lineNo}: data after the end record`);
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new SnapshotRejected(`line ${lineNo}: not JSON`);
      }
      const parsed = SnapshotRecord.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SnapshotRejected(`line ${lineNo}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
      }
      const record = parsed.data;
      const order = ORDER[record.record];
      if (order < stage || (record.record === 'header') !== (lineNo === 1)) throw new SnapshotRejected(`line ${lineNo}: a "${record.record}" record out of order`);
      stage = order;

      switch (record.record) {
        case 'header':
          if (record.store !== manifest.store || record.cursor !== manifest.cursor) {
            throw new SnapshotRejected(`the snapshot is for ${record.store} at ${record.cursor}, the manifest says ${manifest.store} at ${manifest.cursor}`);
          }
          header = record;
          break;
        case 'locations':
          for (const l of record.items) {
            if (locationIds.has(l.code)) throw new SnapshotRejected(`line ${lineNo}: location ${l.code} twice`);
            const id = locationIds.size + 1;
            locationIds.set(l.code, id);
            insert.location.run({ ...l, id, openingHours: JSON.stringify(l.openingHours) });
          }
          rows += record.items.length;
          break;
        case 'categories':
          for (const c of record.items) {
            categories.add(c.id);
            insert.category.run(c.id, c.sort, JSON.stringify(c.names));
          }
          rows += record.items.length;
          break;
        case 'colours':
          for (const c of record.items) {
            colours.add(c.code);
            insert.colour.run(c.code, c.hex, JSON.stringify(c.names));
          }
          rows += record.items.length;
          break;
        case 'products':
          for (const p of record.items) {
            if (productIds.has(p.styleCode)) throw new SnapshotRejected(`line ${lineNo}: product ${p.styleCode} twice`);
            if (!categories.has(p.categoryId)) throw new SnapshotRejected(`line ${lineNo}: product ${p.styleCode} is in unknown category "${p.categoryId}"`);
            const productId = productIds.size + 1;
            productIds.set(p.styleCode, productId);
            insert.product.run(productId, p.styleCode, p.brand, p.categoryId, p.priceMinor, p.currency, p.ratingAvg, p.ratingCount, p.popularity, JSON.stringify(p.images));
            for (const [lang, text] of Object.entries(p.texts)) if (text) insert.text.run(productId, lang, text.name, text.description);
            for (const v of p.variants) {
              if (variantIds.has(v.sku)) throw new SnapshotRejected(`line ${lineNo}: SKU ${v.sku} twice`);
              if (!colours.has(v.colourCode)) throw new SnapshotRejected(`line ${lineNo}: SKU ${v.sku} has unknown colour "${v.colourCode}"`);
              const variantId = variantIds.size + 1;
              variantIds.set(v.sku, variantId);
              insert.variant.run(variantId, v.sku, v.gtin, productId, v.colourCode, v.size, v.sizeSort);
            }
            if (p.related.length > 0) relations.push([productId, p.related]);
          }
          rows += record.items.length;
          break;
        case 'stock':
          if (relations.length > 0) writeRelations(relations, productIds, insert.related, insert.pending);
          for (const level of record.levels) pushLevel(stockRow, level, variantIds, locationIds, lineNo);
          flushStock(false);
          rows += record.levels.length;
          break;
        case 'offers':
          flushStock(true);
          for (const o of record.items) insert.offer.run(o.id, JSON.stringify(o));
          rows += record.items.length;
          break;
        case 'settings':
          insert.meta.run(META.settings, JSON.stringify(record.settings));
          break;
        case 'end':
          if (record.rows !== rows) throw new SnapshotRejected(`the snapshot says ${record.rows} rows but holds ${rows}`);
          ended = true;
          break;
      }
      options.onProgress?.({ rows, bytes: source.bytesRead });
    }
    if (!header) throw new SnapshotRejected('the snapshot is empty');
    if (!ended) throw new SnapshotRejected('the snapshot ends without its end record (cut short)');
    if (relations.length > 0) writeRelations(relations, productIds, insert.related, insert.pending);
    flushStock(true);
    if (!locationIds.has(header.region.home)) throw new SnapshotRejected(`the snapshot does not hold its own store ${header.region.home}`);

    insert.meta.run(META.source, 'hq');
    insert.meta.run(META.region, JSON.stringify(header.region));
    insert.meta.run(META.store, header.store);
    insert.meta.run(META.cursor, String(header.cursor));
    insert.meta.run(META.snapshot, manifest.id);
    insert.meta.run(META.lastSync, String(options.now ?? Date.now()));
    db.exec('COMMIT');
    return { rows, cursor: header.cursor, region: header.region };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof SnapshotRejected || (error as Error).name === 'AbortError') throw error;
    // zlib and readline errors: the file is damaged (it passed its checksum, so HQ wrote it wrong).
    throw new SnapshotRejected(`the snapshot cannot be read at line ${lineNo}: ${(error as Error).message}`);
  } finally {
    source.destroy();
  }
}

function pushLevel(out: number[], level: StockTuple, variantIds: Map<string, number>, locationIds: Map<string, number>, lineNo: number): void {
  const [sku, location, quantity, changedAt] = level;
  const variantId = variantIds.get(sku);
  if (variantId === undefined) throw new SnapshotRejected(`line ${lineNo}: stock for SKU ${sku}, which the snapshot does not list`);
  const locationId = locationIds.get(location);
  if (locationId === undefined) throw new SnapshotRejected(`line ${lineNo}: stock at ${location}, which is not in the snapshot's region`);
  if (quantity > 0) out.push(variantId, locationId, quantity, changedAt);
}

type Run = { run: (...args: unknown[]) => unknown };

function writeRelations(relations: [number, Product['related']][], productIds: Map<string, number>, related: Run, pending: Run): void {
  for (const [productId, list] of relations) {
    for (const r of list) {
      const relatedId = productIds.get(r.styleCode);
      // A relation to a product outside the snapshot waits for it (HQ leaves it out of the region's state meanwhile).
      if (relatedId !== undefined) related.run(productId, r.kind, relatedId, r.score);
      else pending.run(productId, r.kind, r.styleCode, r.score);
    }
  }
  relations.length = 0;
}

/** The checks before a loaded file may become the cache: structure and references. */
function check(db: Db): void {
  const broken = db.pragma('quick_check', { simple: true });
  if (broken !== 'ok') throw new SnapshotRejected(`the loaded cache fails SQLite's check: ${String(broken)}`);
  const dangling = db.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) throw new SnapshotRejected(`the loaded cache has ${dangling.length} rows referring to nothing`);
}
