import type { Database, Statement } from 'better-sqlite3';
import type { HelpSubmission, RatingSubmission, Receipt } from '../../shared/sync/upstream';
import { Issues } from './issues';
import type { Answer, ClaimedRequest, ListQuery, Page } from './store';
import type { Recorded } from './upstreamKeys';

const CREATED = 201;

interface Row {
  seq: number;
  storeCode: string;
  kioskId: string | null;
  requestSha256: string;
  receivedAt: number;
  data: string;
}

/**
 * Ratings ("How was your visit?") and help requests ("call staff"): one table each, the same shape —
 * the submission as sent, who sent it, when HQ received it. Inserts run inside the caller's transaction.
 */
export class Submissions<T extends RatingSubmission | HelpSubmission> {
  readonly #kind: 'rating' | 'help';
  readonly #what: string;
  readonly #s: Record<'store' | 'insert' | 'byId' | 'page' | 'pageOfStore', Statement>;

  constructor(db: Database, table: 'ratings' | 'help_requests', kind: 'rating' | 'help') {
    this.#kind = kind;
    this.#what = kind === 'rating' ? 'The rating was refused' : 'The help request was refused';
    const columns = 'seq, store_code AS storeCode, kiosk_id AS kioskId, request_sha256 AS requestSha256, received_at AS receivedAt, data';
    this.#s = {
      store: db.prepare("SELECT 1 FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      insert: db.prepare(`INSERT INTO ${table} (id, store_code, kiosk_id, request_sha256, received_at, data) VALUES (?, ?, ?, ?, ?, ?)`),
      byId: db.prepare(`SELECT ${columns} FROM ${table} WHERE id = ?`),
      page: db.prepare(`SELECT ${columns} FROM ${table} WHERE seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
      pageOfStore: db.prepare(`SELECT ${columns} FROM ${table} WHERE store_code = ? AND seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
    };
  }

  insert(submission: T, request: ClaimedRequest): Answer<Receipt> {
    const issues = new Issues();
    if (!this.#s.store.get(submission.store)) issues.add('store', `HQ knows no store "${submission.store}"`);
    issues.refuseIfAny(this.#what);
    this.#s.insert.run(submission.id, submission.store, request.kioskId, request.requestSha256, request.now, JSON.stringify(submission));
    return { status: CREATED, body: { id: submission.id, receivedAt: request.now } };
  }

  recorded(id: string): Recorded | null {
    const row = this.#s.byId.get(id) as Row | undefined;
    if (!row) return null;
    return { kind: this.#kind, storeCode: row.storeCode, requestSha256: row.requestSha256, answer: { status: CREATED, body: { id, receivedAt: row.receivedAt } satisfies Receipt } };
  }

  list(query: ListQuery): Page<T & { kioskId: string | null; receivedAt: number }> {
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const since = query.since ?? 0;
    const rows = (query.store === undefined ? this.#s.page.all(before, since, query.limit + 1) : this.#s.pageOfStore.all(query.store, before, since, query.limit + 1)) as Row[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({ ...(JSON.parse(row.data) as T), kioskId: row.kioskId, receivedAt: row.receivedAt })),
      next: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
    };
  }
}
