import type { Database, Statement } from 'better-sqlite3';
import type { OrderReceipt, OrderStatus, OrderSubmission } from '../../shared/sync/upstream';
import { OrderChecks } from './orderChecks';
import { statusRefusal } from './orderStatus';
import { type Answer, type ClaimedRequest, type IssuedPayment, type ListQuery, OrderCodeTaken, type OrderPersonalData, type OrderStatusRow, type Page, type PaymentView, StatusRefused, type StoredOrder } from './store';
import type { Recorded } from './upstreamKeys';

/** An order's answer: created, once; a replay gets the same. */
const CREATED = 201;

interface OrderRow {
  seq: number;
  id: string;
  storeCode: string;
  code: string;
  kioskId: string | null;
  requestSha256: string;
  placedAt: number;
  receivedAt: number;
  status: OrderStatus;
  statusChangedAt: number;
  payment: OrderSubmission['payment'];
  payUrl: string | null;
  data: string;
  personal: string;
}

/** The order without its personal data, as `orders.data` keeps it. */
type OrderData = Omit<OrderSubmission, keyof OrderPersonalData>;

const COLUMNS = `seq, id, store_code AS storeCode, code, kiosk_id AS kioskId, request_sha256 AS requestSha256, placed_at AS placedAt,
  received_at AS receivedAt, status, status_changed_at AS statusChangedAt, payment, pay_url AS payUrl, data, personal`;

/**
 * The orders table: the checks and the insert of a received order (inside the caller's transaction,
 * with its key's answer), its status, and the reads staff, tills and the payment page need.
 */
export class Orders {
  readonly #checks: OrderChecks;
  readonly #s: Record<'insert' | 'byId' | 'byCode' | 'codeOwner' | 'setStatus' | 'page' | 'pageOfStore' | 'statuses' | 'byPayToken', Statement>;

