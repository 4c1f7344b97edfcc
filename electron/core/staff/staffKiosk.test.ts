import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { methodNames, methods } from '../../../shared/api/contract';
import type { HealthOutput, SignInOutput, StaffProductOutput } from '../../../shared/api/staff';
import type { Result } from '../../../shared/api/result';
import { STAFF_ROLE_RANK, type StaffAccount } from '../../../shared/sync/entities';
import { DEMO_CONFIG } from '../config/demo';
import { createKiosk, kioskPaths, type Kiosk, type KioskOptions } from '../kiosk';
import { capturingLogger, tempDir, writeJson } from '../testing/fixtures';
import { USB_DIR_ENV } from './actions';
import { demoStaff, writeStaffSettings } from './testing';

const app = { name: 'Pillar', version: '0.0.0-test', runtime: 'preview' as const };
const HOME = DEMO_CONFIG.store.id;
let accounts: StaffAccount[];
let dir: { dir: string; cleanup: () => void };
let kiosk: Kiosk;
let log: ReturnType<typeof capturingLogger>;

beforeAll(async () => {
  accounts = await demoStaff(HOME);
});

/** A demo kiosk whose cache carries HQ's staff settings (as sync would have written them). */
function start(options: Partial<KioskOptions> = {}): Kiosk {
  log = capturingLogger();
  const first = createKiosk({ app, config: { source: 'demo' }, dataDir: dir.dir, log: log.log, watchConfig: false, ...options });
  writeStaffSettings(kioskPaths(dir.dir).cache, accounts);
  return first;
}

beforeEach(() => {
  dir = tempDir('pillar-staff-');
});
afterEach(async () => {
  await kiosk?.close();
  dir.cleanup();
});

async function call<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await kiosk.dispatcher.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function signIn(accountId: string, pin: string): Promise<SignInOutput> {
  return call<SignInOutput>('staff.signIn', { accountId, pin });
}

