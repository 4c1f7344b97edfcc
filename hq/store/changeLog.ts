import type { Database, Statement } from 'better-sqlite3';
import type { StockTuple } from '../../shared/sync/entities';
import { type Change, type ChangeType, type Cursor, FEED_OF, type Feed, MAX_CHANGES_PER_BATCH, MAX_LEVELS_PER_BATCH, type Region } from '../../shared/sync/protocol';
import { CursorExpired, StoreInputError } from './store';

/** Scope of a change every region gets (products, categories, colours, offers, settings). */
export const EVERY_REGION = 0;

/** A change as the log keeps it: its entity's JSON, and the one location it concerns (if any). */
export interface LogEntry {
  type: ChangeType;
  scope: number;
  levels?: number;
  payload: string;
}

interface Candidate {
  seq: number;
  levels: number;
}

/**
 * The change log of hq.db: appending (inside the caller's write transaction), reading a region's part
 * of it, compaction. Sequence numbers are assigned here, from the head read inside the same write
 * transaction, so two processes writing one database (the server and an import) never share one.
 */
export class ChangeLog {
  readonly #db: Database;
  readonly #s: { head: Statement; floor: Statement; append: Statement; scopeRange: Statement; entry: Statement; compact: Statement; setFloor: Statement; locationIds: Statement };

