/**
 * Staff mode end to end: the real HQ (in this process, on loopback) with its demo staff, and two pillars of
 * one store synced from it — pillar A behind a proxy that can take HQ away. The demo PINs sign in against
 * HQ's published scrypt hashes; a "call staff" request made at pillar B is taken at pillar A and pillar B's
 * shopper is told; an assisted order reaches HQ with who helped and the note; the audit trail and the logs
 * reach HQ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HelpQueueOutput, SignInOutput, StaffOrdersOutput } from '../shared/api/staff';
import type { PlaceOutput, QuoteOutput } from '../shared/api/orders';
import type { Result } from '../shared/api/result';
import type { AvailabilityOutput } from '../shared/api/catalog';
import { startHq, type RunningHq } from '../hq/server';
import { createKiosk, type Kiosk } from '../electron/core/kiosk';
import { capturingLogger, tempDir, writeJson } from '../electron/core/testing/fixtures';
import { startFaultyProxy, type FaultyProxy } from '../faults/faultyProxy';

const STORE = 'se-sto-drottninggatan';
const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };

let hq: RunningHq;
let proxy: FaultyProxy;
let a: Kiosk;
let b: Kiosk;
const events: { kiosk: 'a' | 'b'; name: string; payload: unknown }[] = [];
const cleanups: (() => void)[] = [];
const logs = { a: capturingLogger(), b: capturingLogger() };

async function until<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function call<T>(kiosk: Kiosk, method: string, input: unknown = {}): Promise<T> {
  const result = (await kiosk.dispatcher.dispatch(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function pillar(name: 'a' | 'b', url: string, token: string): Promise<Kiosk> {
  const dir = tempDir(`pillar-staff-${name}-`);
  cleanups.push(dir.cleanup);
  const config = writeJson(dir.dir, 'pillar.config.json', { store: { id: STORE, name: 'Stockholm Drottninggatan' }, hq: { url, token }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } });
  const kiosk = createKiosk({
    app,
    config: { source: 'flag', path: config },
    dataDir: dir.dir,
    log: logs[name].log,
    watchConfig: false,
    syncTiming: { pollMs: 200, livePollMs: 1_000, backoffBaseMs: 50, backoffMaxMs: 300 },
    outboxTiming: { baseMs: 20, maxMs: 200 },
    helpPollMs: 100,
  });
  kiosk.events.onAny((event, payload) => events.push({ kiosk: name, name: event, payload }));
  return kiosk;
}

beforeAll(async () => {
  const hqDir = tempDir('pillar-hq-staff-');
  cleanups.push(hqDir.cleanup);
  hq = await startHq({ dataDir: hqDir.dir, port: 0, demo: 'demo', log: false });
  proxy = await startFaultyProxy(hq.url);
  a = await pillar('a', proxy.url, await hq.issueKioskToken(STORE));
  b = await pillar('b', hq.url, await hq.issueKioskToken(STORE));
  await until(() => a.syncStatus().phase === 'following' && a.catalog() && b.syncStatus().phase === 'following' && b.catalog(), 'provisioning', 90_000);
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await proxy?.close();
  await hq?.close();
  for (const cleanup of cleanups) cleanup();
});

describe('staff mode against the real HQ', () => {
  it("signs in with the demo staff's PINs as HQ published them", async () => {
    const accounts = await call<{ accounts: { id: string; role: string }[] }>(a, 'staff.accounts');
    expect(accounts.accounts.map((account) => [account.id, account.role])).toEqual(expect.arrayContaining([['S-1001', 'staff'], ['M-2001', 'manager'], ['IT-3001', 'it']]));
    expect(await call(a, 'staff.badge', { code: 'STAFF-1001' })).toEqual({ account: { id: 'S-1001', name: 'Alex S.' } });
    expect(await call<SignInOutput>(a, 'staff.signIn', { accountId: 'S-1001', pin: '2581' })).toMatchObject({ state: 'wrong-pin', attemptsLeft: 4 });
    expect(await call<SignInOutput>(a, 'staff.signIn', { accountId: 'S-1001', pin: '2580' })).toMatchObject({ state: 'signed-in', session: { name: 'Alex S.', role: 'staff' } });
  });

  it("shows another pillar's request once HQ has it, only this pillar's while HQ is away, and tells the other pillar's shopper it was taken", async () => {
    const atB = await call<{ id: string }>(b, 'help.request', { screen: 'product', styleCode: 'NV-10001' });
    proxy.decide(() => 'down');
    const atA = await call<{ id: string }>(a, 'help.request', { screen: 'checkout' });
    const offline = await call<HelpQueueOutput>(a, 'staff.helpQueue');
    expect(offline.requests.map((r) => [r.id, r.kiosk, r.localOnly])).toEqual([[atA.id, 'this-pillar', true]]);

    proxy.decide(() => 'pass');
    const online = await until(async () => {
      const queue = await call<HelpQueueOutput>(a, 'staff.helpQueue');
      const fromB = queue.requests.find((r) => r.id === atB.id);
      const mine = queue.requests.find((r) => r.id === atA.id);
      return fromB && mine && !mine.localOnly ? { queue, fromB, mine } : null;
    }, "both requests in A's queue from HQ");
    expect(online.fromB).toMatchObject({ status: 'open', localOnly: false, screen: 'product:NV-10001' });
    expect(online.fromB.kiosk).not.toBe('this-pillar');
    expect(online.mine.kiosk).toBe('this-pillar');
    expect(online.queue.fetchedAt).not.toBeNull();

    expect(await call(a, 'staff.updateHelp', { id: atB.id, status: 'acknowledged' })).toEqual({ id: atB.id, status: 'acknowledged', by: 'Alex S.' });
    // B's shopper hears of it from HQ (B polls while its request is open).
    await until(() => events.find((e) => e.kiosk === 'b' && e.name === 'help.updated'), "B's help.updated");
    expect(events.filter((e) => e.kiosk === 'b' && e.name === 'help.updated').map((e) => e.payload)).toEqual([{ id: atB.id, status: 'acknowledged', by: 'Alex S.' }]);
    expect(await call(b, 'help.status', { id: atB.id })).toEqual({ id: atB.id, status: 'acknowledged', by: 'Alex S.' });
  }, 60_000);

  it('places an assisted order that reaches HQ with who helped and the note; staff see it among today\'s orders with HQ\'s status', async () => {
    const catalog = a.catalog()!;
    const card = catalog.search({ text: '', lang: 'en', limit: 50, offset: 0 }).items.find((c) => catalog.availability(c.styleCode).variants.some((v) => v.here > 0))!;
    const variant = (await call<AvailabilityOutput>(a, 'catalog.availability', { styleCode: card.styleCode })).variants.find((v) => v.here > 0)!;
    const lines = [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'in-store' } }];
    const quote = await call<QuoteOutput>(a, 'orders.quote', { lines, lang: 'en' });
    const placed = await call<PlaceOutput>(a, 'orders.place', {
      lines,
      lang: 'en',
      details: { contact: { name: 'Test Shopper', email: 'shopper@example.se' }, marketingConsent: false },
      payment: 'till',
      seenTotalMinor: quote.totalMinor,
      note: 'Customer will pick up Saturday',
    });
    if (placed.state !== 'confirmed') throw new Error(`not confirmed: ${JSON.stringify(placed)}`);
    const stored = await until(async () => (await hq.store.listOrders({ store: STORE, limit: 100 })).items.find((o) => o.id === placed.order.id), 'the order at HQ');
    expect(stored).toMatchObject({ code: placed.order.code, assistedBy: 'S-1001', note: 'Customer will pick up Saturday' });

    const today = await until(async () => {
      const list = await call<StaffOrdersOutput>(a, 'staff.orders');
      const order = list.orders.find((o) => o.id === placed.order.id);
      return order?.delivery === 'delivered' && order.status ? { list, order } : null;
    }, "the order's HQ status");
    expect(today.order).toMatchObject({ code: placed.order.code, status: 'received', assistedBy: 'S-1001', note: 'Customer will pick up Saturday', delivery: 'delivered', deliveryError: null });
    expect(today.list.statusesAt).not.toBeNull();
  }, 60_000);

  it("sends the audit trail to HQ, and a manager's log export reaches HQ", async () => {
    await call<SignInOutput>(a, 'staff.signIn', { accountId: 'M-2001', pin: '1379' });
    const sent = await call<{ done: boolean; message: string }>(a, 'staff.action', { action: 'export-logs-hq' });
    expect(sent.done).toBe(true);
    const audit = await until(async () => {
      const response = await fetch(`${hq.url}/v1/staff-actions?store=${STORE}&limit=100`, { headers: { authorization: `Bearer ${hq.adminToken}` } });
      const body = (await response.json()) as { staffActions: { action: string; staffId: string | null }[] };
      return body.staffActions.some((x) => x.action === 'export-logs') ? body.staffActions : null;
    }, 'staff actions at HQ');
    const seen = audit.map((x) => `${x.action}:${x.staffId ?? '-'}`);
    for (const expected of ['sign-in-failed:-', 'sign-in:S-1001', 'help-acknowledge:S-1001', 'place-assisted-order:S-1001', 'sign-out:S-1001', 'sign-in:M-2001', 'export-logs:M-2001']) {
      expect(seen).toContain(expected);
    }
    for (const text of [logs.a.text(), logs.b.text()]) expect(text).not.toMatch(/2580|1379|Test Shopper|shopper@example/);
  }, 60_000);
});
