/**
 * The outbox deliverer against a small stand-in for HQ on loopback (real HTTP), scripted per request:
 * 500s, connection resets, hangs, refusals, garbled answers. The real HQ is exercised in
 * integration/orders.test.ts and the fault harness.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import { HelpRequests } from '../help/helpRequests';
import { findVariant, demoCacheTemplate, ordersFixture, type OrdersFixture } from '../orders/testing';
import { capturingLogger } from '../testing/fixtures';
import { UpstreamClient } from './client';
import { OutboxDeliverer } from './outbox';

interface Seen {
  key: string;
  path: string;
  body: string;
  authorization: string | undefined;
}
type Reply = { status: number; body: unknown } | 'reset' | 'hang';

interface StandIn {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** HQ's stand-in: `answer` decides each reply from the request and how many came before it with the same key. */
function standIn(answer: (request: Seen, nthForKey: number) => Reply): Promise<StandIn> {
  const seen: Seen[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { key: String(req.headers['idempotency-key']), path: req.url ?? '', body: Buffer.concat(chunks).toString(), authorization: req.headers.authorization };
      const nth = seen.filter((s) => s.key === request.key).length;
      seen.push(request);
      const reply = answer(request, nth);
      if (reply === 'reset') return req.socket.destroy();
      if (reply === 'hang') return void hanging.push(res);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        close: () =>
          new Promise((done) => {
            for (const res of hanging) res.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** HQ's answer for a row: an order receipt (with the code HQ was sent) or a plain receipt. */
function receipt(request: Seen, extra: Record<string, unknown> = {}): { status: number; body: unknown } {
  const body = JSON.parse(request.body) as { id: string; code?: string };
  const answer = request.path === '/v1/orders' ? { id: body.id, code: body.code, status: 'received', receivedAt: 1, ...extra } : { id: body.id, receivedAt: 1 };
  return { status: 201, body: answer };
}

const hqError = (status: number, code: string, message: string): { status: number; body: unknown } => ({ status, body: { error: { code, message } } });

async function until<T>(probe: () => T, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SHOPPER = {
  contact: { name: 'Maja Karlsson', phone: '0701234567', email: 'maja.karlsson@example.se' },
  address: { line1: 'Götgatan 40', postalCode: '11826', city: 'Stockholm' },
  delivery: { day: null, sms: false, safePlace: 'Under the stairs' },
  marketingConsent: false,
};

let template: { file: string; cleanup: () => void };
let f: OrdersFixture;
let deliverer: OutboxDeliverer | null = null;
let hq: StandIn | null = null;
const events: { name: string; id?: string }[] = [];

beforeAll(() => {
  template = demoCacheTemplate();
}, 60_000);
afterAll(() => template.cleanup());
beforeEach(() => {
  events.length = 0;
  f = ordersFixture(template.file, { onQueued: () => deliverer?.wake() });
});
afterEach(async () => {
  await deliverer?.close();
  deliverer = null;
  await hq?.close();
  hq = null;
  f.close();
});

function startDeliverer(url: string, options: { timeoutMs?: number } = {}): OutboxDeliverer {
  const log = capturingLogger();
  const started = new OutboxDeliverer({
    store: f.outbox,
    client: new UpstreamClient({ url, token: 'pillar-token-0123456789', timeoutMs: options.timeoutMs ?? 5_000 }),
    hooks: f.orders.deliveryHooks(),
    log: log.log,
    timing: { baseMs: 5, maxMs: 40 },
    onChanged: () => events.push({ name: 'outbox.changed' }),
    onOrderUpdated: (id) => events.push({ name: 'orders.updated', id }),
  });
  started.start();
  deliverer = started;
  logs = log;
  return started;
}
let logs: ReturnType<typeof capturingLogger> | null = null;

function placeOrder(payment: 'till' | 'phone' = 'till'): { id: string; code: string } {
  const variant = findVariant(f.catalog, (v) => v.here === 0 && v.online > 0);
  const lines = [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'delivery' as const } }];
  const seen = f.orders.quote({ lines, lang: 'en' }).totalMinor;
  const placed = f.orders.place({ lines, lang: 'en', details: SHOPPER, payment, seenTotalMinor: seen });
  if (placed.state !== 'confirmed') throw new Error(`not placed: ${placed.state}`);
  return { id: placed.order.id, code: placed.order.code };
}

const row = (id: string): { state: string; payload: string | null; attempts: number; last_error: string | null } =>
  f.local.prepare('SELECT state, payload, attempts, last_error FROM outbox WHERE id = ?').get(id) as { state: string; payload: string | null; attempts: number; last_error: string | null };
const personalOf = (id: string): string | null => (f.local.prepare('SELECT personal FROM orders WHERE id = ?').pluck().get(id) as string | null);

describe('the outbox deliverer', () => {
  it('delivers oldest first under each row’s own key, the same body on every try through 500s and resets, then drops personal data', async () => {
    const failures: Reply[] = [hqError(500, 'INTERNAL', 'boom'), 'reset', hqError(503, 'UNAVAILABLE', 'later')];
    hq = await standIn((request, nth) => (nth < failures.length ? failures[nth]! : receipt(request)));
    const help = new HelpRequests(f.local, { outbox: f.outbox, storeCode: () => DEMO_HOME_STORE, onQueued: () => deliverer?.wake() });
    const call = help.request('product', 'NV-10042', f.clock.now - 2);
    const order = placeOrder();
    const rating = f.orders.rate({ stars: 4, lang: 'en', orderId: order.id });
    expect(personalOf(order.id)).toContain('Maja Karlsson');

    startDeliverer(hq.url);
    await until(() => f.outbox.pendingCount() === 0, 'every row delivered');

    // Oldest due first: each row's first try in the order they were written (a row waiting out its
    // backoff lets the next one go meanwhile).
    const keys = hq.seen.map((s) => s.key);
    expect(keys.indexOf(call.id)).toBe(0);
    expect(keys.indexOf(order.id)).toBeLessThan(keys.indexOf(rating.id));
    for (const id of [call.id, order.id, rating.id]) {
      const tries = hq.seen.filter((s) => s.key === id);
      expect(tries).toHaveLength(4);
      expect(new Set(tries.map((t) => t.body)).size).toBe(1);
      expect(JSON.parse(tries[0]!.body)).toMatchObject({ id });
      expect(tries[0]!.authorization).toBe('Bearer pillar-token-0123456789');
    }
    expect(hq.seen.find((s) => s.key === call.id)?.path).toBe('/v1/help-requests');
    expect(hq.seen.find((s) => s.key === rating.id)?.path).toBe('/v1/ratings');

    expect(personalOf(order.id)).toBeNull();
    for (const id of [call.id, order.id, rating.id]) expect(row(id)).toMatchObject({ state: 'delivered', payload: null, attempts: 4, last_error: null });
    expect(f.orders.get(order.id, 'en')).toMatchObject({ delivered: true, code: order.code });
    expect(events.filter((e) => e.name === 'orders.updated')).toEqual([{ name: 'orders.updated', id: order.id }]);
    expect(f.outbox.status(0)).toMatchObject({ pending: 0, oldestPendingAt: null, lastError: null, rejected: [], deliveredToday: 3 });
    // Nothing personal in any line the deliverer logged while it retried.
    expect(logs!.text()).not.toMatch(/Maja|Karlsson|example\.se|Götgatan|Under the stairs|46701234567/);
    expect(logs!.lines().filter((l) => l['level'] === 40).length).toBeGreaterThanOrEqual(9);
  });

  it('a row HQ refuses (4xx) is kept for staff, shown in the status without personal data, and never sent again', async () => {
    hq = await standIn((request) =>
      request.path === '/v1/orders' ? hqError(422, 'INVALID_INPUT', `cannot deliver to Maja Karlsson at Götgatan 40 (maja.karlsson@example.se)`) : receipt(request),
    );
    const order = placeOrder();
    startDeliverer(hq.url);
    await until(() => row(order.id).state === 'rejected', 'the refusal');
    const rating = f.orders.rate({ stars: 2, lang: 'sv' });
    await until(() => row(rating.id).state === 'delivered', 'the next row');

    expect(hq.seen.filter((s) => s.key === order.id)).toHaveLength(1);
    const status = f.outbox.status(0);
    expect(status.pending).toBe(0);
    expect(status.rejected).toEqual([{ id: order.id, kind: 'order', code: order.code, reason: expect.stringMatching(/^HQ answered 422 INVALID_INPUT: cannot deliver to/), at: expect.any(Number) }]);
    expect(JSON.stringify(status)).not.toMatch(/Maja|Karlsson|Götgatan|example\.se/);
    expect(logs!.text()).not.toMatch(/Maja|Karlsson|Götgatan|example\.se/);
    expect(f.local.prepare('SELECT delivery_state FROM orders WHERE id = ?').pluck().get(order.id)).toBe('rejected');
    // Not acknowledged, so the details stay for staff to sort it out with HQ.
    expect(personalOf(order.id)).toContain('Maja');
    expect(events).toContainEqual({ name: 'orders.updated', id: order.id });
  });

  it('CODE_TAKEN mints a new code under the same key; IN_FLIGHT, 401 and 404 are waited out, never refusals', async () => {
    const script: Reply[] = [hqError(409, 'CODE_TAKEN', 'another order has this code'), hqError(409, 'IN_FLIGHT', 'still running'), hqError(401, 'UNAUTHORIZED', 'no'), hqError(404, 'NOT_FOUND', 'no route')];
    hq = await standIn((request, nth) => script[nth] ?? receipt(request));
    const order = placeOrder();
    startDeliverer(hq.url);
    await until(() => row(order.id).state === 'delivered', 'delivery');

    const codes = hq.seen.map((s) => (JSON.parse(s.body) as { code: string }).code);
    expect(hq.seen.every((s) => s.key === order.id)).toBe(true);
    expect(codes[0]).toBe(order.code);
    expect(codes[1]).not.toBe(order.code);
    expect(new Set(codes.slice(1)).size).toBe(1);
    // The shopper's code on the confirmation follows: HQ and the pillar agree on it.
    expect(f.orders.get(order.id, 'en').code).toBe(codes[1]);
    // Only the code changed in the body.
    const [first, last] = [JSON.parse(hq.seen[0]!.body) as Record<string, unknown>, JSON.parse(hq.seen.at(-1)!.body) as Record<string, unknown>];
    expect({ ...last, code: first['code'] }).toEqual(first);
  });

  it('pay on your phone: the link in HQ’s receipt reaches the confirmation', async () => {
    hq = await standIn((request) => receipt(request, { payUrl: 'https://pay.example/p/abc123' }));
    const order = placeOrder('phone');
    expect(f.orders.get(order.id, 'en').payment).toEqual({ kind: 'phone', code: order.code, url: null });
    startDeliverer(hq.url);
    await until(() => events.some((e) => e.name === 'orders.updated'), 'orders.updated');
    expect(f.orders.get(order.id, 'en').payment).toEqual({ kind: 'phone', code: order.code, url: 'https://pay.example/p/abc123' });
  });

  it('an answer garbled after HQ applied the row is asked again: the replay’s receipt is what is kept', async () => {
    hq = await standIn((request, nth) => (nth === 0 ? { status: 201, body: '{"id": "trunc' } : nth === 1 ? { status: 200, body: { ok: true } } : receipt(request, { status: 'paid' })));
    const order = placeOrder();
    startDeliverer(hq.url);
    await until(() => row(order.id).state === 'delivered', 'delivery');
    expect(hq.seen).toHaveLength(3);
    expect(f.local.prepare('SELECT hq_status FROM orders WHERE id = ?').pluck().get(order.id)).toBe('paid');
  });

  it('close() with a post hanging: stops at once, the row stays pending, and the next start sends the same body under the same key', async () => {
    hq = await standIn(() => 'hang');
    const order = placeOrder();
    const first = startDeliverer(hq.url, { timeoutMs: 60_000 });
    await until(() => hq!.seen.length === 1, 'the post');
    await first.close();
    deliverer = null;
    expect(row(order.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(personalOf(order.id)).not.toBeNull();

    const next = await standIn((request) => receipt(request));
    const second = startDeliverer(next.url);
    try {
      await until(() => row(order.id).state === 'delivered', 'delivery after the restart');
      expect(next.seen[0]!.key).toBe(order.id);
      expect(next.seen[0]!.body).toBe(hq.seen[0]!.body);
    } finally {
      await second.close();
      await next.close();
    }
  });

  it('a post HQ does not answer in time is retried', async () => {
    hq = await standIn((request, nth) => (nth === 0 ? 'hang' : receipt(request)));
    const order = placeOrder();
    startDeliverer(hq.url, { timeoutMs: 200 });
    await until(() => row(order.id).state === 'delivered', 'delivery');
    expect(hq.seen).toHaveLength(2);
    expect(logs!.text()).toMatch(/no answer within 200 ms/);
  });

  it('waits while HQ is down, and goes at once when told HQ is back', async () => {
    let down = true;
    hq = await standIn((request) => (down ? hqError(503, 'UNAVAILABLE', 'maintenance') : receipt(request)));
    const order = placeOrder();
    // A long backoff: without the wake-up the row would wait minutes.
    const log = capturingLogger();
    deliverer = new OutboxDeliverer({ store: f.outbox, client: new UpstreamClient({ url: hq.url, token: 'pillar-token-0123456789' }), hooks: f.orders.deliveryHooks(), log: log.log, timing: { baseMs: 600_000, maxMs: 600_000 }, random: () => 1 });
    deliverer.start();
    await until(() => row(order.id).attempts === 1, 'the first failure');
    expect(f.outbox.status(0)).toMatchObject({ pending: 1, lastError: 'HQ answered 503 UNAVAILABLE: maintenance' });
    down = false;
    deliverer.wake({ hqBack: true });
    await until(() => row(order.id).state === 'delivered', 'delivery once HQ is back');
    expect(hq.seen).toHaveLength(2);
  });
});
