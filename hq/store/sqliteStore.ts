import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { Offer, type Product, Settings, type StockTuple } from '../../shared/sync/entities';
import { canonicalJson } from '../../shared/sync/digest';
import { type Change, type Cursor, type Feed, type Region, type SnapshotManifest, StockUpdate, type StockUpdateResult } from '../../shared/sync/protocol';
import { CatalogWrites } from './catalogWrites';
import { ChangeLog, EVERY_REGION, type LogWriter } from './changeLog';
import { entityJson } from './entityJson';
import { Issues } from './issues';
import { migrate } from './migrate';
import { readProducts, readRegionState } from './regionState';
import { regionOf } from './regions';
import { HQ_MIGRATIONS } from './schema';
import { Snapshots } from './snapshots';
import { StockWrites } from './stockWrites';
import { type CatalogInput, type HqStore, IdempotencyConflict, type PublishResult, type RegionStateRows, StoreInputError } from './store';
import { KioskTokens } from './tokens';

/** Idempotency keys older than this are forgotten: a till retries for minutes or days, not months. */
const IDEMPOTENCY_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Opens (creating and migrating as needed) the HQ store in `<dataDir>/hq.db`, with generated snapshots
 * under `<dataDir>/snapshots/`. Several processes may open one data folder at once — the server and an
 * import from the command line: writes take SQLite's write lock up front and wait for each other.
 */
export async function openSqliteStore(options: { dataDir: string; log?: Logger }): Promise<HqStore> {
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
  return new SqliteStore(db, file, path.join(options.dataDir, 'snapshots'), options.log);
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
  readonly #tokens: KioskTokens;
  readonly #snapshots: Snapshots;
  readonly #s: Record<'offer' | 'putOffer' | 'deleteOffer' | 'settings' | 'putSettings' | 'storeExists' | 'idempotency' | 'putIdempotency' | 'forgetIdempotency', Database.Statement>;
  #closed = false;

  constructor(db: Database.Database, file: string, snapshotDir: string, log: Logger | undefined) {
    this.#db = db;
    this.#log = log;
    this.#changeLog = new ChangeLog(db);
    this.#catalog = new CatalogWrites(db);
    this.#stock = new StockWrites(db);
    this.#tokens = new KioskTokens(db);
    this.#snapshots = new Snapshots({ dbFile: file, dir: snapshotDir, ...(log ? { log } : {}) });
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
    return this.#write((log, issues) => {
      const offer = issues.parse(Offer, input, '');
      issues.throwIfAny('The offer was refused');
      if (!offer) return;
      offer.stores.forEach((store, index) => {
        if (!this.#s.storeExists.get(store)) issues.add(`stores.${index}`, `there is no store "${store}"`);
      });
      issues.throwIfAny('The offer was refused');
      const json = entityJson(offer);
      if (this.#s.offer.get(offer.id) === json) return;
      this.#s.putOffer.run(offer.id, json);
      log.add({ type: 'offer.upsert', scope: EVERY_REGION, payload: json });
    });
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
    return this.#tokens.authenticate(token);
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

  #open(): void {
    if (this.#closed) throw new Error('The HQ store is closed');
  }
}
