import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CACHE_MIGRATIONS } from './cacheSchema';
import { LOCAL_MIGRATIONS } from './localSchema';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Where better-sqlite3's native module for this runtime lives (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

function open(file: string, options: OpenOptions): Db {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * `cache.db`: what HQ publishes (catalog, stock, locations). Rebuildable from HQ at any time, so
 * `synchronous=NORMAL` (WAL keeps it consistent; a power cut may lose the last sync, which re-runs).
 */
export function openCache(file: string, options: OpenOptions = {}): Db {
  const db = open(file, options);
  db.pragma('synchronous = NORMAL');
  // 32 MiB of page cache; no mmap: memory-mapped pages count as the kiosk's resident memory (~250 MB more
  // at chain scale, measured) while the OS page cache serves the same reads from outside the process.
  db.pragma('cache_size = -32768');
  if (!options.readonly) migrate(db, `cache.db (${file})`, CACHE_MIGRATIONS);
  return db;
}

/**
 * `local.db`: what only this pillar knows (orders before HQ acknowledges them, help requests, audit).
 * A committed row must survive a power cut: `synchronous=FULL`.
 */
export function openLocal(file: string, options: OpenOptions = {}): Db {
  const db = open(file, options);
  db.pragma('synchronous = FULL');
  if (!options.readonly) migrate(db, `local.db (${file})`, LOCAL_MIGRATIONS);
  return db;
}
