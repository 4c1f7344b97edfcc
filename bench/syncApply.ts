import type { Statement } from 'better-sqlite3';
import type { StockTuple } from '../shared/sync/entities';
import type { ChangeBatch } from '../shared/sync/protocol';
import { openCache, type Db } from '../electron/core/db/open';
import { META } from '../electron/core/sync/apply';
import { HqClient } from '../electron/core/sync/hqClient';
import { percentiles, round } from './syncMeasure';

/** The delta's batches exactly as the kiosk received them (verified), for the apply-only comparison. */
export async function fetchBatches(hq: { url: string; token: string; store: string }, from: number, to: number): Promise<ChangeBatch[]> {
  const client = new HqClient({ url: hq.url, token: hq.token, store: hq.store });
  const batches: ChangeBatch[] = [];
  for (let cursor = from; cursor < to; ) {
    const answer = await client.changes(cursor, null);
    if (answer.kind !== 'batch') throw new Error(`HQ answered ${answer.kind} for the changes after ${cursor}`);
    batches.push(answer.batch);
    cursor = answer.batch.cursor;
  }
  return batches;
}

export interface Applier {
  /** Applies consecutive batches in one transaction. */
  applyAll(batches: ChangeBatch[]): unknown;
  /** Folds what it left aside into the stock table, a slice at a time (BatchApplier's recent stock); how many it folded. */
  fold?(limit: number): number;
}

/** How the engine grouped a catch-up's batches before the recent-stock table: up to 8 batches or 250k levels per transaction. */
const GROUP_BATCHES = 8;
const GROUP_LEVELS = 250_000;

/** Batches grouped as the previous engine committed them, or one per group (as the engine commits them now). */
export function groupBatches(batches: ChangeBatch[], grouped: boolean): ChangeBatch[][] {
  if (!grouped) return batches.map((batch) => [batch]);
  const groups: ChangeBatch[][] = [];
  let levels = 0;
  for (const batch of batches) {
    const current = groups.at(-1);
    if (!current || current.length >= GROUP_BATCHES || levels >= GROUP_LEVELS) {
      groups.push([batch]);
      levels = 0;
    } else {
      current.push(batch);
    }
    levels += batch.changes.reduce((n, c) => n + (c.type === 'stock' ? c.levels.length : 1), 0);
  }
  return groups;
}

/**
 * Applies `batches` to the cache `file`, timing each `apply` alone, then the WAL checkpoint that follows
 * (timed apart: a connection that defers its checkpoints only moves that cost, and it must be counted).
 * `tune` sets pragmas on the connection first. The digest compares two appliers' results.
 */
export function applyBatches(file: string, groups: ChangeBatch[][], make: (db: Db) => Applier, tune?: (db: Db) => void) {
  const db = openCache(file);
  try {
    tune?.(db);
    const applier = make(db);
    const levels = groups.flat().reduce((sum, b) => sum + b.changes.reduce((n, c) => n + (c.type === 'stock' ? c.levels.length : 0), 0), 0);
    const times: number[] = [];
    for (const group of groups) {
      const started = performance.now();
      applier.applyAll(group);
      times.push(performance.now() - started);
    }
    const applied = times.reduce((a, b) => a + b, 0);
    const checkpointStarted = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpoint = performance.now() - checkpointStarted;
    // Folding the recent stock later is work too: timed on its own, with its checkpoint.
    let fold: number | null = null;
    if (applier.fold) {
      const foldStarted = performance.now();
      while (applier.fold(20_000) > 0);
      db.pragma('wal_checkpoint(TRUNCATE)');
      fold = performance.now() - foldStarted;
    }
    const s = (applied + checkpoint) / 1000;
    const digest = db.prepare('SELECT count(*) || \':\' || total(quantity) || \':\' || total(changed_at) FROM stock_now').pluck().get() as string;
    return {
      digest,
      rows_per_s: Math.round(levels / s),
      result: {
        rows: levels,
        s: round(s, 3),
        rows_per_s: Math.round(levels / s),
        apply_s: round(applied / 1000, 3),
        checkpoint_s: round(checkpoint / 1000, 3),
        ...(fold === null ? {} : { fold_s: round(fold / 1000, 3) }),
        transactions: groups.length,
        transaction_ms: percentiles(times),
      },
    };
  } finally {
    db.close();
  }
}

/**
 * `BatchApplier`'s previous design, kept to measure against: levels straight into the stock table, sorted
 * by SKU (so by key), one upsert per level resolving the SKU, the catch-up's batches grouped into one
 * transaction so each stock page is written once per group.
 */
export class DirectApplier implements Applier {
  readonly #db: Db;
  readonly #put: Statement;
  readonly #drop: Statement;
  readonly #variantId: Statement;
  readonly #meta: Statement;
  readonly #locations: Map<string, number>;

