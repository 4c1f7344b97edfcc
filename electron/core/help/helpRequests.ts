import { randomUUID } from 'node:crypto';
import type { HelpOutput } from '../../../shared/api/shopper';
import { HelpSubmission } from '../../../shared/sync/upstream';
import type { Db } from '../db/open';
import type { OutboxStore } from '../outbox/store';

/** A second tap within this time answers the request already open rather than calling staff twice. */
const SAME_REQUEST_MS = 2 * 60_000;

export interface HelpRequestsOptions {
  outbox: OutboxStore;
  /** This pillar's store, or null while the configuration is broken (the request then stays on the pillar). */
  storeCode: () => string | null;
  /** A request and its outbox row have just committed. */
  onQueued: () => void;
  /** A new request was made (the pillar starts asking HQ whether staff took it). */
  onRequested?: (id: string) => void;
}

/**
 * "Call staff": the request is kept in `local.db` (staff see it in the store's queue, issue 8) and goes to
 * HQ through the outbox, written in the same transaction, so staff on any device of the store see it too.
 * The shopper is told someone is coming. Nothing personal is stored: where they were, and when.
 */
export class HelpRequests {
  readonly #db: Db;
  readonly #o: HelpRequestsOptions;
  readonly #open;
  readonly #insert;

  constructor(db: Db, options: HelpRequestsOptions) {
    this.#db = db;
    this.#o = options;
    // kiosk IS NULL: this pillar's own requests (the table also keeps other pillars' that staff here took).
    this.#open = db.prepare("SELECT id, created_at, status FROM help_requests WHERE kiosk IS NULL AND status <> 'resolved' AND created_at > ? ORDER BY created_at DESC LIMIT 1");
    this.#insert = db.prepare("INSERT INTO help_requests (id, created_at, screen, status, changed_at) VALUES (?, ?, ?, 'open', ?)");
  }

  request(screen: string, styleCode: string | undefined, now = Date.now()): HelpOutput {
    const open = this.#open.get(now - SAME_REQUEST_MS) as { id: string; created_at: number; status: HelpOutput['status'] } | undefined;
    if (open) return { id: open.id, createdAt: open.created_at, status: open.status };
    const id = randomUUID();
    const where = styleCode ? `${screen}:${styleCode}` : screen;
    const store = this.#o.storeCode();
    this.#db.transaction(() => {
      this.#insert.run(id, now, where, now);
      if (store) this.#o.outbox.enqueue(id, 'help', HelpSubmission.parse({ id, store, at: now, screen: where }), now);
    })();
    if (store) this.#o.onQueued();
    this.#o.onRequested?.(id);
    return { id, createdAt: now, status: 'open' };
  }
}
