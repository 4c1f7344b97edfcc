import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaPath } from '../../../shared/sync/entities';
import type { Logger } from '../log/logger';

export interface MediaCacheOptions {
  /** `<data>/media`. */
  dir: string;
  /** The most the cache may hold on disk; least recently used images go first. */
  capBytes?: number;
  /** Fetches an image from HQ; null when HQ has none by that path. Absent: only what is on disk is served. */
  fetch?: ((mediaPath: string) => Promise<Buffer | null>) | null;
  log: Logger;
}

const DEFAULT_CAP_BYTES = 512 * 1024 * 1024;
/** After a failed fetch, do not ask HQ for the same image again for a while (offline, the UI shows a placeholder). */
const RETRY_AFTER_MS = 60_000;

/**
 * Product images on the pillar's disk. The catalog names them; HQ serves them; the first time the UI
 * asks for one it is fetched and kept, and from then on it shows offline too. The cache is capped in
 * size: a full-chain catalog's images would not fit a pillar's disk, and the shopper only ever sees a
 * few thousand of them. Use time (the file's mtime, touched on every read) decides what goes first.
 * A missing image answers null and the UI shows its placeholder.
 */
export class MediaCache {
  readonly #dir: string;
  readonly #cap: number;
  readonly #fetch: MediaCacheOptions['fetch'];
  readonly #log: Logger;
  readonly #inFlight = new Map<string, Promise<string | null>>();
  readonly #failedAt = new Map<string, number>();
  #bytes: number | null = null;
  #evicting: Promise<void> | null = null;

  constructor(options: MediaCacheOptions) {
    this.#dir = path.resolve(options.dir);
    this.#cap = options.capBytes ?? DEFAULT_CAP_BYTES;
    this.#fetch = options.fetch ?? null;
    this.#log = options.log;
  }

  get dir(): string {
    return this.#dir;
  }

  /** The image's file on disk, fetching it from HQ first if needed; null when there is none (or offline). */
  async file(mediaPath: string): Promise<string | null> {
    if (!MediaPath.safeParse(mediaPath).success) return null;
    const file = path.join(this.#dir, mediaPath);
    if (!file.startsWith(this.#dir + path.sep)) return null;
    try {
      await stat(file);
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return file;
    } catch {
      // Not on disk yet.
    }
    if (!this.#fetch) return null;
    const failed = this.#failedAt.get(mediaPath);
    if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return null;
    let pending = this.#inFlight.get(mediaPath);
    if (!pending) {
      pending = this.#download(mediaPath, file).finally(() => this.#inFlight.delete(mediaPath));
      this.#inFlight.set(mediaPath, pending);
    }
    return pending;
  }

  /** Fetches images ahead of need (the most popular products, category tiles), a few at a time. */
  async prefetch(paths: Iterable<string>, concurrency = 4): Promise<number> {
    const queue = [...new Set(paths)];
    let fetched = 0;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) if (await this.file(next)) fetched++;
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return fetched;
  }

  async #download(mediaPath: string, file: string): Promise<string | null> {
    let body: Buffer | null;
    try {
      body = (await this.#fetch?.(mediaPath)) ?? null;
    } catch (error) {
      this.#failedAt.set(mediaPath, Date.now());
      this.#log.debug({ mediaPath, reason: (error as Error).message }, 'image not fetched');
      return null;
    }
    if (!body) {
      this.#failedAt.set(mediaPath, Date.now());
      return null;
    }
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed: a reader never sees half an image.
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    await writeFile(temp, body);
    await rename(temp, file);
    this.#failedAt.delete(mediaPath);
    await this.#account(body.byteLength);
    return file;
  }

  async #account(added: number): Promise<void> {
    this.#bytes = (this.#bytes ?? (await this.#scan()).reduce((sum, f) => sum + f.size, 0) - added) + added;
    if (this.#bytes > this.#cap) {
      this.#evicting ??= this.#evict().finally(() => (this.#evicting = null));
      await this.#evicting;
    }
  }

  /** Removes the least recently used images until the cache is at 90 % of its cap. */
  async #evict(): Promise<void> {
    const files = (await this.#scan()).sort((a, b) => a.usedAt - b.usedAt);
    let total = files.reduce((sum, f) => sum + f.size, 0);
    const target = this.#cap * 0.9;
    let removed = 0;
    for (const f of files) {
      if (total <= target) break;
      await rm(f.file, { force: true });
      total -= f.size;
      removed++;
    }
    this.#bytes = total;
    if (removed > 0) this.#log.info({ removed, bytes: total }, 'image cache trimmed to its cap');
  }

  async #scan(): Promise<{ file: string; size: number; usedAt: number }[]> {
    const out: { file: string; size: number; usedAt: number }[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(file);
        else if (!entry.name.endsWith('.part')) {
          const s = await stat(file).catch(() => null);
          if (s) out.push({ file, size: s.size, usedAt: s.mtimeMs });
        }
      }
    };
    await walk(this.#dir);
    return out;
  }
}
