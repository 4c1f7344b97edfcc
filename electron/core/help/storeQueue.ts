import { randomUUID } from 'node:crypto';
import type { HelpQueueOutput, HelpRequestView } from '../../../shared/api/staff';
import { HelpUpdate, type HelpQueue, type HelpStatus } from '../../../shared/sync/staff';
import { KioskError } from '../api/errors';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import type { OutboxStore } from '../outbox/store';
import type { StaffAudit } from '../staff/audit';

/** HQ keeps a store's requests this long; the pillar shows its own for as long. */
export const QUEUE_WINDOW_MS = 12 * 3_600_000;
/** The shopper's pillar asks HQ this often whether staff took their request. */
export const POLL_MS = 10_000;
/** A request older than this is no longer followed for the shopper (they have long left or been helped). */
const FOLLOW_MS = 60 * 60_000;
/** Staff screens re-read the queue often; HQ is asked at most this often. */
const FRESH_MS = 3_000;

const RANK: Record<HelpStatus, number> = { open: 0, acknowledged: 1, resolved: 2 };

interface Row {
  id: string;
  kiosk: string | null;
  created_at: number;
  screen: string;
  status: HelpStatus;
  by_name: string | null;
  changed_at: number | null;
}

/** What reads the store's queue from HQ (null while HQ is not configured). */
export interface QueueSource {
  helpQueue(): Promise<HelpQueue>;
}

export interface StoreQueueOptions {
  outbox: OutboxStore;
  audit: StaffAudit;
  storeCode: () => string | null;
  source: () => QueueSource | null;
  log: Logger;
  /** A row and its outbox row have just committed. */
  onQueued: () => void;
  /** One of this pillar's own requests moved (the shopper is told). */
  onUpdated: (update: { id: string; status: HelpStatus; by: string | null }) => void;
  now?: () => number;
  pollMs?: number;
}

/**
 * The store's "call staff" queue for staff, and the shopper's side of it. HQ holds the store's queue
 * (every pillar's requests); this pillar adds its own that HQ has not got yet (`localOnly`) and, while HQ
 * cannot be reached, shows only those. Taking or closing a request works offline: the local row moves at
 * once and a `help-update` goes to HQ through the outbox, with the staff action, in one transaction.
 * Statuses only move forward (open → acknowledged → resolved), so HQ's older view never undoes a step
 * taken here before HQ heard of it.
 */
