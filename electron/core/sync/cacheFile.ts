import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Which file is the cache. A snapshot is loaded into a fresh file beside the current one and then made
 * current by rewriting a small pointer (`cache.json`) atomically — write, fsync, rename, fsync the folder.
 * A crash before the rename leaves the old cache current; after it, the new one. Never a mix.
 *
 * Why not rename the new database over `cache.db`: in WAL mode a database is two files, and a `-wal`
 * left by the old one (another reader still open, a crash at the wrong moment) would be replayed into the
 * new one. Each generation has its own name, so its WAL can only ever belong to it.
 */
const POINTER = 'cache.json';
/** Before the first snapshot (the built-in demo chain, tests): the plain name. */
const DEFAULT_FILE = 'cache.db';
const GENERATION = /^cache-[0-9a-z-]+\.db$/;
const LOADING = /^cache-[0-9a-z-]+\.db\.loading(-wal|-shm|-journal)?$/;

const Pointer = z.object({ file: z.string().regex(GENERATION), swappedAt: z.number() });

/** The cache database in use now. */
export function currentCacheFile(dataDir: string): string {
  try {
    const pointer = Pointer.parse(JSON.parse(readFileSync(path.join(dataDir, POINTER), 'utf8')));
    const file = path.join(dataDir, pointer.file);
    if (existsSync(file)) return file;
  } catch {
    // No pointer (never provisioned) or an unreadable one: the plain name, which a resync replaces.
  }
  return path.join(dataDir, DEFAULT_FILE);
}

/** A new generation's final name, and the temporary name it is loaded under until it is complete. */
export function nextCacheFile(dataDir: string, tag: string): { file: string; loading: string } {
  const safe = tag.toLowerCase().replace(/[^0-9a-z-]/g, '-').slice(0, 60);
  const file = path.join(dataDir, `cache-${safe}-${Date.now().toString(36)}.db`);
  return { file, loading: `${file}.loading` };
}

/** Makes `file` (already complete, closed and fsynced) the current cache. */
export function switchCacheFile(dataDir: string, file: string): void {
  const pointer = path.join(dataDir, POINTER);
  const temp = `${pointer}.tmp`;
  writeFileSync(temp, JSON.stringify({ file: path.basename(file), swappedAt: Date.now() }));
  fsyncPath(temp);
  renameSync(temp, pointer);
  fsyncPath(dataDir);
}

/**
 * Deletes every cache generation but the current one, and any half-loaded file a crash left behind.
 * On POSIX a reader that still has an old file open keeps reading it until it closes.
 */
export function removeStaleCacheFiles(dataDir: string): string[] {
  const current = path.basename(currentCacheFile(dataDir));
  const removed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    const base = name.replace(/-(wal|shm|journal)$/, '');
    const stale = (GENERATION.test(base) && base !== current) || LOADING.test(name) || (base === DEFAULT_FILE && current !== DEFAULT_FILE);
    if (!stale) continue;
    try {
      rmSync(path.join(dataDir, name), { force: true });
      removed.push(name);
    } catch {
      // Windows keeps open files: they go on the next start.
    }
  }
  return removed;
}

export function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be opened for fsync on Windows; its rename is already durable there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
