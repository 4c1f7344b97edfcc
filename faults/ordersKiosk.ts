import { parseArgs } from 'node:util';
import type { ProductCard } from '../shared/api/catalog';
import type { BagLine, OutboxStatus, PlaceOutput, QuoteOutput } from '../shared/api/orders';
import type { Result } from '../shared/api/result';
import type { StoresOutput } from '../shared/api/shopper';
import { loadConfig } from '../electron/core/config/load';
import { openLocal } from '../electron/core/db/open';
import { createKiosk, kioskPaths, type Kiosk } from '../electron/core/kiosk';
import { createLogger } from '../electron/core/log/logger';
import { KioskError } from '../electron/core/api/errors';
import { Orders } from '../electron/core/orders/orders';
import { UpstreamClient } from '../electron/core/outbox/client';
import { OutboxDeliverer } from '../electron/core/outbox/outbox';
import { OutboxStore } from '../electron/core/outbox/store';

/**
 * The pillar side of the orders fault harness, in a child process the parent kills at random:
 * `tsx faults/ordersKiosk.ts --data DIR --config FILE --mode place|drain [--run N] [--orders K]`.
 *
 * `place` places K orders through the kiosk API, the outbox delivering them to HQ meanwhile, and prints
 * `confirmed <id>` the moment `orders.place` has answered "confirmed" — the parent counts an order as
 * confirmed only when it read that line. `drain` starts the kiosk's outbox alone — the same store,
 * client and deliverer the kiosk runs, on the same local.db, without the catalog and sync around it (a
 * drain every run would cost a whole kiosk start) — and waits until it is empty (`drained <rejected>`).
 * `provision` starts the whole kiosk once, for its first snapshot. Logs (warnings and worse) go to
 * standard error, which the parent searches for personal data.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    config: { type: 'string' },
    mode: { type: 'string', default: 'place' },
    run: { type: 'string', default: '0' },
    orders: { type: 'string', default: '4' },
    'sync-worker': { type: 'string' },
  },
});
if (!values.data || !values.config || !['provision', 'place', 'drain'].includes(values.mode)) {
  console.error('usage: tsx faults/ordersKiosk.ts --data DIR --config FILE --mode provision|place|drain [--run N] [--orders K] [--sync-worker FILE]');
  process.exit(2);
}
const dataDir = values.data;
const configFile = values.config;
const log = createLogger({ level: 'warn' });
// Short: a run lasts seconds, and a post the proxy never answers should not hold a drain for long.
const OUTBOX_TIMING = { baseMs: 20, maxMs: 400, requestTimeoutMs: 1_000 };

async function call<T>(k: Kiosk, method: string, input: unknown): Promise<T> {
  const result = (await k.dispatcher.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function until(probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** A bag of its own for each placement (SKUs picked by run and index), so no two orders look alike at HQ. */
async function bagFor(k: Kiosk, products: readonly ProductCard[], run: number, index: number): Promise<BagLine[]> {
  const catalog = k.catalog();
  if (!catalog) throw new Error('no catalog');
  const seed = run * 31 + index * 7;
  const lines: BagLine[] = [];
  for (let step = 0; lines.length < 2 && step < products.length; step++) {
    const product = products[(seed + step * 13) % products.length];
    if (!product) break;
    const variants = catalog.product(product.styleCode, 'en').variants;
    const sku = variants[(seed + step) % variants.length]?.sku;
    if (!sku) continue;
    const stores = await call<StoresOutput>(k, 'catalog.stores', { sku });
    const nearby = stores.stores.find((s) => !s.here);
    if (lines.length === 0 && stores.online > 0) lines.push({ sku, quantity: stores.online >= 2 ? 1 + (run % 2) : 1, fulfilment: { kind: 'delivery' } });
    else if (lines.length === 1 && nearby) lines.push({ sku, quantity: 1, fulfilment: { kind: 'hold', store: nearby.code } });
  }
  return lines;
}

async function place(k: Kiosk, run: number, count: number): Promise<void> {
  const products = k.catalog()?.search({ text: '', lang: 'en', limit: 100, offset: 0 }).items ?? [];
  for (let index = 0; index < count; index++) {
    const lines = await bagFor(k, products, run, index);
    const quote = await call<QuoteOutput>(k, 'orders.quote', { lines, lang: 'sv' });
    const placed = await call<PlaceOutput>(k, 'orders.place', {
      lines,
      lang: 'sv',
      details: {
        contact: { name: `Faultrun Shopper ${run}-${index}`, phone: '070-123 45 67', email: `shopper.${run}.${index}@example.se` },
        address: { line1: `Testgatan ${index + 1}`, postalCode: '111 21', city: 'Stockholm' },
        delivery: { day: null, sms: index % 2 === 0, safePlace: 'By the door' },
      },
      payment: index % 3 === 2 ? 'phone' : 'till',
      seenTotalMinor: quote.totalMinor,
    });
    if (placed.state === 'confirmed') process.stdout.write(`confirmed ${placed.order.id}\n`);
    else process.stdout.write(`not-placed ${placed.state}\n`);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 40)));
  }
}

function startKiosk(): Kiosk {
  return createKiosk({
    app: { name: 'Pillar', version: '0.0.0-faults', runtime: 'preview' },
    config: { source: 'flag', path: configFile },
    dataDir,
    log,
    watchConfig: false,
    syncTiming: { pollMs: 2_000, livePollMs: 10_000, backoffBaseMs: 50, backoffMaxMs: 500 },
    outboxTiming: OUTBOX_TIMING,
    ...(values['sync-worker'] ? { syncWorkerFile: values['sync-worker'] } : {}),
  });
}

/** The kiosk's outbox on its own, delivering until nothing is pending (or two minutes pass). */
async function drain(): Promise<string> {
  const config = loadConfig({ source: 'flag', path: configFile });
  if (!config.ok || !config.config.hq.token) throw new Error('the configuration has no HQ');
  const local = openLocal(kioskPaths(dataDir).local);
  const store = new OutboxStore(local);
  const orders = new Orders({
    local,
    outbox: store,
    storeCode: () => null,
    onQueued: () => undefined,
    context: () => {
      throw new KioskError('UNAVAILABLE', 'a drain places nothing');
    },
  });
  const deliverer = new OutboxDeliverer({ store, client: new UpstreamClient({ url: config.config.hq.url, token: config.config.hq.token, timeoutMs: OUTBOX_TIMING.requestTimeoutMs }), hooks: orders.deliveryHooks(), log, timing: OUTBOX_TIMING });
  deliverer.start();
  const drained = await until(() => store.pendingCount() === 0, 120_000);
  const status = store.status(0);
  await deliverer.close();
  local.close();
  return drained ? `drained ${status.rejected.length}` : `stuck ${status.pending} ${status.lastError ?? ''}`;
}

if (values.mode === 'drain') {
  process.stdout.write(`${await drain()}\n`);
  process.exit(0);
}

const kiosk = startKiosk();
if (!(await until(() => kiosk.catalog() !== null, 60_000))) {
  console.error('faults: the kiosk has no catalog');
  process.exit(3);
}
process.stdout.write('ready\n');
if (values.mode === 'place') {
  await place(kiosk, Number(values.run), Number(values.orders));
  process.stdout.write('placed\n');
  // Left alive a little, the outbox goes on delivering: the parent may kill it in the middle of that too.
  await until(async () => (await call<OutboxStatus>(kiosk, 'outbox.status', {})).pending === 0, 1_500);
}
// Exit without closing: a pillar must be safe to stop at any moment, and closing sync takes seconds.
process.exit(0);
