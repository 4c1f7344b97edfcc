import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HqError } from '../shared/sync/protocol';
import { OrderReceipt } from '../shared/sync/upstream';
import { orderOf, pickSkus } from './http/orderFixtures';
import { HOME, sseReader } from './http/testing';
import { ADMIN_TOKEN_FILE, DEMO_KIOSK_CONFIG_FILE, startHq, type HqOptions, type RunningHq } from './server';

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-server-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(options: HqOptions): Promise<RunningHq> {
  const hq = await startHq({ port: 0, log: false, ...options });
  cleanups.push(() => hq.close());
  return hq;
}

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('startHq', () => {
  it('creates an admin token file readable by its owner only, and keeps using it', async () => {
    const dataDir = await folder();
    const first = await start({ dataDir });
    const file = path.join(dataDir, ADMIN_TOKEN_FILE);
    expect(await modeOf(file)).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.adminToken);
    expect(first.adminToken.length).toBeGreaterThanOrEqual(32);
    await first.close();

    const second = await start({ dataDir });
    expect(second.adminToken).toBe(first.adminToken);
  });

  it('takes the admin token from the option or PILLAR_HQ_ADMIN_TOKEN before the file, and refuses a short one', async () => {
    const dataDir = await folder();
    expect((await start({ dataDir, adminToken: 'from-the-option-0123456789' })).adminToken).toBe('from-the-option-0123456789');
    process.env['PILLAR_HQ_ADMIN_TOKEN'] = 'from-the-environment-0123456789';
    try {
      const hq = await start({ dataDir: await folder() });
      expect(hq.adminToken).toBe('from-the-environment-0123456789');
      const compact = await fetch(`${hq.url}/v1/compact`, { method: 'POST', headers: { Authorization: `Bearer ${hq.adminToken}`, 'Content-Type': 'application/json' }, body: '{"keep":1000}' });
      expect(compact.status).toBe(200);
    } finally {
      delete process.env['PILLAR_HQ_ADMIN_TOKEN'];
    }
    await expect(startHq({ dataDir: await folder(), port: 0, log: false, adminToken: 'short' })).rejects.toThrow(/16–512/);
  });

  it('with demo, loads the chain into an empty store once and writes a working pillar configuration', async () => {
    const dataDir = await folder();
    const first = await start({ dataDir, demo: 'demo' });
    const head = await first.store.head();
    expect(head).toBeGreaterThan(0);

    const file = path.join(dataDir, DEMO_KIOSK_CONFIG_FILE);
    expect(await modeOf(file)).toBe(0o600);
    const config = JSON.parse(await readFile(file, 'utf8')) as { store: { id: string; name: string }; hq: { url: string; token: string }; branding: { accent: string } };
    expect(config).toMatchObject({
      store: { id: HOME, name: 'Stockholm Drottninggatan' },
      hq: { url: first.url },
      locale: 'sv-SE',
      currency: 'SEK',
      timeZone: 'Europe/Stockholm',
      defaultLanguage: 'en',
      branding: { name: 'NORRVIK', accent: '#1f4d3a' },
    });
    const changes = await fetch(`${first.url}/v1/stores/${HOME}/changes?after=0&limit=1`, { headers: { Authorization: `Bearer ${config.hq.token}` } });
    expect(changes.status).toBe(200);
    await first.close();

    // A restart keeps the data (no second load) and the pillar's token; only the address is brought up to date.
    const second = await start({ dataDir, demo: 'demo' });
    expect(await second.store.head()).toBe(head);
    const again = JSON.parse(await readFile(file, 'utf8')) as typeof config;
    expect(again.hq).toEqual({ url: second.url, token: config.hq.token });
  });

  it('close() ends open live streams and returns promptly', async () => {
    const hq = await start({ dataDir: await folder(), demo: 'demo' });
    const token = await hq.issueKioskToken(HOME);
    const response = await fetch(`${hq.url}/v1/stores/${HOME}/live?after=0`, { headers: { Authorization: `Bearer ${token}` } });
    const events = sseReader(response);
    expect((await events.next()).retry).toBe(2000);

    await hq.close();
    await expect(async () => {
      for (;;) await events.next();
    }).rejects.toThrow(/ended|terminated/);
  });
});

describe('payment links', () => {
  it('point at the public URL when one is given (a proxy in front of HQ), and a bad one is refused at start', async () => {
    const dataDir = await folder();
    const hq = await start({ dataDir, demo: 'demo', publicUrl: 'https://hq.norrvik.example/pillar/' });
    const token = await hq.issueKioskToken(HOME);
    const order = orderOf(await pickSkus(hq, HOME, 1), { store: HOME, payment: 'phone' });
    const response = await fetch(`${hq.url}/v1/orders`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': order.id },
      body: JSON.stringify(order),
    });
    expect(response.status).toBe(201);
    expect(OrderReceipt.parse(await response.json()).payUrl).toMatch(/^https:\/\/hq\.norrvik\.example\/pillar\/pay\/[A-Za-z0-9_-]{43}$/);

    await expect(startHq({ dataDir: await folder(), port: 0, log: false, publicUrl: 'ftp://hq.example' })).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(startHq({ dataDir: await folder(), port: 0, log: false, publicUrl: 'hq.example' })).rejects.toThrow(/not an address/);
  });
});

describe('a fault inside HQ', () => {
  it('is a 500 INTERNAL whose cause goes to the log, never to the caller', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const hq = await start({ dataDir: await folder(), adminToken: 'fault-test-admin-token-0123', log });
    // The database going away under a running HQ: the kind of fault no caller can cause or fix.
    await hq.store.close();

    const response = await fetch(`${hq.url}/v1/stores/${HOME}/changes?after=0`, { headers: { Authorization: `Bearer ${hq.adminToken}` } });
    expect(response.status).toBe(500);
    const { error } = HqError.parse(await response.json());
    expect(error).toEqual({ code: 'INTERNAL', message: 'HQ could not answer this request; the cause is in its log' });
    expect(lines.some((line) => line.includes('request failed inside HQ'))).toBe(true);
  });
});