  constructor(db: Database) {
    this.#db = db;
    this.#s = {
      head: db.prepare('SELECT max(coalesce((SELECT max(seq) FROM change_log), 0), (SELECT floor FROM log_floor WHERE id = 1)) AS head').pluck(),
      floor: db.prepare('SELECT floor FROM log_floor WHERE id = 1').pluck(),
      append: db.prepare('INSERT INTO change_log (seq, type, feed, scope, levels, payload) VALUES (?, ?, ?, ?, ?, ?)'),
      scopeRange: db.prepare('SELECT seq, levels FROM change_log WHERE scope = ? AND feed = ? AND seq > ? ORDER BY seq LIMIT ?').raw(),
      entry: db.prepare('SELECT type, scope, payload FROM change_log WHERE seq = ?'),
      compact: db.prepare('DELETE FROM change_log WHERE seq <= ?'),
      setFloor: db.prepare('UPDATE log_floor SET floor = ? WHERE id = 1'),
      locationIds: db.prepare('SELECT id, code FROM locations').raw(),
    };
  }

  head(): Cursor {
    return this.#s.head.get() as number;
  }

  floor(): Cursor {
    return this.#s.floor.get() as number;
  }

  /** An appender for one write transaction: call it only inside that transaction. */
  writer(): LogWriter {
    return new LogWriter(this.#s.append, this.head());
  }

  /**
   * The changes after `after` that concern `region`, in seq order, up to `limit` changes and
   * `MAX_LEVELS_PER_BATCH` levels. Reads each (scope, feed) range of the index separately and merges
   * them, so the cost is the region's share of the log, not the log's length. The returned cursor is
   * the last seq examined: it lies past changes of other regions, up to the head when the region's
   * changes ran out.
   */
  read(region: Region, after: Cursor, options: { limit: number; feeds: readonly Feed[] }): { changes: Change[]; cursor: Cursor; head: Cursor } {
    return this.#db.transaction(() => {
      const head = this.head();
      const floor = this.floor();
      if (after < floor) throw new CursorExpired(after, floor);
      if (after > head) throw new StoreInputError(`cursor ${after} is ahead of HQ's newest change ${head}`, [{ path: 'after', message: `must be at most ${head}` }]);
      const limit = Math.min(MAX_CHANGES_PER_BATCH, Math.max(1, Math.floor(options.limit)));

      const codes = new Map<number, string>();
      const wanted = new Set([region.home, ...region.nearby, ...(region.warehouse ? [region.warehouse] : [])]);
      for (const [id, code] of this.#s.locationIds.all() as [number, string][]) if (wanted.has(code)) codes.set(id, code);

      const ranges: [number, Feed][] = [];
      for (const feed of new Set(options.feeds)) {
        if (feed !== 'stock') ranges.push([EVERY_REGION, feed]);
        // Stock changes and location upserts are the two kinds scoped to one location.
        if (feed === 'stock' || feed === 'catalog') for (const id of codes.keys()) ranges.push([id, feed]);
      }

      // A range that filled its limit may hold more beyond its last row: nothing past the lowest such
      // row is certain to be complete, so the merge stops there.
      let horizon = head;
      const candidates: Candidate[] = [];
      for (const [scope, feed] of ranges) {
        const rows = this.#s.scopeRange.all(scope, feed, after, limit) as [number, number][];
        for (const [seq, levels] of rows) candidates.push({ seq, levels });
        const last = rows.at(-1);
        if (rows.length === limit && last) horizon = Math.min(horizon, last[0]);
      }
      candidates.sort((a, b) => a.seq - b.seq);

      const taken: Candidate[] = [];
      let levels = 0;
      let cursor = horizon;
      for (const candidate of candidates) {
        if (candidate.seq > horizon) break;
        if (taken.length === limit || levels + candidate.levels > MAX_LEVELS_PER_BATCH) {
          cursor = candidate.seq - 1;
          break;
        }
        taken.push(candidate);
        levels += candidate.levels;
      }

      const changes = taken.map(({ seq }) => this.#decode(seq, region, codes));
      return { changes, cursor, head };
    })();
  }

  /** Drops the log up to `before` (never past the head) and raises the floor to it. */
  compact(before: Cursor): Cursor {
    return this.#db
      .transaction(() => {
        const floor = this.floor();
        const target = Math.min(Math.floor(before), this.head());
        if (target <= floor) return floor;
        this.#s.compact.run(target);
        this.#s.setFloor.run(target);
        return target;
      })
      .immediate();
  }

  #decode(seq: number, region: Region, codes: Map<number, string>): Change {
    const row = this.#s.entry.get(seq) as { type: ChangeType; scope: number; payload: string };
    const body: unknown = JSON.parse(row.payload);
    switch (row.type) {
      case 'stock': {
        const location = codes.get(row.scope) ?? '';
        const levels = (body as [string, number, number][]).map(([sku, quantity, changedAt]): StockTuple => [sku, location, quantity, changedAt]);
        return { seq, type: 'stock', levels };
      }
      case 'product.upsert':
        return { seq, type: row.type, product: body as Extract<Change, { type: 'product.upsert' }>['product'] };
      case 'product.delete':
        return { seq, type: row.type, styleCode: body as string };
      case 'location.upsert':
        return { seq, type: row.type, location: body as Extract<Change, { type: 'location.upsert' }>['location'] };
      case 'category.upsert':
        return { seq, type: row.type, category: body as Extract<Change, { type: 'category.upsert' }>['category'] };
      case 'colour.upsert':
        return { seq, type: row.type, colour: body as Extract<Change, { type: 'colour.upsert' }>['colour'] };
      case 'offer.upsert': {
        const offer = body as Extract<Change, { type: 'offer.upsert' }>['offer'];
        // An offer that moved away from this store must leave the pillar's cache: it hears of it as a delete.
        return offerConcerns(offer, region.home) ? { seq, type: row.type, offer } : { seq, type: 'offer.delete', id: offer.id };
      }
      case 'offer.delete':
        return { seq, type: row.type, id: body as string };
      case 'settings':
        return { seq, type: row.type, settings: body as Extract<Change, { type: 'settings' }>['settings'] };
    }
  }
}

/** An offer runs in a store when it names no stores (the whole chain) or names that one. */
export function offerConcerns(offer: { stores: readonly string[] }, store: string): boolean {
  return offer.stores.length === 0 || offer.stores.includes(store);
}

/** Appends entries with consecutive seqs inside one write transaction. */
export class LogWriter {
  readonly #append: Statement;
  #seq: number;
  count = 0;

  constructor(append: Statement, head: number) {
    this.#append = append;
    this.#seq = head;
  }

  get seq(): number {
    return this.#seq;
  }

  add(entry: LogEntry): number {
    this.#seq++;
    this.count++;
    this.#append.run(this.#seq, entry.type, FEED_OF[entry.type], entry.scope, entry.levels ?? 0, entry.payload);
    return this.#seq;
  }
}