  constructor(db: Database) {
    this.#checks = new OrderChecks(db);
    this.#s = {
      insert: db.prepare(
        `INSERT INTO orders (id, store_code, code, kiosk_id, request_sha256, placed_at, received_at, status, status_changed_at, payment, pay_url, pay_token, total_minor, currency, data, personal)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      byId: db.prepare(`SELECT ${COLUMNS} FROM orders WHERE id = ?`),
      byCode: db.prepare(`SELECT ${COLUMNS} FROM orders WHERE store_code = ? AND code = ?`),
      codeOwner: db.prepare('SELECT id FROM orders WHERE store_code = ? AND code = ?').pluck(),
      setStatus: db.prepare('UPDATE orders SET status = ?, status_changed_at = ? WHERE id = ?'),
      page: db.prepare(`SELECT ${COLUMNS} FROM orders WHERE seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
      pageOfStore: db.prepare(`SELECT ${COLUMNS} FROM orders WHERE store_code = ? AND seq < ? AND received_at >= ? ORDER BY seq DESC LIMIT ?`),
      statuses: db.prepare(
        `SELECT id, code, status, status_changed_at AS statusChangedAt FROM orders
         WHERE store_code = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      ),
      byPayToken: db.prepare(
        `SELECT o.code, o.total_minor AS totalMinor, o.currency, json_extract(o.data, '$.language') AS language, o.status,
                coalesce(json_extract(l.data, '$.name'), o.store_code) AS storeName
         FROM orders o LEFT JOIN locations l ON l.code = o.store_code WHERE o.pay_token = ?`,
      ),
    };
  }

  /** Checks and stores a claimed order; returns its receipt. Throws `SubmissionRefused` or `OrderCodeTaken`. */
  insert(order: OrderSubmission, request: ClaimedRequest, payment: IssuedPayment | null): Answer<OrderReceipt> {
    this.#checks.check(order).refuseIfAny('The order was refused');
    const owner = this.#s.codeOwner.get(order.store, order.code) as string | undefined;
    if (owner !== undefined && owner !== order.id) throw new OrderCodeTaken(order.code);

    const { contact, address, delivery, marketingConsent, ...data } = order;
    const personal: OrderPersonalData = { contact, address, delivery, marketingConsent };
    const payUrl = order.payment === 'phone' ? (payment?.url ?? null) : null;
    this.#s.insert.run(
      order.id,
      order.store,
      order.code,
      request.kioskId,
      request.requestSha256,
      order.placedAt,
      request.now,
      request.now,
      order.payment,
      payUrl,
      payUrl === null ? null : (payment?.token ?? null),
      order.quote.totalMinor,
      order.quote.currency,
      JSON.stringify(data satisfies OrderData),
      JSON.stringify(personal),
    );
    return { status: CREATED, body: receiptOf({ id: order.id, code: order.code, status: 'received', receivedAt: request.now, payUrl }) };
  }

  /** The receipt an order's row still gives, for a replay that outlived its key. */
  recorded(id: string): Recorded | null {
    const row = this.#s.byId.get(id) as OrderRow | undefined;
    if (!row) return null;
    const body = receiptOf({ id: row.id, code: row.code, status: 'received', receivedAt: row.receivedAt, payUrl: row.payUrl });
    return { kind: 'order', storeCode: row.storeCode, requestSha256: row.requestSha256, answer: { status: CREATED, body } };
  }

  get(storeCode: string, code: string, personal: boolean): StoredOrder | null {
    const row = this.#s.byCode.get(storeCode, code) as OrderRow | undefined;
    return row ? storedOrder(row, personal) : null;
  }

  setStatus(id: string, status: OrderStatus, now: number): StoredOrder | null {
    const row = this.#s.byId.get(id) as OrderRow | undefined;
    if (!row) return null;
    if (row.status === status) return storedOrder(row, false);
    const refusal = statusRefusal(row.status, status, (JSON.parse(row.data) as OrderData).lines);
    if (refusal) throw new StatusRefused(refusal);
    this.#s.setStatus.run(status, now, id);
    return storedOrder({ ...row, status, statusChangedAt: now }, false);
  }

  list(query: ListQuery, personal: boolean): Page<StoredOrder> {
    const before = query.before ?? Number.MAX_SAFE_INTEGER;
    const since = query.since ?? 0;
    // One more than asked: whether there is a next page, without a count.
    const rows = (query.store === undefined ? this.#s.page.all(before, since, query.limit + 1) : this.#s.pageOfStore.all(query.store, before, since, query.limit + 1)) as OrderRow[];
    const page = rows.slice(0, query.limit);
    return { items: page.map((row) => storedOrder(row, personal)), next: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null };
  }

  statuses(storeCode: string, ids: readonly string[]): OrderStatusRow[] {
    return this.#s.statuses.all(storeCode, JSON.stringify(ids)) as OrderStatusRow[];
  }

  forPayment(token: string): PaymentView | null {
    return (this.#s.byPayToken.get(token) as PaymentView | undefined) ?? null;
  }
}

function receiptOf(receipt: { id: string; code: string; status: OrderStatus; receivedAt: number; payUrl: string | null }): OrderReceipt {
  const { payUrl, ...rest } = receipt;
  return payUrl === null ? rest : { ...rest, payUrl };
}

function storedOrder(row: OrderRow, personal: boolean): StoredOrder {
  const data = JSON.parse(row.data) as OrderData;
  return {
    id: row.id,
    code: row.code,
    store: row.storeCode,
    kioskId: row.kioskId,
    placedAt: row.placedAt,
    receivedAt: row.receivedAt,
    status: row.status,
    statusChangedAt: row.statusChangedAt,
    payment: row.payment,
    payUrl: row.payUrl,
    language: data.language,
    lines: data.lines,
    quote: data.quote,
    assistedBy: data.assistedBy ?? null,
    note: data.note ?? null,
    ...(personal ? { personal: JSON.parse(row.personal) as OrderPersonalData } : {}),
  };
}
