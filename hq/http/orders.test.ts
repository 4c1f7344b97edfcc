import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqError } from '../../shared/sync/protocol';
import { OrderReceipt, OrderStatusList, Receipt, type OrderSubmission } from '../../shared/sync/upstream';
import type { IssuedPayment, StoredOrder } from '../store/store';
import { type CatalogPick, SHOPPER, helpOf, orderCode, orderOf, pickSkus, ratingOf } from './orderFixtures';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

let t: TestHq;
let picks: CatalogPick[];
let nearby: string;
let warehouse: string;

beforeAll(async () => {
  t = await startTestHq();
  picks = await pickSkus(t.hq, HOME);
  const region = (await t.hq.store.region(HOME))!;
  nearby = region.nearby[0]!;
  warehouse = region.warehouse!;
});
afterAll(() => t.close());

type Sent = { status: number; headers: Headers; body: unknown };

/** A pillar's outbox delivering one row: the body, with Idempotency-Key = its id unless told otherwise. */
function post(path: string, body: unknown, options: { key?: string | null; token?: string | null } = {}): Promise<Sent> {
  const key = options.key === undefined ? (body as { id: string }).id : options.key;
  return t.json(path, {
    method: 'POST',
    token: options.token === undefined ? t.kioskToken : options.token,
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function refusal(response: Sent, status: number): HqError['error'] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const { error } = HqError.parse(response.body);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

async function ordersWithId(id: string): Promise<StoredOrder[]> {
  const { body } = await t.json(`/v1/orders?store=${HOME}&limit=500`, { token: t.adminToken });
  return (body as { orders: StoredOrder[] }).orders.filter((order) => order.id === id);
}

describe('POST /v1/orders: exactly once', () => {
  it('stores an order once; a replay gets the first answer again, marked Idempotent-Replayed', async () => {
    const order = orderOf(picks, { store: HOME, hold: nearby });
    const first = await post('/v1/orders', order);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const receipt = OrderReceipt.parse(first.body);
    expect(receipt).toMatchObject({ id: order.id, code: order.code, status: 'received' });
    expect(receipt.payUrl).toBeUndefined();

    for (let attempt = 0; attempt < 3; attempt++) {
      const replay = await post('/v1/orders', order);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
    }
    expect(await ordersWithId(order.id)).toHaveLength(1);
  });

  it('a replay serialised with its keys in another order is the same request', async () => {
    const order = orderOf(picks, { store: HOME });
    expect((await post('/v1/orders', order)).status).toBe(201);
    const reordered = Object.fromEntries(Object.entries(order).reverse());
    const replay = await post('/v1/orders', reordered);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('the same key with another body is 422 IDEMPOTENCY_MISMATCH, and the first order stands', async () => {
    const order = orderOf(picks, { store: HOME });
    const first = await post('/v1/orders', order);
    expect(first.status).toBe(201);
    const changed = { ...order, lines: order.lines.map((line) => ({ ...line, quantity: line.quantity + 1 })) };
    changed.quote = { ...order.quote, itemsMinor: order.quote.itemsMinor * 2, totalMinor: order.quote.totalMinor * 2 };
    expect(refusal(await post('/v1/orders', changed), 422).code).toBe('IDEMPOTENCY_MISMATCH');
    // The same id sent as a rating is another request under that key too.
    expect(refusal(await post('/v1/ratings', { ...ratingOf(HOME), id: order.id }), 422).code).toBe('IDEMPOTENCY_MISMATCH');

    const [stored] = await ordersWithId(order.id);
    expect(stored?.lines.map((line) => line.quantity)).toEqual(order.lines.map((line) => line.quantity));
  });

  it('the same key sent several times at once makes one order: the others replay it or hear IN_FLIGHT', async () => {
    const order = orderOf(picks, { store: HOME, payment: 'phone' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('/v1/orders', order)));
    const applied = answers.filter((answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') === null);
    expect(applied).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 201) expect(answer.body).toEqual(applied[0]!.body);
      else expect(refusal(answer, 409).code).toBe('IN_FLIGHT');
    }
    expect(await ordersWithId(order.id)).toHaveLength(1);
  });

  it('Idempotency-Key is required and must be the body id', async () => {
    const order = orderOf(picks, { store: HOME });
    expect(refusal(await post('/v1/orders', order, { key: null }), 400).issues?.map((issue) => issue.path)).toContain('idempotency-key');
    expect(refusal(await post('/v1/orders', order, { key: 'till-7-receipt-1' }), 400).issues?.map((issue) => issue.path)).toContain('idempotency-key');
    const other = refusal(await post('/v1/orders', order, { key: crypto.randomUUID() }), 400);
    expect(other.issues).toEqual([{ path: 'idempotency-key', message: `must be "${order.id}", the body's id` }]);
    expect(await ordersWithId(order.id)).toHaveLength(0);
  });
});

describe('POST /v1/orders: who may send what', () => {
  it('no token is 401; a pillar sending another store\'s order is 403', async () => {
    const order = orderOf(picks, { store: HOME });
    expect(refusal(await post('/v1/orders', order, { token: null }), 401).code).toBe('UNAUTHORIZED');
    const elsewhere = orderOf(picks, { store: FAR_STORE });
    expect(refusal(await post('/v1/orders', elsewhere), 403).code).toBe('FORBIDDEN');
    expect(refusal(await post('/v1/ratings', ratingOf(FAR_STORE)), 403).code).toBe('FORBIDDEN');
    expect(refusal(await post('/v1/help-requests', helpOf(FAR_STORE)), 403).code).toBe('FORBIDDEN');
  });

  it('malformed orders are 400 with every bad field named', async () => {
    const order = orderOf(picks, { store: HOME });
    const cases: [unknown, string][] = [
      [{ ...order, contact: { ...order.contact, phone: '0701234567' } }, 'contact.phone'],
      [{ ...order, contact: { name: SHOPPER.name } }, 'contact.phone'],
      [{ ...order, address: undefined }, 'address'],
      [{ ...order, lines: [{ ...order.lines[0], quantity: 0 }] }, 'lines.0.quantity'],
      [{ ...order, lines: [{ ...order.lines[0], fulfilment: { kind: 'drone' } }] }, 'lines.0.fulfilment.kind'],
      [{ ...order, code: 'ILLU-0000' }, 'code'],
      [{ ...order, lines: [] }, 'lines'],
      [{ ...order, quote: { ...order.quote, currency: 'kr' } }, 'quote.currency'],
    ];
    for (const [body, field] of cases) {
      const error = refusal(await post('/v1/orders', body), 400);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.map((issue) => issue.path), field).toContain(field);
    }
    refusal(await post('/v1/orders', `{"id": "${order.id}", "contact": {"name": "${SHOPPER.name}"`), 400);
    expect(await ordersWithId(order.id)).toHaveLength(0);
  });

  it('orders HQ cannot take are 422 naming the field, nothing is stored, and the key stays free', async () => {
    const order = orderOf(picks, { store: HOME, hold: nearby });
    const [first, second] = order.lines as [OrderSubmission['lines'][number], OrderSubmission['lines'][number]];
    const cases: [OrderSubmission, string, RegExp][] = [
      [{ ...order, lines: [{ ...first, sku: 'NO-SUCH-SKU' }, second] }, 'lines.0.sku', /no SKU "NO-SUCH-SKU"/],
      [{ ...order, lines: [first, { ...second, styleCode: first.styleCode }] }, 'lines.1.styleCode', /belongs to style/],
      [{ ...order, lines: [first, { ...second, fulfilment: { kind: 'hold', store: warehouse } }] }, 'lines.1.fulfilment.store', /warehouse/],
      [{ ...order, lines: [first, { ...second, fulfilment: { kind: 'hold', store: 'no-such-store' } }] }, 'lines.1.fulfilment.store', /no store/],
      [{ ...order, quote: { ...order.quote, itemsMinor: order.quote.itemsMinor - 100, totalMinor: order.quote.totalMinor - 100 } }, 'quote.itemsMinor', /add up/],
      [{ ...order, quote: { ...order.quote, totalMinor: order.quote.totalMinor + 1 } }, 'quote.totalMinor', /add up/],
      [{ ...order, address: { ...order.address!, country: 'NO' } }, 'address.country', /must be SE/],
    ];
    for (const [body, field, reason] of cases) {
      const error = refusal(await post('/v1/orders', body), 422);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues, field).toContainEqual({ path: field, message: expect.stringMatching(reason) });
    }
    expect(await ordersWithId(order.id)).toHaveLength(0);
    // Refusals are not remembered: the corrected order goes through under the same id.
    expect((await post('/v1/orders', order)).status).toBe(201);
  });

  it('an order code another order of the store holds is 409 CODE_TAKEN; re-minted, it goes through; other stores may use it', async () => {
    const first = orderOf(picks, { store: HOME });
    expect((await post('/v1/orders', first)).status).toBe(201);
    const clash = { ...orderOf(picks, { store: HOME }), code: first.code };
    const error = refusal(await post('/v1/orders', clash), 409);
    expect(error.code).toBe('CODE_TAKEN');
    expect(error.issues?.[0]?.path).toBe('code');

    const reminted = { ...clash, code: orderCode() };
    expect((await post('/v1/orders', reminted)).status).toBe(201);

    const farToken = await t.hq.issueKioskToken(FAR_STORE);
    const far = { ...orderOf(picks, { store: FAR_STORE }), code: first.code };
    expect((await post('/v1/orders', far, { token: farToken })).status).toBe(201);
  });
});

describe('pay on your phone', () => {
  it("the receipt carries a link to HQ's payment page, which names the order and its total and takes no money", async () => {
    const order = orderOf(picks, { store: HOME, payment: 'phone', shippingMinor: 4_900 });
    const { status, body } = await post('/v1/orders', order);
    expect(status).toBe(201);
    const { payUrl } = OrderReceipt.parse(body);
    expect(payUrl).toMatch(new RegExp(`^${t.url}/pay/[A-Za-z0-9_-]{43}$`));

    const page = await fetch(payUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(order.code);
    const total = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(order.quote.totalMinor / 100);
    expect(html).toContain(total);
    expect(html).toMatch(/ingen riktig betalning/);
    expect(html).not.toContain(SHOPPER.name);

    const unknown = await fetch(`${t.url}/pay/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/Payment link not found/);
    expect((await fetch(`${t.url}/pay/not-a-token`)).status).toBe(404);

    const token = payUrl!.split('/').at(-1)!;
    expect(t.logs.join('')).not.toContain(token);
  });

  it('a key whose first request is still waiting for its payment link is 409 IN_FLIGHT, then answered', async () => {
    let issued: () => void = () => undefined;
    let asked: () => void = () => undefined;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    const slow = await startTestHq({
      payments: {
        issue: () => {
          asked();
          return new Promise<IssuedPayment>((resolve) => (issued = () => resolve({ url: 'https://psp.example/pay/abc123', token: null })));
        },
      },
    });
    try {
      const order = orderOf(await pickSkus(slow.hq, HOME), { store: HOME, payment: 'phone' });
      const send = () => slow.json('/v1/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': order.id }, body: JSON.stringify(order) });
      const first = send();
      await wasAsked;
      const second = await send();
      expect(second.status).toBe(409);
      expect(HqError.parse(second.body).error.code).toBe('IN_FLIGHT');
      expect(second.headers.get('retry-after')).toBe('5');

      issued();
      const answer = await first;
      expect(answer.status).toBe(201);
      expect(OrderReceipt.parse(answer.body).payUrl).toBe('https://psp.example/pay/abc123');
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.body).toEqual(answer.body);
    } finally {
      await slow.close();
    }
  });
});

describe('orders for staff and tills', () => {
  let order: OrderSubmission;
  beforeAll(async () => {
    order = orderOf(picks, { store: HOME, hold: nearby });
    expect((await post('/v1/orders', order)).status).toBe(201);
  });

  it("a pillar reads its store's order without personal data; the admin token reads it all", async () => {
    const forPillar = await t.json(`/v1/orders/${order.code}?store=${HOME}`);
    expect(forPillar.status).toBe(200);
    expect(forPillar.body).toMatchObject({ id: order.id, code: order.code, store: HOME, status: 'received', lines: order.lines, quote: order.quote });
    expect(forPillar.body).not.toHaveProperty('personal');
    expect(JSON.stringify(forPillar.body)).not.toContain(SHOPPER.name);

    const forAdmin = await t.json(`/v1/orders/${order.code}?store=${HOME}`, { token: t.adminToken });
    expect((forAdmin.body as StoredOrder).personal).toEqual({ contact: order.contact, address: order.address, delivery: order.delivery, marketingConsent: false });

    expect(refusal(await t.json(`/v1/orders/${order.code}?store=${FAR_STORE}`), 403).code).toBe('FORBIDDEN');
    expect(refusal(await t.json(`/v1/orders/${orderCode()}?store=${HOME}`), 404).code).toBe('NOT_FOUND');
  });

  it('status moves forward only, and a pillar reads where its orders are', async () => {
    const setStatus = (status: string, token = t.adminToken) =>
      t.json(`/v1/orders/${order.id}/status`, { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) });
    expect(refusal(await setStatus('paid', t.kioskToken), 403).code).toBe('FORBIDDEN');
    expect(refusal(await setStatus('collected'), 409).message).toBe('An order that is received cannot become collected');
    expect(refusal(await setStatus('received'), 400).issues?.[0]?.path).toBe('status');

    const paid = await setStatus('paid');
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ id: order.id, status: 'paid' });
    expect((await setStatus('paid')).status).toBe(200);
    expect(refusal(await setStatus('collected'), 409).message).toMatch(/ready for pickup/);
    expect((await setStatus('ready-for-pickup')).status).toBe(200);
    expect((await setStatus('collected')).status).toBe(200);
    const back = refusal(await setStatus('paid'), 409);
    expect(back.code).toBe('CONFLICT');
    expect(back.message).toBe('An order that is collected cannot become paid');
    expect(refusal(await setStatus('cancelled'), 409).code).toBe('CONFLICT');

    const unknown = await t.json(`/v1/orders/${crypto.randomUUID()}/status`, { method: 'POST', token: t.adminToken, headers: { 'Content-Type': 'application/json' }, body: '{"status":"paid"}' });
    expect(refusal(unknown, 404).code).toBe('NOT_FOUND');

    const elsewhere = crypto.randomUUID();
    const statuses = await t.json(`/v1/stores/${HOME}/orders/status?ids=${order.id},${elsewhere}`);
    expect(statuses.status).toBe(200);
    expect(OrderStatusList.parse(statuses.body).orders).toEqual([{ id: order.id, code: order.code, status: 'collected', statusChangedAt: expect.any(Number) }]);
    expect(refusal(await t.json(`/v1/stores/${FAR_STORE}/orders/status?ids=${order.id}`), 403).code).toBe('FORBIDDEN');
    expect(refusal(await t.json(`/v1/stores/${HOME}/orders/status?ids=nope`), 400).issues?.[0]?.path).toMatch(/^ids/);
  });

  it('a shipped order must have something to deliver, a ready one something held', async () => {
    const inStore = orderOf(picks.slice(1), { store: HOME });
    inStore.lines = inStore.lines.map((line) => ({ ...line, fulfilment: { kind: 'in-store' } }));
    inStore.address = undefined;
    inStore.delivery = undefined;
    inStore.quote = { ...inStore.quote, delivery: undefined };
    expect((await post('/v1/orders', inStore)).status).toBe(201);
    const setStatus = (status: string) => t.json(`/v1/orders/${inStore.id}/status`, { method: 'POST', token: t.adminToken, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status }) });
    expect((await setStatus('paid')).status).toBe(200);
    expect(refusal(await setStatus('shipped'), 409).message).toMatch(/home delivery/);
    expect(refusal(await setStatus('ready-for-pickup'), 409).message).toMatch(/held/);
    expect((await setStatus('collected')).status).toBe(200);
  });

  it('the admin lists orders newest first, page by page, without personal data; a pillar may not list', async () => {
    const seen: StoredOrder[] = [];
    let next: number | null = null;
    do {
      const query: string = `/v1/orders?store=${HOME}&limit=2${next === null ? '' : `&before=${next}`}`;
      const { status, body } = await t.json(query, { token: t.adminToken });
      expect(status).toBe(200);
      const page = body as { orders: StoredOrder[]; next: number | null };
      expect(page.orders.length).toBeLessThanOrEqual(2);
      seen.push(...page.orders);
      next = page.next;
    } while (next !== null);
    expect(seen.length).toBeGreaterThan(4);
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
    expect(seen.every((o) => o.store === HOME && o.personal === undefined)).toBe(true);
    const received = seen.map((o) => o.receivedAt);
    expect(received).toEqual([...received].sort((a, b) => b - a));

    const later = await t.json(`/v1/orders?since=${Date.now() + 60_000}`, { token: t.adminToken });
    expect(later.body).toEqual({ orders: [], next: null });
    expect(refusal(await t.json('/v1/orders'), 403).code).toBe('FORBIDDEN');
  });
});

describe('ratings and help requests', () => {
  it('each is stored once, replays answered alike, and listed for the admin', async () => {
    const rating = ratingOf(HOME, crypto.randomUUID());
    const first = await post('/v1/ratings', rating);
    expect(first.status).toBe(201);
    expect(Receipt.parse(first.body).id).toBe(rating.id);
    const replay = await post('/v1/ratings', rating);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(refusal(await post('/v1/ratings', { ...rating, stars: 1 }), 422).code).toBe('IDEMPOTENCY_MISMATCH');
    expect(refusal(await post('/v1/ratings', { ...rating, id: crypto.randomUUID(), stars: 6 }), 400).issues?.[0]?.path).toBe('stars');

    const help = helpOf(HOME);
    expect((await post('/v1/help-requests', help)).status).toBe(201);
    expect((await post('/v1/help-requests', help)).headers.get('idempotent-replayed')).toBe('true');

    const ratings = await t.json(`/v1/ratings?store=${HOME}`, { token: t.adminToken });
    expect((ratings.body as { ratings: { id: string; stars: number; kioskId: string }[] }).ratings.filter((r) => r.id === rating.id)).toEqual([
      expect.objectContaining({ id: rating.id, stars: 5, comment: rating.comment, kioskId: expect.stringMatching(/^kiosk-/) }),
    ]);
    const helps = await t.json(`/v1/help-requests?store=${HOME}`, { token: t.adminToken });
    expect((helps.body as { helpRequests: { id: string }[] }).helpRequests.filter((h) => h.id === help.id)).toHaveLength(1);
    expect(refusal(await t.json('/v1/ratings'), 403).code).toBe('FORBIDDEN');
  });
});

describe('idempotency keys are kept 30 days', () => {
  it('compaction forgets older keys, and a replay after that still makes no second order', async () => {
    let clock = Date.UTC(2030, 0, 15, 10);
    const hq = await startTestHq({ now: () => clock });
    try {
      const order = orderOf(await pickSkus(hq.hq, HOME), { store: HOME });
      const send = () => hq.json('/v1/orders', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': order.id }, body: JSON.stringify(order) });
      const compact = async () => (await hq.json('/v1/compact', { method: 'POST', token: hq.adminToken, headers: { 'Content-Type': 'application/json' }, body: '{"keep":1000000}' })).body;
      const first = await send();
      expect(OrderReceipt.parse(first.body).receivedAt).toBe(clock);

      clock += 29 * 24 * 3_600_000;
      expect(await compact()).toMatchObject({ forgottenKeys: 0 });
      clock += 2 * 24 * 3_600_000;
      expect(await compact()).toMatchObject({ forgottenKeys: 1 });

      const late = await send();
      expect(late.status).toBe(201);
      expect(late.headers.get('idempotent-replayed')).toBe('true');
      expect(late.body).toEqual(first.body);
      const { body } = await hq.json('/v1/orders', { token: hq.adminToken });
      expect((body as { orders: StoredOrder[] }).orders.map((o) => o.id)).toEqual([order.id]);
    } finally {
      await hq.close();
    }
  });
});

describe("HQ's logs", () => {
  it('never hold the personal data of an order, whatever happened to it', async () => {
    // Everything above ran against this HQ at debug level: accepted, replayed, refused (400, 422, 409), listed, paid.
    const all = t.logs.join('');
    expect(all).toMatch(/order received/);
    for (const value of [SHOPPER.name, SHOPPER.email, SHOPPER.phone, SHOPPER.line1, SHOPPER.safePlace, 'Lindqvist', 'Sveavägen']) {
      expect(all, value).not.toContain(value);
    }
  });
});
