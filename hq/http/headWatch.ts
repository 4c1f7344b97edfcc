import type { Logger } from 'pino';
import type { Cursor } from '../../shared/sync/protocol';
import type { HqStore } from '../store/store';

export type HeadListener = (head: Cursor) => void;

/**
 * Knows where the change log's head is and tells the live streams when it moves. Writes made in this
 * process report themselves (`refresh()` right after they commit); writes by another process on the
 * same database — the import CLI, a second HQ — are only seen by reading the head, which this does every
 * `pollMs` while at least one stream listens, and not at all while none does.
 */
export class HeadWatch {
  private readonly listeners = new Set<HeadListener>();
  private known: Cursor = 0;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private failing = false;
  private closed = false;

  constructor(
    private readonly store: HqStore,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  get head(): Cursor {
    return this.known;
  }

  subscribe(listener: HeadListener): () => void {
    this.listeners.add(listener);
    if (!this.timer && !this.closed) {
      this.timer = setInterval(() => void this.refresh(), this.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /**
   * Reads the head and tells every listener if it moved. Calls that arrive while a read is under way are
   * folded into one more read after it, so a burst of writes costs two reads, and the last write is
   * never missed.
   */
  refresh(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.reading;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private async read(): Promise<void> {
    if (this.closed) return;
    let head: Cursor;
    try {
      head = await this.store.head();
    } catch (error) {
      // Once per outage: a poll every half second must not flood the log while the database is away.
      if (!this.failing) this.log.warn({ err: error }, 'cannot read the change log head; live streams wait');
      this.failing = true;
      return;
    }
    this.failing = false;
    if (head <= this.known) return;
    this.known = head;
    for (const listener of this.listeners) listener(head);
  }
}

/** The store methods that append to the change log. */
const LOG_WRITES: ReadonlySet<PropertyKey> = new Set<keyof HqStore>(['publishCatalog', 'deleteProducts', 'updateStock', 'importStock', 'putOffer', 'deleteOffer', 'putSettings']);

/**
 * The same store, except that every write to the log calls `onWrite` once it has committed: whoever
 * writes through it in this process — the admin routes, the demo loader, a test — reaches the live
 * streams at once instead of at the next poll.
 */
export function reportingWrites(store: HqStore, onWrite: () => void): HqStore {
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (!LOG_WRITES.has(property)) return value.bind(target);
      return async (...args: unknown[]) => {
        const result: unknown = await value.apply(target, args);
        onWrite();
        return result;
      };
    },
  });
}
