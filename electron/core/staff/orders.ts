import type { StaffOrdersOutput } from '../../../shared/api/staff';
import type { OrderStatusList } from '../../../shared/sync/upstream';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { startOfLocalDay } from '../orders/deliveryDates';

/** HQ is asked for statuses at most this often, however often staff look. */
export const STATUS_EVERY_MS = 30_000;
/** HQ answers at most this many ids per read. */
const IDS_PER_READ = 100;

export interface StatusSource {
  orderStatuses(ids: readonly string[]): Promise<OrderStatusList>;
}

export interface StaffOrdersOptions {
  timeZone: () => string;
  source: () => StatusSource | null;
  log: Logger;
  now?: () => number;
}

interface Row {
  id: string;
  code: string;
  placed_at: number;
  total_minor: number;
  currency: string;
  lines: string;
  holds: string;
  delivery_from: string | null;
  payment: 'till' | 'phone';
  delivery_state: 'pending' | 'delivered' | 'rejected';
  hq_status: string | null;
  assisted_by: string | null;
  note: string | null;
  last_error: string | null;
}

/**
 * Today's orders and holds placed at this pillar (the store's calendar day), for staff: what HQ has, what
 * is still on its way, and what HQ refused (with its reason). HQ's status (paid, ready for pick-up, …) is
 * read at most every 30 s and kept in `orders.hq_status`, so the list still shows the last one offline.
 */
export class StaffOrders {
  readonly #o: StaffOrdersOptions;
  readonly #now: () => number;
  readonly #s;
  #statusesAt: number | null = null;
  #lastRead = 0;

  constructor(db: Db, options: StaffOrdersOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#s = {
      today: db.prepare(
        `SELECT r.id, r.code, r.placed_at, r.total_minor, r.currency, r.lines, r.holds, r.delivery_from, r.payment, r.delivery_state,
                r.hq_status, r.assisted_by, r.note, o.last_error
           FROM orders r LEFT JOIN outbox o ON o.id = r.id
          WHERE r.placed_at >= ? ORDER BY r.placed_at DESC`,
      ),
      status: db.prepare('UPDATE orders SET hq_status = ? WHERE id = ?'),
    };
  }

  async list(): Promise<StaffOrdersOutput> {
    const since = startOfLocalDay(this.#now(), this.#o.timeZone());
    const delivered = (this.#s.today.all(since) as Row[]).filter((row) => row.delivery_state === 'delivered').map((row) => row.id);
    await this.#readStatuses(delivered);
    const rows = this.#s.today.all(since) as Row[];
    return {
      orders: rows.map((row) => ({
        id: row.id,
        code: row.code,
        placedAt: row.placed_at,
        totalMinor: row.total_minor,
        currency: row.currency,
        lines: (JSON.parse(row.lines) as unknown[]).length,
        holds: JSON.parse(row.holds) as StaffOrdersOutput['orders'][number]['holds'],
        delivers: row.delivery_from !== null,
        payment: row.payment,
        delivery: row.delivery_state,
        deliveryError: row.delivery_state === 'rejected' ? (row.last_error ?? 'refused by HQ') : null,
        status: statusOrNull(row.hq_status),
        assistedBy: row.assisted_by,
        note: row.note,
      })),
      statusesAt: this.#statusesAt,
    };
  }

  async #readStatuses(ids: string[]): Promise<void> {
    const source = this.#o.source();
    if (!source || ids.length === 0 || this.#now() - this.#lastRead < STATUS_EVERY_MS) return;
    this.#lastRead = this.#now();
    try {
      for (let i = 0; i < ids.length; i += IDS_PER_READ) {
        const answer = await source.orderStatuses(ids.slice(i, i + IDS_PER_READ));
        for (const order of answer.orders) this.#s.status.run(order.status, order.id);
      }
      this.#statusesAt = this.#now();
    } catch (error) {
      this.#o.log.debug({ reason: (error as Error).message }, 'staff orders: HQ statuses not read; the last ones known are shown');
    }
  }
}

const STATUSES = new Set(['received', 'paid', 'shipped', 'ready-for-pickup', 'collected', 'cancelled']);

function statusOrNull(value: string | null): StaffOrdersOutput['orders'][number]['status'] {
  return value !== null && STATUSES.has(value) ? (value as StaffOrdersOutput['orders'][number]['status']) : null;
}