function rows(table: string, where = '1'): Record<string, unknown>[] {
  const db = openLocalReadOnly();
  try {
    return db.prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY rowid`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/** A second connection to the kiosk's own local.db (WAL): what is committed, as a restart would find it. */
function openLocalReadOnly(): Database.Database {
  return new Database(kioskPaths(dir.dir).local, { readonly: true });
}

/** A valid input for each staff method, so only the role decides the answer. */
const STAFF_INPUTS: Record<string, unknown> = {
  'staff.product': { styleCode: 'NV-10001', lang: 'en' },
  'staff.helpQueue': {},
  'staff.updateHelp': { id: '00000000-0000-4000-8000-000000000000', status: 'acknowledged' },
  'staff.orders': {},
  'staff.health': {},
  'staff.action': { action: 'sync-now' },
};

describe('staff mode in the kiosk core', () => {
  it('refuses every staff method without a session, and every manager method to staff (FORBIDDEN)', async () => {
    kiosk = start();
    const withRole = methodNames.filter((name) => methods[name].role);
    expect(withRole.sort()).toEqual(Object.keys(STAFF_INPUTS).sort());
    for (const name of withRole) {
      const answer = await kiosk.dispatcher.dispatch(name, STAFF_INPUTS[name]);
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await signIn('S-1001', '2580')).state).toBe('signed-in');
    for (const name of withRole) {
      const answer = await kiosk.dispatcher.dispatch(name, STAFF_INPUTS[name]);
      const needs = methods[name].role!;
      if (STAFF_ROLE_RANK[needs] > STAFF_ROLE_RANK.staff) expect(answer, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      else expect((answer as Result<unknown> & { error?: { code: string } }).error?.code, name).not.toBe('FORBIDDEN');
    }
    await call('staff.signOut');
    for (const name of withRole) expect(await kiosk.dispatcher.dispatch(name, STAFF_INPUTS[name]), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("lists this store's accounts (no hashes), finds a badge's account, and signs in with the right PIN only", async () => {
    kiosk = start();
    const listed = await call<{ accounts: { id: string }[]; lockedUntil: number | null }>('staff.accounts');
    expect(listed).toEqual({
      accounts: [
        { id: 'S-1001', name: 'Alex S.', role: 'staff' },
        { id: 'M-2001', name: 'Maja M.', role: 'manager' },
        { id: 'IT-3001', name: 'Ivo T.', role: 'it' },
      ],
      lockedUntil: null,
    });
    expect(await call('staff.badge', { code: 'STAFF-1001' })).toEqual({ account: { id: 'S-1001', name: 'Alex S.' } });
    expect(await call('staff.badge', { code: 'STAFF-9999' })).toEqual({ account: null });
    expect(await signIn('S-9009', '0000')).toMatchObject({ state: 'wrong-pin' }); // another store's account
    expect(await signIn('S-1001', '1379')).toMatchObject({ state: 'wrong-pin', attemptsLeft: 3, lockedUntil: null });

    const events: unknown[] = [];
    kiosk.events.onAny((name, payload) => name === 'staff.sessionChanged' && events.push(payload));
    const signedIn = await signIn('S-1001', '2580');
    expect(signedIn).toMatchObject({ state: 'signed-in', session: { staffId: 'S-1001', name: 'Alex S.', role: 'staff' } });
    expect(await call('staff.session')).toMatchObject({ session: { staffId: 'S-1001' } });
    expect(await call('staff.signOut')).toEqual({ session: null });
    expect(events).toEqual([{ session: expect.objectContaining({ staffId: 'S-1001' }) }, { session: null }]);

    // The audit trail: every attempt, nobody named as the actor of a failed one, no PIN anywhere.
    const actions = rows('staff_actions').map((row) => [row['action'], row['staff_id'], JSON.parse(row['detail'] as string)]);
    expect(actions).toEqual([
      ['sign-in-failed', null, { account: 'S-9009', reason: 'unknown-account' }],
      ['sign-in-failed', null, { account: 'S-1001', reason: 'wrong-pin' }],
      ['sign-in', 'S-1001', { role: 'staff' }],
      ['sign-out', 'S-1001', {}],
    ]);
    const outbox = rows('outbox', "kind = 'staff-action'");
    expect(outbox.map((row) => JSON.parse(row['payload'] as string).action)).toEqual(['sign-in-failed', 'sign-in-failed', 'sign-in', 'sign-out']);
    expect(JSON.parse(outbox[2]!['payload'] as string)).toMatchObject({ store: HOME, staffId: 'S-1001', action: 'sign-in' });
    expect(outbox.map((row) => row['payload']).join('\n')).not.toMatch(/2580|1379/);
    expect(log.text()).not.toMatch(/2580|1379/);
  });

  it('ends staff mode when the configuration changes, and when HQ removes the account or changes its role', async () => {
    const file = writeJson(dir.dir, 'pillar.config.json', DEMO_CONFIG);
    log = capturingLogger();
    kiosk = createKiosk({ app, config: { source: 'flag', path: file }, dataDir: dir.dir, log: log.log, watchConfig: false });
    writeStaffSettings(kioskPaths(dir.dir).cache, accounts);
    const sessions: unknown[] = [];
    kiosk.events.onAny((name, payload) => name === 'staff.sessionChanged' && sessions.push(payload));

    await signIn('M-2001', '1379');
    writeJson(dir.dir, 'pillar.config.json', { ...DEMO_CONFIG, idle: { attractAfterSeconds: 90, warningSeconds: 20 } });
    kiosk.reloadConfig();
    expect(await call('staff.session')).toEqual({ session: null });
    expect(sessions.at(-1)).toEqual({ session: null });

    await signIn('M-2001', '1379');
    writeStaffSettings(kioskPaths(dir.dir).cache, accounts.map((account) => (account.id === 'M-2001' ? { ...account, role: 'staff' as const } : account)));
    expect(await kiosk.dispatcher.dispatch('staff.health', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('staff.session')).toEqual({ session: null });
    expect(rows('staff_actions', "action = 'sign-out'").map((row) => JSON.parse(row['detail'] as string))).toEqual([{ reason: 'config-changed' }, { reason: 'role-changed' }]);
  });

  it('locks the pad after five wrong PINs, refuses even the right PIN while locked, and keeps the lock across a restart', async () => {
    kiosk = start();
    const answers: SignInOutput[] = [];
    for (let i = 0; i < 5; i++) answers.push(await signIn('M-2001', '0000'));
    expect(answers.map((a) => (a.state === 'wrong-pin' ? a.attemptsLeft : a.state))).toEqual([4, 3, 2, 1, 0]);
    const lockedUntil = (answers[4] as { lockedUntil: number }).lockedUntil;
    expect(lockedUntil).toBeGreaterThan(Date.now() + 25_000);
    expect(await signIn('M-2001', '1379')).toEqual({ state: 'locked', lockedUntil });

    await kiosk.close();
    kiosk = createKiosk({ app, config: { source: 'demo' }, dataDir: dir.dir, log: log.log, watchConfig: false });
    expect(await call('staff.accounts')).toMatchObject({ lockedUntil });
    expect(await signIn('M-2001', '1379')).toEqual({ state: 'locked', lockedUntil });
    expect(rows('staff_actions', "action = 'locked-out'")).toHaveLength(1);
    expect(log.lines().filter((line) => line['msg'] === 'staff PIN pad locked after wrong PINs')).toEqual([expect.objectContaining({ account: 'M-2001', lockouts: 1, lockedForSeconds: 30 })]);
  });

  it("shows staff a product's exact stock per location, this store first, then stores nearest first, then the warehouse", async () => {
    kiosk = start();
    await signIn('S-1001', '2580');
    const catalog = kiosk.catalog()!;
    const styleCode = catalog.search({ text: '', lang: 'en', limit: 20, offset: 0 }).items.find((card) => {
      const availability = catalog.availability(card.styleCode);
      return availability.variants.some((v) => v.here > 0 && v.nearby.length > 1 && v.online > 0);
    })!.styleCode;
    const detail = await call<StaffProductOutput>('staff.product', { styleCode, lang: 'sv' });
    const availability = catalog.availability(styleCode);
    for (const variant of availability.variants) {
      const staffView = detail.variants.find((v) => v.sku === variant.sku)!;
      expect(staffView.gtin).toMatch(/^\d{8,14}$/);
      expect(staffView.incoming).toEqual([]);
      const here = staffView.stock.find((s) => s.kind === 'this-store');
      expect(here?.quantity ?? 0).toBe(variant.here);
      expect(staffView.stock.find((s) => s.kind === 'warehouse')?.quantity ?? 0).toBe(variant.online);
      for (const near of variant.nearby) expect(staffView.stock.find((s) => s.location === near.code)?.quantity).toBe(near.quantity);
      const kinds = staffView.stock.map((s) => s.kind);
      expect([...kinds].sort((a, b) => ['this-store', 'store', 'warehouse'].indexOf(a) - ['this-store', 'store', 'warehouse'].indexOf(b))).toEqual(kinds);
      const distances = staffView.stock.filter((s) => s.kind === 'store').map((s) => s.distanceKm!);
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    }
    await call<StaffProductOutput>('staff.product', { styleCode, lang: 'en' }); // the page re-reads it: recorded once
    expect(rows('staff_actions', "action = 'view-staff-detail'").map((row) => JSON.parse(row['detail'] as string))).toEqual([{ styleCode }]);
    expect(await kiosk.dispatcher.dispatch('staff.product', { styleCode: 'NV-0', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('marks an order placed in staff mode as assisted, with its note; a note outside staff mode is FORBIDDEN', async () => {
    kiosk = start();
    const catalog = kiosk.catalog()!;
    const card = catalog.search({ text: '', lang: 'en', limit: 50, offset: 0 }).items.find((c) => catalog.availability(c.styleCode).variants.some((v) => v.here > 0))!;
    const variant = catalog.availability(card.styleCode).variants.find((v) => v.here > 0)!;
    const lines = [{ sku: variant.sku, quantity: 1, fulfilment: { kind: 'in-store' } }];
    const quote = await call<{ totalMinor: number }>('orders.quote', { lines, lang: 'en' });
    const input = { lines, lang: 'en', details: { contact: { name: 'Anna', email: 'anna@example.se' }, marketingConsent: false }, payment: 'till', seenTotalMinor: quote.totalMinor };

    expect(await kiosk.dispatcher.dispatch('orders.place', { ...input, note: 'Picks up Saturday' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rows('orders')).toHaveLength(0);
    const plain = await call<{ state: string; order: { id: string } }>('orders.place', input);
    expect(rows('orders', `id = '${plain.order.id}'`)[0]).toMatchObject({ assisted_by: null, note: null });

    await signIn('S-1001', '2580');
    const assisted = await call<{ state: string; order: { id: string; code: string } }>('orders.place', { ...input, note: 'Picks up Saturday' });
    expect(assisted.state).toBe('confirmed');
    expect(rows('orders', `id = '${assisted.order.id}'`)[0]).toMatchObject({ assisted_by: 'S-1001', note: 'Picks up Saturday' });
    const body = JSON.parse(rows('outbox', `id = '${assisted.order.id}'`)[0]!['payload'] as string);
    expect(body).toMatchObject({ assistedBy: 'S-1001', note: 'Picks up Saturday' });
    const audit = rows('staff_actions', "action = 'place-assisted-order'");
    expect(audit.map((row) => [row['staff_id'], JSON.parse(row['detail'] as string)])).toEqual([['S-1001', { order: assisted.order.code }]]);

    const orders = await call<{ orders: { id: string; assistedBy: string | null; note: string | null; delivery: string }[] }>('staff.orders');
    expect(orders.orders.map((o) => [o.id, o.assistedBy, o.note, o.delivery])).toEqual([
      [assisted.order.id, 'S-1001', 'Picks up Saturday', 'pending'],
      [plain.order.id, null, null, 'pending'],
    ]);
  });

  it('takes and closes a "call staff" request offline: the shopper is told, HQ will be, and the audit says who', async () => {
    kiosk = start();
    const request = await call<{ id: string }>('help.request', { screen: 'product', styleCode: 'NV-10001' });
    const told: unknown[] = [];
    kiosk.events.onAny((name, payload) => name === 'help.updated' && told.push(payload));
    expect(await call('help.status', { id: request.id })).toEqual({ id: request.id, status: 'open', by: null });

    await signIn('S-1001', '2580');
    const queue = await call<{ requests: { id: string; kiosk: string; status: string; localOnly: boolean }[]; fetchedAt: number | null }>('staff.helpQueue');
    expect(queue).toMatchObject({ fetchedAt: null, requests: [{ id: request.id, kiosk: 'this-pillar', status: 'open', localOnly: true }] });
    expect(await call('staff.updateHelp', { id: request.id, status: 'acknowledged' })).toEqual({ id: request.id, status: 'acknowledged', by: 'Alex S.' });
    expect(told).toEqual([{ id: request.id, status: 'acknowledged', by: 'Alex S.' }]);
    expect(await call('help.status', { id: request.id })).toEqual({ id: request.id, status: 'acknowledged', by: 'Alex S.' });
    // Taking it again changes nothing; closing it does.
    expect(await call('staff.updateHelp', { id: request.id, status: 'acknowledged' })).toMatchObject({ status: 'acknowledged' });
    await call('staff.updateHelp', { id: request.id, status: 'resolved' });
    const updates = rows('outbox', "kind = 'help-update'").map((row) => JSON.parse(row['payload'] as string));
    expect(updates).toEqual([
      expect.objectContaining({ requestId: request.id, store: HOME, status: 'acknowledged', staffId: 'S-1001' }),
      expect.objectContaining({ requestId: request.id, store: HOME, status: 'resolved', staffId: 'S-1001' }),
    ]);
    expect(rows('staff_actions', "action LIKE 'help-%'").map((row) => row['action'])).toEqual(['help-acknowledge', 'help-resolve']);
    expect(await kiosk.dispatcher.dispatch('staff.updateHelp', { id: '00000000-0000-4000-8000-000000000000', status: 'resolved' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await kiosk.dispatcher.dispatch('help.status', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("gives managers the pillar's health with secrets hidden and the last log lines; actions the host cannot do are UNAVAILABLE", async () => {
    const config = writeJson(dir.dir, 'pillar.config.json', { ...DEMO_CONFIG, hq: { url: 'http://127.0.0.1:9', token: 'kiosk-token-that-is-secret' } });
    mkdirSync(path.join(dir.dir, 'logs'), { recursive: true });
    writeFileSync(path.join(dir.dir, 'logs', 'pillar.log'), Array.from({ length: 150 }, (_, i) => JSON.stringify({ msg: `line ${i}` })).join('\n') + '\n');
    log = capturingLogger();
    kiosk = createKiosk({ app, config: { source: 'flag', path: config }, dataDir: dir.dir, log: log.log, watchConfig: false, sync: false });
    writeStaffSettings(kioskPaths(dir.dir).cache, accounts);

    await signIn('M-2001', '1379');
    const health = await call<HealthOutput>('staff.health');
    expect(health.config).toMatchObject({ path: config, values: { hq: { url: 'http://127.0.0.1:9', token: '[hidden]' } } });
    expect(JSON.stringify(health)).not.toContain('kiosk-token-that-is-secret');
    expect(health.logLines).toHaveLength(100);
    expect(health.logLines[99]).toBe(JSON.stringify({ msg: 'line 149' }));
    expect(health.databases.map((d) => d.name)).toEqual([path.basename(kioskPaths(dir.dir).cache), 'local.db']);
    expect(health.databases.every((d) => d.bytes > 0)).toBe(true);
    expect(health.disk.freeBytes).toBeGreaterThan(0);
    expect(health.can).toEqual({ restart: false, exitKiosk: false, exportToUsb: false });

    for (const action of ['sync-now', 'resnapshot', 'restart-app', 'export-logs-usb', 'export-logs-hq']) {
      expect(await kiosk.dispatcher.dispatch('staff.action', { action }), action).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    }
    expect(await kiosk.dispatcher.dispatch('staff.action', { action: 'exit-kiosk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  describe('with a host that can restart, leave kiosk mode and write to a drive', () => {
    const usb = tempDir('pillar-usb-');
    afterAll(() => usb.cleanup());

    it('exports the logs to the drive, leaves kiosk mode for IT only, and records each action', async () => {
      const done: string[] = [];
      kiosk = start({ host: { restart: () => done.push('restart'), exitKiosk: () => done.push('exit-kiosk'), usbRoots: () => ['/no/such/drive', usb.dir] } });
      mkdirSync(path.join(dir.dir, 'logs'), { recursive: true });
      writeFileSync(path.join(dir.dir, 'logs', 'pillar.1.log'), '{"msg":"older"}\n');
      expect(process.env[USB_DIR_ENV]).toBeUndefined();

      await signIn('M-2001', '1379');
      expect(await call('staff.health')).toMatchObject({ can: { restart: true, exitKiosk: false, exportToUsb: true } });
      const exported = await call<{ done: boolean; path: string }>('staff.action', { action: 'export-logs-usb' });
      expect(exported.path.startsWith(path.join(usb.dir, 'pillar-logs', `${HOME}-`))).toBe(true);
      expect(readdirSync(exported.path).sort()).toContain('pillar.1.log');
      expect(readFileSync(path.join(exported.path, 'pillar.1.log'), 'utf8')).toBe('{"msg":"older"}\n');
      expect(await kiosk.dispatcher.dispatch('staff.action', { action: 'exit-kiosk' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(done).toEqual([]);

      await signIn('IT-3001', '4826');
      expect(await call('staff.action', { action: 'exit-kiosk' })).toMatchObject({ done: true });
      expect(done).toEqual(['exit-kiosk']);
      expect(rows('staff_actions', "action IN ('export-logs', 'exit-kiosk', 'sign-out')").map((row) => [row['action'], row['staff_id']])).toEqual([
        ['export-logs', 'M-2001'],
        ['sign-out', 'M-2001'],
        ['exit-kiosk', 'IT-3001'],
      ]);
    });
  });
});
