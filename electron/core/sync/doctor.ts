import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { META } from './apply';
import { currentCacheFile } from './cacheFile';
import { cacheDigest } from './state';

/** What `npm run kiosk -- doctor` reports about a pillar's data folder. */
export interface DoctorReport {
  dataDir: string;
  healthy: boolean;
  problems: string[];
  cache: {
    file: string;
    exists: boolean;
    bytes: number;
    source: string | null;
    store: string | null;
    snapshot: string | null;
    cursor: number | null;
    lastSyncAt: number | null;
    /** Seconds since the cache was last known current with HQ. */
    ageSeconds: number | null;
    /** `stock` counts the levels readers see; `stockUnfolded` those from deltas not yet folded into the stock table (null: a cache from before that table). */
    rows: (Record<'locations' | 'products' | 'variants' | 'stock' | 'offers', number> & { stockUnfolded: number | null }) | null;
    integrity: string;
    /** SHA-256 of the region's canonical state (shared/sync/digest.ts), with `--digest`. */
    digest?: string;
  };
  local: { file: string; exists: boolean; bytes: number; integrity: string };
  /** Files a crash or an interrupted download left (cleaned up on the next start). */
  leftovers: string[];
}

/**
 * Reads a data folder without changing it (read-only connections, no migrations): sync state, cursor,
 * freshness, row counts and SQLite's integrity check of both databases.
 */
export function doctor(dataDir: string, options: { digest?: boolean; now?: number } = {}): DoctorReport {
  const now = options.now ?? Date.now();
  const problems: string[] = [];
  const cacheFile = currentCacheFile(dataDir);
  const cache: DoctorReport['cache'] = {
    file: cacheFile,
    exists: existsSync(cacheFile),
    bytes: sizeOf(cacheFile),
    source: null,
    store: null,
    snapshot: null,
    cursor: null,
    lastSyncAt: null,
    ageSeconds: null,
    rows: null,
    integrity: 'missing',
  };
  if (cache.exists) {
    const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
    try {
      const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
      cache.source = meta.get(META.source) ?? null;
      cache.store = meta.get(META.store) ?? null;
      cache.snapshot = meta.get(META.snapshot) ?? null;
      cache.cursor = meta.has(META.cursor) ? Number(meta.get(META.cursor)) : null;
      cache.lastSyncAt = meta.has(META.lastSync) ? Number(meta.get(META.lastSync)) : null;
      cache.ageSeconds = cache.lastSyncAt === null ? null : Math.max(0, Math.round((now - cache.lastSyncAt) / 1000));
      const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      // A cache written before the recent-stock table (the kiosk migrates it when it next opens it) has only stock.
      const recent = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'stock_now'").get() !== undefined;
      cache.rows = {
        locations: count('locations'),
        products: count('products'),
        variants: count('variants'),
        stock: count(recent ? 'stock_now' : 'stock'),
        stockUnfolded: recent ? count('stock_recent') : null,
        offers: count('offers'),
      };
      cache.integrity = integrity(db);
      if (options.digest) cache.digest = cacheDigest(db).digest;
    } catch (error) {
      cache.integrity = `unreadable: ${(error as Error).message}`;
    } finally {
      db.close();
    }
    if (cache.integrity !== 'ok') problems.push(`the cache fails its integrity check (${cache.integrity}); the pillar will resnapshot`);
    if (cache.source === 'hq' && cache.cursor === null) problems.push('the cache came from HQ but has no cursor');
  } else {
    problems.push('no cache yet: the pillar has never been provisioned (npm run kiosk -- sync)');
  }

  const localFile = path.join(dataDir, 'local.db');
  const local = { file: localFile, exists: existsSync(localFile), bytes: sizeOf(localFile), integrity: 'missing' };
  if (local.exists) {
    const db = new Database(localFile, { readonly: true, fileMustExist: true });
    try {
      local.integrity = integrity(db);
    } finally {
      db.close();
    }
    if (local.integrity !== 'ok') problems.push(`local.db fails its integrity check (${local.integrity}): it holds orders not yet at HQ — call support before touching it`);
  }

  const leftovers = existsSync(dataDir) ? readdirSync(dataDir).filter((name) => name.includes('.loading')) : [];
  const snapshots = path.join(dataDir, 'snapshots');
  if (existsSync(snapshots)) for (const name of readdirSync(snapshots)) leftovers.push(path.join('snapshots', name));
  return { dataDir, healthy: problems.length === 0, problems, cache, local, leftovers };
}

export function formatDoctor(report: DoctorReport): string {
  const c = report.cache;
  const age = c.ageSeconds === null ? 'never' : c.ageSeconds < 120 ? `${c.ageSeconds} s ago` : `${Math.round(c.ageSeconds / 60)} min ago`;
  return [
    `data folder   ${report.dataDir}`,
    `cache         ${c.exists ? `${path.basename(c.file)} (${mb(c.bytes)})` : 'none'}`,
    `  source      ${c.source ?? '—'}${c.store ? `, store ${c.store}` : ''}${c.snapshot ? `, snapshot ${c.snapshot}` : ''}`,
    `  cursor      ${c.cursor ?? '—'}`,
    `  synced      ${age}${c.lastSyncAt ? ` (${new Date(c.lastSyncAt).toISOString()})` : ''}`,
    ...(c.rows
      ? [
          `  rows        ${c.rows.locations} locations, ${c.rows.products} products, ${c.rows.variants} variants, ${c.rows.stock} stock levels, ${c.rows.offers} offers`,
          ...(c.rows.stockUnfolded ? [`  unfolded    ${c.rows.stockUnfolded} stock levels from deltas, folded into the stock table while sync is idle`] : []),
        ]
      : []),
    `  integrity   ${c.integrity}`,
    ...(c.digest ? [`  digest      ${c.digest}`] : []),
    `local.db      ${report.local.exists ? `${mb(report.local.bytes)}, integrity ${report.local.integrity}` : 'none'}`,
    ...(report.leftovers.length ? [`leftovers     ${report.leftovers.join(', ')} (removed on next start)`] : []),
    report.healthy ? 'healthy' : `PROBLEMS:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`,
  ].join('\n');
}

function integrity(db: Database.Database): string {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0) : 0;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
