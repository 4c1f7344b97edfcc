import { randomUUID } from 'node:crypto';
import { StaffAction, type StaffActionKind } from '../../../shared/sync/staff';
import type { Db } from '../db/open';
import type { OutboxStore } from '../outbox/store';

export type AuditDetail = Record<string, string | number | boolean>;

export interface StaffAuditOptions {
  outbox: OutboxStore;
  /** This pillar's store; null while the configuration is broken (the action is then kept here only). */
  storeCode: () => string | null;
  /** A row and its outbox row have just committed. */
  onQueued: () => void;
}

/**
 * The audit trail of staff mode: who did what, when — a `staff_actions` row in local.db and its outbox row
 * (kind `staff-action`) for HQ, written in one transaction. Details name things by id and code only: never
 * a PIN, never a shopper's personal data.
 */
export class StaffAudit {
  readonly #db: Db;
  readonly #o: StaffAuditOptions;
  readonly #insert;

  constructor(db: Db, options: StaffAuditOptions) {
    this.#db = db;
    this.#o = options;
    this.#insert = db.prepare('INSERT INTO staff_actions (id, at, staff_id, action, detail) VALUES (?, ?, ?, ?, ?)');
  }

  /** Records one action; joins the caller's transaction when there is one (an assisted order's). */
  record(staffId: string | null, action: StaffActionKind, detail: AuditDetail = {}, now = Date.now()): string {
    const id = randomUUID();
    const store = this.#o.storeCode();
    const write = (): void => {
      this.#insert.run(id, now, staffId, action, JSON.stringify(detail));
      if (store) this.#o.outbox.enqueue(id, 'staff-action', StaffAction.parse({ id, store, staffId, action, at: now, detail }), now);
    };
    if (this.#db.inTransaction) {
      write();
      // The caller's commit is what wakes the outbox.
      return id;
    }
    this.#db.transaction(write)();
    if (store) this.#o.onQueued();
    return id;
  }

  /** The newest actions first (for tests and IT's command line). */
  recent(limit = 100): { id: string; at: number; staffId: string | null; action: StaffActionKind; detail: AuditDetail }[] {
    const rows = this.#db.prepare('SELECT id, at, staff_id, action, detail FROM staff_actions ORDER BY at DESC, rowid DESC LIMIT ?').all(limit) as {
      id: string;
      at: number;
      staff_id: string | null;
      action: StaffActionKind;
      detail: string;
    }[];
    return rows.map((row) => ({ id: row.id, at: row.at, staffId: row.staff_id, action: row.action, detail: JSON.parse(row.detail) as AuditDetail }));
  }
}
