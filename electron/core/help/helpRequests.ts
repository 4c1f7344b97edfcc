import { randomUUID } from 'node:crypto';
import type { HelpOutput } from '../../../shared/api/shopper';
import type { Db } from '../db/open';

/** A second tap within this time answers the request already open rather than calling staff twice. */
const SAME_REQUEST_MS = 2 * 60_000;

/**
 * "Call staff": the request is kept in `local.db` (staff see it in the store's queue, issue 8) and the
 * shopper is told someone is coming. Nothing personal is stored: where they were, and when.
 */
export class HelpRequests {
  readonly #open;
  readonly #insert;

  constructor(db: Db) {
    this.#open = db.prepare("SELECT id, created_at, status FROM help_requests WHERE status <> 'resolved' AND created_at > ? ORDER BY created_at DESC LIMIT 1");
    this.#insert = db.prepare("INSERT INTO help_requests (id, created_at, screen, status) VALUES (?, ?, ?, 'open')");
  }

  request(screen: string, styleCode: string | undefined, now = Date.now()): HelpOutput {
    const open = this.#open.get(now - SAME_REQUEST_MS) as { id: string; created_at: number; status: HelpOutput['status'] } | undefined;
    if (open) return { id: open.id, createdAt: open.created_at, status: open.status };
    const id = randomUUID();
    this.#insert.run(id, now, styleCode ? `${screen}:${styleCode}` : screen);
    return { id, createdAt: now, status: 'open' };
  }
}
