import type { Database, Statement } from 'better-sqlite3';
import { MAX_QUANTITY, type StockTuple } from '../../shared/sync/entities';
import { MAX_LEVELS_PER_CHANGE, type StockUpdate, type StockUpdateResult } from '../../shared/sync/protocol';
import type { LogWriter } from './changeLog';
import type { Issues } from './issues';

/** Levels per INSERT when filling a location that held no stock: one statement call per 250 rows, not per row. */
const BULK_ROWS = 250;

/**
 * Stock writes: absolute levels in bulk (imports, the demo chain) and the counts and deltas of tills and
 * the ERP. Every level that changes is logged as a `stock` change of one location (at most
 * `MAX_LEVELS_PER_CHANGE` levels each), so a region's feed never reads another region's levels.
 */
export class StockWrites {
  readonly #s: Record<'variantId' | 'locations' | 'level' | 'put' | 'drop' | 'anyStock' | 'bulk', Statement>;

  constructor(db: Database) {
    this.#s = {
      variantId: db.prepare('SELECT id FROM variants WHERE sku = ?').pluck(),
      locations: db.prepare('SELECT code, id FROM locations').raw(),
      level: db.prepare('SELECT quantity, changed_at FROM stock WHERE variant_id = ? AND location_id = ?').raw(),
      put: db.prepare(
        `INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at`,
      ),
      drop: db.prepare('DELETE FROM stock WHERE variant_id = ? AND location_id = ?'),
      anyStock: db.prepare('SELECT EXISTS (SELECT 1 FROM stock)').pluck(),
      bulk: db.prepare(
        `INSERT INTO stock (variant_id, location_id, quantity, changed_at) VALUES ${Array(BULK_ROWS).fill('(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (variant_id, location_id) DO UPDATE SET quantity = excluded.quantity, changed_at = excluded.changed_at`,
      ),
    };
  }

  /**
   * Sets absolute levels (0 = none), streaming: nothing but one change's worth of levels per location is
   * held at a time. Levels equal to what is stored log nothing. Unknown SKUs or locations are collected
   * under `<path>.<index>`; the caller's transaction rolls back if there are any.
   */
  setLevels(levels: Iterable<StockTuple>, path: string, log: LogWriter, issues: Issues): number {
    const locations = this.#locationIds();
    // Into a store that held no stock at all (the first import, the demo chain) rows go in bulk: none of
    // them can be a no-op, so there is nothing to read first.
    const empty = this.#s.anyStock.get() === 0;
    const changes = new LevelLog(log);
    const bulk: number[] = [];
    const skuIds = new LastSku(this.#s.variantId);
    let index = -1;
    let logged = 0;

    for (const level of levels) {
      index++;
      const problem = tupleProblem(level);
      if (problem) {
        issues.add([path, index, problem[0]].filter((part) => part !== '').join('.'), problem[1]);
        if (issues.full) break;
        continue;
      }
      const [sku, location, quantity, changedAt] = level;
      const variantId = skuIds.get(sku);
      const locationId = locations.get(location);
      if (variantId === undefined) issues.add(`${path}.${index}.sku`, `unknown SKU ${sku}`);
      if (locationId === undefined) issues.add(`${path}.${index}.location`, `unknown location ${location}`);
      if (issues.full) break;
      if (variantId === undefined || locationId === undefined || issues.count > 0) continue;

      if (empty) {
        if (quantity === 0) continue;
        bulk.push(variantId, locationId, quantity, changedAt);
        if (bulk.length === BULK_ROWS * 4) {
          this.#s.bulk.run(bulk);
          bulk.length = 0;
        }
      } else {
        const stored = this.#s.level.get(variantId, locationId) as [number, number] | undefined;
        if (stored ? stored[0] === quantity && stored[1] === changedAt : quantity === 0) continue;
        if (quantity === 0) this.#s.drop.run(variantId, locationId);
        else this.#s.put.run(variantId, locationId, quantity, changedAt);
      }
      changes.add(locationId, sku, quantity, changedAt);
      logged++;
    }
    for (let at = 0; at < bulk.length; at += 4) this.#s.put.run(bulk.slice(at, at + 4));
    changes.flush();
    return logged;
  }

  /**
   * Applies counts (`quantity`) and deltas (`delta`) of an update that passed the `StockUpdate` schema,
   * in order: all of them, or none when one names an
   * unknown SKU or location or would take a level above the maximum. A decrement below zero stops at
   * zero and is reported in `clamped` (a sale against a stale count is still a sale).
   */
  update(update: StockUpdate, now: number, log: LogWriter, issues: Issues): Omit<StockUpdateResult, 'cursor'> {
    const locations = this.#locationIds();
    const skuIds = new Map<string, number | undefined>();
    const targets = update.changes.map((change, index) => {
      if (!skuIds.has(change.sku)) skuIds.set(change.sku, this.#s.variantId.get(change.sku) as number | undefined);
      const variantId = skuIds.get(change.sku);
      const locationId = locations.get(change.location);
      if (variantId === undefined) issues.add(`changes.${index}.sku`, `unknown SKU ${change.sku}`);
      if (locationId === undefined) issues.add(`changes.${index}.location`, `unknown location ${change.location}`);
      return { variantId: variantId ?? 0, locationId: locationId ?? 0 };
    });
    issues.throwIfAny('The stock update was refused');

    interface Level { sku: string; location: string; variantId: number; locationId: number; quantity: number; changedAt: number; was: [number, number] | null }
    const levels = new Map<string, Level>();
    const clamped = new Map<string, { sku: string; location: string }>();
    update.changes.forEach((change, index) => {
      const { variantId, locationId } = targets[index] ?? { variantId: 0, locationId: 0 };
      const key = `${variantId}:${locationId}`;
      let level = levels.get(key);
      if (!level) {
        const was = (this.#s.level.get(variantId, locationId) as [number, number] | undefined) ?? null;
        level = { sku: change.sku, location: change.location, variantId, locationId, quantity: was?.[0] ?? 0, changedAt: was?.[1] ?? 0, was };
        levels.set(key, level);
      }
      if ('quantity' in change) {
        level.quantity = change.quantity;
      } else if (level.quantity + change.delta < 0) {
        level.quantity = 0;
        clamped.set(key, { sku: change.sku, location: change.location });
      } else if (level.quantity + change.delta > MAX_QUANTITY) {
        issues.add(`changes.${index}.delta`, `would take the level above ${MAX_QUANTITY}`);
      } else {
        level.quantity += change.delta;
      }
      level.changedAt = change.changedAt ?? now;
    });
    issues.throwIfAny('The stock update was refused');

    const changes = new LevelLog(log);
    for (const level of levels.values()) {
      const { was } = level;
      if (was ? was[0] === level.quantity && was[1] === level.changedAt : level.quantity === 0) continue;
      if (level.quantity === 0) this.#s.drop.run(level.variantId, level.locationId);
      else this.#s.put.run(level.variantId, level.locationId, level.quantity, level.changedAt);
      changes.add(level.locationId, level.sku, level.quantity, level.changedAt);
    }
    changes.flush();
    return { applied: update.changes.length, clamped: [...clamped.values()] };
  }

  #locationIds(): Map<string, number> {
    return new Map(this.#s.locations.all() as [string, number][]);
  }
}

/**
 * Levels waiting to be logged, per location, written as one change every `MAX_LEVELS_PER_CHANGE`. Kept
 * as references and plain numbers, not JSON, until a change is written: a bulk load has 5,000 levels of
 * each of 50 locations waiting, and a quarter of a million small strings living that long would cost
 * more in garbage collection than everything else the load does.
 */
class LevelLog {
  readonly #log: LogWriter;
  readonly #pending = new Map<number, Pending>();

  constructor(log: LogWriter) {
    this.#log = log;
  }

  add(locationId: number, sku: string, quantity: number, changedAt: number): void {
    let pending = this.#pending.get(locationId);
    if (!pending) this.#pending.set(locationId, (pending = { skus: [], quantities: new Int32Array(MAX_LEVELS_PER_CHANGE), changedAt: new Float64Array(MAX_LEVELS_PER_CHANGE) }));
    const n = pending.skus.length;
    pending.skus.push(sku);
    pending.quantities[n] = quantity;
    pending.changedAt[n] = changedAt;
    if (n + 1 === MAX_LEVELS_PER_CHANGE) this.#write(locationId, pending);
  }

  flush(): void {
    for (const [locationId, pending] of this.#pending) if (pending.skus.length > 0) this.#write(locationId, pending);
  }

  #write(locationId: number, pending: Pending): void {
    const { skus, quantities, changedAt } = pending;
    // SKUs here exist in HQ, so they passed the shared SKU pattern (letters, digits, ". _ -"): nothing to escape.
    const parts = skus.map((sku, i) => `["${sku}",${quantities[i]},${changedAt[i]}]`);
    this.#log.add({ type: 'stock', scope: locationId, levels: skus.length, payload: `[${parts.join(',')}]` });
    skus.length = 0;
  }
}

interface Pending {
  skus: string[];
  quantities: Int32Array;
  changedAt: Float64Array;
}

/** SKU → variant id, remembering the last answer: bulk levels come variant by variant, location by location. */
class LastSku {
  readonly #lookup: Statement;
  #sku = '';
  #id: number | undefined;

  constructor(lookup: Statement) {
    this.#lookup = lookup;
  }

  get(sku: string): number | undefined {
    if (sku !== this.#sku) {
      this.#sku = sku;
      this.#id = this.#lookup.get(sku) as number | undefined;
    }
    return this.#id;
  }
}

/** What is wrong with a level's shape (not its references), as [field, message], or null. */
function tupleProblem(level: unknown): [string, string] | null {
  if (!Array.isArray(level) || level.length !== 4) return ['', 'must be [sku, location, quantity, changedAt]'];
  const [sku, location, quantity, changedAt] = level as unknown[];
  if (typeof sku !== 'string') return ['sku', 'must be a SKU code'];
  if (typeof location !== 'string') return ['location', 'must be a location code'];
  if (!Number.isInteger(quantity) || (quantity as number) < 0 || (quantity as number) > MAX_QUANTITY) return ['quantity', `must be a whole number from 0 to ${MAX_QUANTITY}`];
  if (!Number.isInteger(changedAt) || (changedAt as number) < 0) return ['changedAt', 'must be a time (epoch ms)'];
  return null;
}
