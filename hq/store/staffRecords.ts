import type { Database, Statement } from 'better-sqlite3';
import type { HelpQueue, HelpStatus, HelpUpdate, StaffAction } from '../../shared/sync/staff';
import type { Receipt } from '../../shared/sync/upstream';
import { Issues } from './issues';
import type { StoredStaffAction } from './staffStore';
import type { Answer, ClaimedRequest, ListQuery, Page } from './store';
import type { Recorded } from './upstreamKeys';

const CREATED = 201;

/** A help request's status only moves forward. */
const RANK: Record<HelpStatus, number> = { open: 0, acknowledged: 1, resolved: 2 };

/** The queue's most rows (HelpQueue's bound): a store's 12 hours never come near it. */
const QUEUE_MAX = 500;

/** What a pillar's queue shows for a request HQ received without a pillar's token (the admin, or a row from before HQ kept it). */
export const UNKNOWN_KIOSK = 'unknown';

interface RecordRow {
  storeCode: string;
  requestSha256: string;
  receivedAt: number;
}

/**
 * The chain's audit trail of what staff did at the pillars: each action as sent, with the pillar that sent
 * it and when HQ received it. Inserts run inside the caller's transaction.
 */
export class StaffActions {
  readonly #s: Record<'store' | 'insert' | 'byId' | 'page' | 'pageOfStore', Statement>;

  constructor(db: Database) {
    const columns = 'seq, kiosk_id AS kioskId, received_at AS receivedAt, data';
    this.#s = {
      store: db.prepare("SELECT 1 FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      insert: db.prepare('INSERT INTO staff_actions (id, store_code, kiosk_id, staff_id, action, at, request_sha256, received_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      byId: db.prepare('SELECT store_code AS storeCode, request_sha256 AS requestSha256, received_at AS receivedAt FROM staff_actions WHERE id = ?'),
      page: db.prepare(`SELECT ${columns} FROM staff_actions WHERE seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
      pageOfStore: db.prepare(`SELECT ${columns} FROM staff_actions WHERE store_code = ? AND seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
    };
  }

  insert(action: StaffAction, request: ClaimedRequest): Answer<Receipt> {
    const issues = new Issues();
    if (!this.#s.store.get(action.store)) issues.add('store', `HQ knows no store "${action.store}"`);
    issues.refuseIfAny('The staff action was refused');
    this.#s.insert.run(action.id, action.store, request.kioskId, action.staffId, action.action, action.at, request.requestSha256, request.now, JSON.stringify(action));
    return { status: CREATED, body: { id: action.id, receivedAt: request.now } };
  }

  recorded(id: string): Recorded | null {
    const row = this.#s.byId.get(id) as RecordRow | undefined;
    return row ? receipt('staff-action', id, row) : null;
  }

  list(query: ListQuery): Page<StoredStaffAction> {
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const since = query.since ?? 0;
    const rows = (query.store === undefined ? this.#s.page.all(before, since, query.limit + 1) : this.#s.pageOfStore.all(query.store, before, since, query.limit + 1)) as {
      seq: number;
      kioskId: string | null;
      receivedAt: number;
      data: string;
    }[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({ ...(JSON.parse(row.data) as StaffAction), kioskId: row.kioskId, receivedAt: row.receivedAt })),
      next: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
    };
  }
}

interface QueueRow {
  id: string;
  kioskId: string | null;
  data: string;
  status: HelpStatus;
  by: string | null;
  changedAt: number | null;
}

/**
 * The store's "call staff" queue: where each help request is (open → acknowledged → resolved), who took it,
 * and every update the pillars sent — applied when it moves the request forward, kept and ignored when it
 * does not (an acknowledge delivered after the resolve, a second acknowledge).
 */
export class HelpDesk {
  readonly #s: Record<'request' | 'settings' | 'insert' | 'advance' | 'byId' | 'queue', Statement>;

  constructor(db: Database) {
    this.#s = {
      request: db.prepare('SELECT id, store_code AS storeCode, status FROM help_requests WHERE id = ?'),
      settings: db.prepare('SELECT data FROM settings WHERE id = 1').pluck(),
      insert: db.prepare('INSERT INTO help_updates (id, request_id, store_code, kiosk_id, request_sha256, received_at, applied, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      advance: db.prepare('UPDATE help_requests SET status = ?, status_staff_id = ?, status_by = ?, status_changed_at = ? WHERE id = ?'),
      byId: db.prepare('SELECT store_code AS storeCode, request_sha256 AS requestSha256, received_at AS receivedAt FROM help_updates WHERE id = ?'),
      queue: db.prepare(
        `SELECT id, kiosk_id AS kioskId, data, status, status_by AS by, status_changed_at AS changedAt
         FROM help_requests WHERE store_code = ? AND received_at >= ?
         ORDER BY json_extract(data, '$.at') DESC, seq DESC LIMIT ${QUEUE_MAX}`,
      ),
    };
  }

  /** The help request's store, or null when HQ has none with this id. */
  storeOf(requestId: string): string | null {
    const row = this.#s.request.get(requestId) as { storeCode: string } | undefined;
    return row?.storeCode ?? null;
  }

  update(update: HelpUpdate, request: ClaimedRequest): Answer<Receipt> {
    const current = this.#s.request.get(update.requestId) as { storeCode: string; status: HelpStatus } | undefined;
    // The route answers 404 and 403 before claiming; this guards the store's other callers.
    const issues = new Issues();
    if (!current) issues.add('requestId', `HQ has no help request ${update.requestId}`);
    else if (current.storeCode !== update.store) issues.add('requestId', `help request ${update.requestId} belongs to another store`);
    issues.refuseIfAny('The help request update was refused');
    const forward = current !== undefined && RANK[update.status] > RANK[current.status];
    if (forward) this.#s.advance.run(update.status, update.staffId, this.#nameOf(update.staffId), update.at, update.requestId);
    this.#s.insert.run(update.id, update.requestId, update.store, request.kioskId, request.requestSha256, request.now, forward ? 1 : 0, JSON.stringify(update));
    return { status: CREATED, body: { id: update.id, receivedAt: request.now } };
  }

  recorded(id: string): Recorded | null {
    const row = this.#s.byId.get(id) as RecordRow | undefined;
    return row ? receipt('help-update', id, row) : null;
  }

  /** The store's requests received at or after `since`, newest first (by when the shopper asked). */
  queue(storeCode: string, since: number): HelpQueue {
    const rows = this.#s.queue.all(storeCode, since) as QueueRow[];
    return {
      requests: rows.map((row) => {
        const asked = JSON.parse(row.data) as { at: number; screen: string };
        return { id: row.id, kiosk: row.kioskId ?? UNKNOWN_KIOSK, at: asked.at, screen: asked.screen, status: row.status, by: row.by, changedAt: row.changedAt ?? asked.at };
      }),
    };
  }

  /** The staff member's display name as the published settings have it now; their id when HQ does not know them (any more). */
  #nameOf(staffId: string): string {
    const json = this.#s.settings.get() as string | undefined;
    const accounts = json ? ((JSON.parse(json) as { staff?: { accounts?: { id: string; name: string }[] } }).staff?.accounts ?? []) : [];
    // HelpQueue.by holds 40 characters; an id holds up to 64.
    return accounts.find((account) => account.id === staffId)?.name ?? staffId.slice(0, 40);
  }
}

function receipt(kind: 'staff-action' | 'help-update', id: string, row: RecordRow): Recorded {
  return { kind, storeCode: row.storeCode, requestSha256: row.requestSha256, answer: { status: CREATED, body: { id, receivedAt: row.receivedAt } satisfies Receipt } };
}
