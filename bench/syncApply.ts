import type { Statement } from 'better-sqlite3';
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
  apply(batch: ChangeBatch): unknown;
}

/**
 * Applies `batches` to the cache `file`, timing each `apply` alone, then the WAL checkpoint that follows
 * (timed apart: a connection that defers its checkpoints only moves that cost, and it must be counted).
 * `tune` sets pragmas on the connection first. The digest compares two appliers' results.
 */
export function applyBatches(file: string, batches: ChangeBatch[], make: (db: Db) => Applier, tune?: (db: Db) => void) {
  const db = openCache(file);
  try {
    tune?.(db);
    const applier = make(db);
    const levels = batches.reduce((sum, b) => sum + b.changes.reduce((n, c) => n + (c.type === 'stock' ? c.levels.length : 0), 0), 0);
    const times: number[] = [];
    for (const batch of batches) {
      const started = performance.now();
      applier.apply(batch);
      times.push(performance.now() - started);
    }
    const applied = times.reduce((a, b) => a + b, 0);
    const checkpointStarted = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const checkpoint = performance.now() - checkpointStarted;
    const s = (applied + checkpoint) / 1000;
    const digest = db.prepare('SELECT count(*) || \':\' || total(quantity) || \':\' || total(changed_at) FROM stock').pluck().get() as string;
    return {
      digest,
      rows_per_s: Math.round(levels / s),
      result: { rows: levels, s: round(s, 3), rows_per_s: Math.round(levels / s), apply_s: round(applied / 1000, 3), checkpoint_s: round(checkpoint / 1000, 3), batch_ms: percentiles(times) },
    };
  } finally {
    db.close();
  }
}

/**
 * The named alternative to `BatchApplier`'s set-wise stock: what one writes first — one prepared upsert
 * (or delete, for a level of 0) per level, SKU and location resolved inside the statement, one
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

  apply(batch: ChangeBatch): void {
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