export class StoreHelpQueue {
  readonly #db: Db;
  readonly #o: StoreQueueOptions;
  readonly #now: () => number;
  readonly #s;
  /** HQ's last answer and when it came. */
  #hq: { queue: HelpQueue; at: number } | null = null;
  #fetching: Promise<boolean> | null = null;
  /** When HQ last failed to answer (null after a success). */
  #failedAt: number | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(db: Db, options: StoreQueueOptions) {
    this.#db = db;
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#s = {
      byId: db.prepare('SELECT id, kiosk, created_at, screen, status, by_name, changed_at FROM help_requests WHERE id = ?'),
      own: db.prepare('SELECT id, kiosk, created_at, screen, status, by_name, changed_at FROM help_requests WHERE kiosk IS NULL AND created_at > ? ORDER BY created_at DESC'),
      following: db.prepare("SELECT count(*) FROM help_requests WHERE kiosk IS NULL AND status <> 'resolved' AND created_at > ?").pluck(),
      move: db.prepare(
        `UPDATE help_requests SET status = @status, by_name = @by, by_staff = @staff, changed_at = @at,
           acknowledged_at = CASE WHEN @status = 'acknowledged' THEN @at ELSE acknowledged_at END,
           resolved_at = CASE WHEN @status = 'resolved' THEN @at ELSE resolved_at END
         WHERE id = @id`,
      ),
      insertRemote: db.prepare('INSERT INTO help_requests (id, kiosk, created_at, screen, status, changed_at) VALUES (?, ?, ?, ?, ?, ?)'),
      delivered: db.prepare("SELECT state FROM outbox WHERE id = ? AND kind = 'help'").pluck(),
    };
  }

  /** The queue for staff: HQ's (read now unless read a moment ago) with this pillar's own added; its own only offline. */
  async queue(): Promise<HelpQueueOutput> {
    const reached = await this.#refresh(FRESH_MS);
    const now = this.#now();
    const own = (this.#s.own.all(now - QUEUE_WINDOW_MS) as Row[]);
    const views: HelpRequestView[] = [];
    const atHq = new Set<string>();
    if (reached && this.#hq) {
      for (const request of this.#hq.queue.requests) {
        atHq.add(request.id);
        const local = this.#s.byId.get(request.id) as Row | undefined;
        const mine = local !== undefined && local.kiosk === null;
        const ahead = local !== undefined && RANK[local.status] > RANK[request.status];
        views.push({
          id: request.id,
          kiosk: mine ? 'this-pillar' : request.kiosk,
          at: request.at,
          screen: request.screen,
          status: ahead ? local.status : request.status,
          by: ahead ? local.by_name : request.by,
          changedAt: ahead ? (local.changed_at ?? request.changedAt) : request.changedAt,
          localOnly: false,
        });
      }
    }
    for (const row of own) {
      if (atHq.has(row.id)) continue;
      // Offline: a request HQ acknowledged receiving is not "only here", even if this read of HQ failed.
      const localOnly = reached ? true : this.#s.delivered.get(row.id) !== 'delivered';
      views.push({ id: row.id, kiosk: 'this-pillar', at: row.created_at, screen: row.screen, status: row.status, by: row.by_name, changedAt: row.changed_at ?? row.created_at, localOnly });
    }
    views.sort((a, b) => b.at - a.at);
    return { requests: views.slice(0, 500), fetchedAt: this.#hq?.at ?? null };
  }

  /** Staff take ("on my way") or close a request of any pillar of the store; works offline. */
  update(id: string, status: 'acknowledged' | 'resolved', staff: { id: string; name: string }): { id: string; status: HelpStatus; by: string | null } {
    const now = this.#now();
    const store = this.#o.storeCode();
    let local = this.#s.byId.get(id) as Row | undefined;
    const known = this.#hq?.queue.requests.find((request) => request.id === id);
    if (!local && !known) throw new KioskError('NOT_FOUND', 'No "call staff" request of this store has that id');
    if (local && RANK[local.status] >= RANK[status]) return { id, status: local.status, by: local.by_name };
    if (known && RANK[known.status] >= RANK[status]) return { id, status: known.status, by: known.by };
    this.#db.transaction(() => {
      if (!local && known) {
        // Another pillar's request: kept here so this step shows at once, before HQ hears of it.
        this.#s.insertRemote.run(known.id, known.kiosk, known.at, known.screen, known.status, known.changedAt);
        local = this.#s.byId.get(id) as Row;
      }
      this.#s.move.run({ id, status, by: staff.name, staff: staff.id, at: now });
      const updateId = randomUUID();
      if (store) this.#o.outbox.enqueue(updateId, 'help-update', HelpUpdate.parse({ id: updateId, requestId: id, store, status, staffId: staff.id, at: now }), now);
      this.#o.audit.record(staff.id, status === 'acknowledged' ? 'help-acknowledge' : 'help-resolve', { request: id }, now);
    })();
    this.#o.onQueued();
    if (local?.kiosk === null) this.#o.onUpdated({ id, status, by: staff.name });
    return { id, status, by: staff.name };
  }

  /** The shopper's own request as this pillar knows it (HQ's view, polled, or a step taken here). */
  status(id: string): { id: string; status: HelpStatus; by: string | null } {
    const row = this.#s.byId.get(id) as Row | undefined;
    if (!row || row.kiosk !== null) throw new KioskError('NOT_FOUND', 'No "call staff" request of this pillar has that id');
    return { id, status: row.status, by: row.by_name };
  }

  /** Follows this pillar's open requests at HQ every `pollMs` while there are any (call after a new request and at start). */
  follow(): void {
    if (this.#closed || this.#timer) return;
    if (!this.#following()) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#refresh(0).finally(() => this.follow());
    }, this.#o.pollMs ?? POLL_MS);
    this.#timer.unref();
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #following(): boolean {
    return (this.#s.following.get(this.#now() - FOLLOW_MS) as number) > 0;
  }

  /** Reads HQ's queue unless read within `freshMs`; answers whether HQ answered. Applies HQ's steps to rows kept here. */
  #refresh(freshMs: number): Promise<boolean> {
    const source = this.#o.source();
    if (!source) return Promise.resolve(false);
    if (this.#hq && this.#now() - this.#hq.at < freshMs) return Promise.resolve(true);
    // HQ just failed to answer: staff screens polling meanwhile answer offline at once, not after a timeout each.
    if (this.#failedAt !== null && this.#now() - this.#failedAt < freshMs) return Promise.resolve(false);
    this.#fetching ??= source
      .helpQueue()
      .then(
        (queue) => {
          // The kiosk closed (its database with it) while HQ was answering.
          if (this.#closed) return false;
          this.#hq = { queue, at: this.#now() };
          this.#failedAt = null;
          this.#apply(queue);
          return true;
        },
        (error: unknown) => {
          this.#failedAt = this.#now();
          this.#o.log.debug({ reason: (error as Error).message }, 'help queue: HQ not read; this pillar answers from its own requests');
          return false;
        },
      )
      .finally(() => {
        this.#fetching = null;
      });
    return this.#fetching;
  }

  #apply(queue: HelpQueue): void {
    const moved: { id: string; status: HelpStatus; by: string | null }[] = [];
    this.#db.transaction(() => {
      for (const request of queue.requests) {
        const local = this.#s.byId.get(request.id) as Row | undefined;
        if (!local || RANK[request.status] <= RANK[local.status]) continue;
        this.#s.move.run({ id: request.id, status: request.status, by: request.by, staff: null, at: request.changedAt });
        if (local.kiosk === null) moved.push({ id: request.id, status: request.status, by: request.by });
      }
    })();
    for (const update of moved) this.#o.onUpdated(update);
  }
}
