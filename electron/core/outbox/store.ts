import type { OutboxStatus } from '../../../shared/api/orders';
import type { UpstreamKind } from '../../../shared/sync/upstream';
import type { Db } from '../db/open';

export interface OutboxRow {
  id: string;
  kind: UpstreamKind;
  payload: string | null;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_error: string | null;
  state: 'pending' | 'delivered' | 'rejected';
  delivered_at: number | null;
}

/** A pending row as IT sees it on the command line: no payload, so no personal data. */
export interface PendingRow {
  id: string;
  kind: UpstreamKind;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  code?: string;
}

/** Delivered rows are kept this long (HQ's receipts, for staff's "sent at"), then forgotten. */
export const KEEP_DELIVERED_MS = 30 * 86_400_000;

/**
 * The `outbox` table of local.db: what is on its way to HQ. A business module writes its row and the
 * outbox row in one transaction (`enqueue` joins the caller's); the deliverer (outbox.ts) reads and
 * updates rows one at a time. Statements are prepared once.
 */
export class OutboxStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    // Personal data is dropped from rows once HQ has it: zero the old bytes in the file rather than
    // leave them in free space for anyone who copies local.db off a pillar.
    db.pragma('secure_delete = ON');
    this.#s = {
      insert: db.prepare("INSERT INTO outbox (id, kind, payload, created_at, next_attempt_at, state) VALUES (?, ?, ?, ?, ?, 'pending')"),
      due: db.prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY created_at, rowid LIMIT 1"),
      nextWake: db.prepare("SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending'").pluck(),
      byId: db.prepare('SELECT * FROM outbox WHERE id = ?'),
      failed: db.prepare("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'"),
      delivered: db.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = NULL, state = 'delivered', delivered_at = ?, answer = ?, payload = NULL WHERE id = ? AND state = 'pending'",
      ),
      rejected: db.prepare("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?, state = 'rejected' WHERE id = ? AND state = 'pending'"),
      payload: db.prepare("UPDATE outbox SET payload = ? WHERE id = ? AND state = 'pending'"),
      allDue: db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?"),
      forget: db.prepare("DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?"),
      counts: db.prepare("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE state = 'pending'"),
      lastAttempt: db.prepare('SELECT last_attempt_at, last_error FROM outbox WHERE last_attempt_at IS NOT NULL ORDER BY last_attempt_at DESC LIMIT 1'),
      lastDelivered: db.prepare('SELECT max(delivered_at) FROM outbox WHERE delivered_at IS NOT NULL').pluck(),
      deliveredSince: db.prepare('SELECT count(*) FROM outbox WHERE delivered_at >= ?').pluck(),
      rejectedRows: db.prepare(
        "SELECT o.id, o.kind, o.last_error, o.last_attempt_at, r.code FROM outbox o LEFT JOIN orders r ON r.id = o.id WHERE o.state = 'rejected' ORDER BY o.last_attempt_at DESC LIMIT 100",
      ),
      pendingRows: db.prepare(
        "SELECT o.id, o.kind, o.created_at, o.attempts, o.next_attempt_at, o.last_error, r.code FROM outbox o LEFT JOIN orders r ON r.id = o.id WHERE o.state = 'pending' ORDER BY o.created_at, o.rowid LIMIT ?",
      ),
    };
  }

  get db(): Db {
    return this.#db;
  }

  /** Queues a body for HQ under `id` (its Idempotency-Key). Call inside the transaction that writes the business row. */
  enqueue(id: string, kind: UpstreamKind, body: unknown, now: number): void {
    if (!this.#db.inTransaction) throw new Error('outbox rows are written in the same transaction as their business row');
    this.#s.insert.run(id, kind, JSON.stringify(body), now, now);
  }

  /** The oldest row that is due now. */
  nextDue(now: number): OutboxRow | undefined {
    return this.#s.due.get(now) as OutboxRow | undefined;
  }

  /** When the next pending row falls due (epoch ms), or null when nothing is pending. */
  nextWakeAt(): number | null {
    return (this.#s.nextWake.get() as number | null) ?? null;
  }

  get(id: string): OutboxRow | undefined {
    return this.#s.byId.get(id) as OutboxRow | undefined;
  }

  failed(id: string, now: number, reason: string, nextAttemptAt: number): void {
    this.#s.failed.run(now, reason, nextAttemptAt, id);
  }

  /** Marks a row delivered with HQ's answer and drops its body (personal data with it). Join the caller's transaction. */
  delivered(id: string, now: number, answer: unknown): void {
    this.#s.delivered.run(now, now, JSON.stringify(answer), id);
  }

  rejected(id: string, now: number, reason: string): void {
    this.#s.rejected.run(now, reason, id);
  }

  replacePayload(id: string, payload: string): void {
    this.#s.payload.run(payload, id);
  }

  /** Every pending row is due now (HQ is back): nobody waits out a long backoff from the outage. */
  allDue(now: number): void {
    this.#s.allDue.run(now, now);
  }

  /** Drops delivered rows older than KEEP_DELIVERED_MS; the orders themselves stay in `orders`. */
  forgetDelivered(now: number): number {
    return this.#s.forget.run(now - KEEP_DELIVERED_MS).changes;
  }

  pendingCount(): number {
    return (this.#s.counts.get() as { pending: number }).pending;
  }

  /** `outbox.status`: `startOfToday` is local midnight in the store's time zone (epoch ms). */
  status(startOfToday: number): OutboxStatus {
    const counts = this.#s.counts.get() as { pending: number; oldest: number | null };
    const last = this.#s.lastAttempt.get() as { last_attempt_at: number; last_error: string | null } | undefined;
    const rejected = this.#s.rejectedRows.all() as { id: string; kind: UpstreamKind; last_error: string | null; last_attempt_at: number | null; code: string | null }[];
    return {
      pending: counts.pending,
      oldestPendingAt: counts.oldest,
      lastAttemptAt: last?.last_attempt_at ?? null,
      lastDeliveredAt: (this.#s.lastDelivered.get() as number | null) ?? null,
      lastError: last?.last_error ?? null,
      rejected: rejected.map((row) => ({
        id: row.id,
        kind: row.kind,
        reason: row.last_error ?? 'refused by HQ',
        at: row.last_attempt_at ?? 0,
        ...(row.kind === 'order' && row.code ? { code: row.code } : {}),
      })),
      deliveredToday: this.#s.deliveredSince.get(startOfToday) as number,
    };
  }

  /** The rows still on their way, oldest first (no payloads). */
  pending(limit = 1_000): PendingRow[] {
    const rows = this.#s.pendingRows.all(limit) as { id: string; kind: UpstreamKind; created_at: number; attempts: number; next_attempt_at: number; last_error: string | null; code: string | null }[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      createdAt: row.created_at,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      lastError: row.last_error,
      ...(row.kind === 'order' && row.code ? { code: row.code } : {}),
    }));
  }
}