  constructor(db: Db) {
    this.#db = db;
    this.#put = db
      .prepare(
        `INSERT INTO stock (variant_id, location_id, quantity, changed_at) SELECT v.id, ?, ?, ? FROM variants v WHERE v.sku = ?
         ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at
         RETURNING variant_id`,
      )
      .pluck();
    this.#drop = db.prepare('DELETE FROM stock WHERE variant_id = ? AND location_id = ?');
    this.#variantId = db.prepare('SELECT id FROM variants WHERE sku = ?').pluck();
    this.#meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#locations = new Map(db.prepare('SELECT code, id FROM locations').raw().all() as [string, number][]);
  }

  applyAll(batches: ChangeBatch[]): void {
    this.#db.transaction(() => {
      const latest = new Map<string, StockTuple>();
      for (const batch of batches) {
        for (const change of batch.changes) {
          if (change.type !== 'stock') throw new Error(`the direct applier takes stock changes only, not ${change.type}`);
          for (const level of change.levels) latest.set(`${level[0]}\u0000${level[1]}`, level);
        }
      }
      const ordered = [...latest.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
      for (const [sku, location, quantity, changedAt] of ordered) {
        const locationId = this.#locations.get(location);
        if (locationId === undefined) throw new Error(`unknown location ${location}`);
        if (quantity > 0) {
          if (this.#put.get(locationId, quantity, changedAt, sku) === undefined) throw new Error(`unknown SKU ${sku}`);
        } else {
          this.#drop.run(this.#variantId.get(sku), locationId);
        }
      }
      this.#meta.run(META.cursor, String(batches.at(-1)?.cursor ?? 0));
    })();
  }
}

/**
 * The named alternative to `BatchApplier`: what one writes first — one prepared upsert (or delete, for a
 * level of 0) per level in the order HQ sent them, SKU and location resolved inside the statement, one
 * transaction per batch with the cursor. Stock batches only: that is all the delta holds.
 */
export class NaiveApplier implements Applier {
  readonly #db: Db;
  readonly #put: Statement;
  readonly #drop: Statement;
  readonly #meta: Statement;

  constructor(db: Db) {
    this.#db = db;
    this.#put = db.prepare(
      `INSERT INTO stock (variant_id, location_id, quantity, changed_at)
       VALUES ((SELECT id FROM variants WHERE sku = ?), (SELECT id FROM locations WHERE code = ?), ?, ?)
       ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at`,
    );
    this.#drop = db.prepare('DELETE FROM stock WHERE variant_id = (SELECT id FROM variants WHERE sku = ?) AND location_id = (SELECT id FROM locations WHERE code = ?)');
    this.#meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  applyAll(batches: ChangeBatch[]): void {
    for (const batch of batches) {
      this.#db.transaction(() => {
        for (const change of batch.changes) {
          if (change.type !== 'stock') throw new Error(`the naive applier takes stock changes only, not ${change.type}`);
          for (const [sku, location, quantity, changedAt] of change.levels) {
            if (quantity > 0) this.#put.run(sku, location, quantity, changedAt);
            else this.#drop.run(sku, location);
          }
        }
        this.#meta.run(META.cursor, String(batch.cursor));
      })();
    }
  }
}

/**
 * `BatchApplier`'s previous design, kept to measure against: each run of stock levels as ONE statement
 * over `json_each` (sorted by SKU), one transaction per batch. It keeps the rows inside SQLite, but every
 * level's JSON is parsed again for each of its four fields — and it lost to row-by-row statements.
 */
export class JsonEachApplier implements Applier {
  readonly #db: Db;
  readonly #put: Statement;
  readonly #drop: Statement;
  readonly #meta: Statement;

  constructor(db: Db) {
    this.#db = db;
    this.#put = db.prepare(
      `INSERT INTO stock (variant_id, location_id, quantity, changed_at)
       SELECT v.id, l.id, j.value ->> 2, j.value ->> 3
       FROM json_each(?) j JOIN variants v ON v.sku = j.value ->> 0 JOIN locations l ON l.code = j.value ->> 1
       WHERE true
       ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at`,
    );
    this.#drop = db.prepare(
      `DELETE FROM stock WHERE (variant_id, location_id) IN (
         SELECT v.id, l.id FROM json_each(?) j JOIN variants v ON v.sku = j.value ->> 0 JOIN locations l ON l.code = j.value ->> 1)`,
    );
    this.#meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  applyAll(batches: ChangeBatch[]): void {
    for (const batch of batches) {
      this.#db.transaction(() => {
        const latest = new Map<string, StockTuple>();
        for (const change of batch.changes) {
          if (change.type !== 'stock') throw new Error(`the json_each applier takes stock changes only, not ${change.type}`);
          for (const level of change.levels) latest.set(`${level[0]}\u0000${level[1]}`, level);
        }
        const ordered = [...latest.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
        const put = ordered.filter((level) => level[2] > 0);
        const drop = ordered.filter((level) => level[2] === 0);
        if (put.length > 0) this.#put.run(JSON.stringify(put));
        if (drop.length > 0) this.#drop.run(JSON.stringify(drop));
        this.#meta.run(META.cursor, String(batch.cursor));
      })();
    }
  }
}
