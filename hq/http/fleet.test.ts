import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolAnswer, Fleet, Heartbeat, HeartbeatAnswer, type HeartbeatInput, LogUploadAnswer, MAX_LOG_UPLOAD_BYTES } from '../../shared/sync/fleet';
import { HqError } from '../../shared/sync/protocol';
import { ENROL_ATTEMPTS_PER_MINUTE } from './enrolRoutes';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

const MIN = 60_000;
let t: TestHq;
let clock = Date.UTC(2030, 0, 10, 9);

beforeAll(async () => {
  t = await startTestHq({ now: () => clock });
});
afterAll(() => t.close());

const device = { hostname: 'pillar-entrance-left', platform: 'linux', appVersion: '1.0.0' } as const;

async function code(store = HOME, label?: string, validHours = 72): Promise<string> {
  return (await t.hq.store.fleet.createEnrolCode({ store, validHours, ...(label === undefined ? {} : { label }) }, clock)).code;
}

function enrol(body: unknown): Promise<{ status: number; headers: Headers; body: unknown }> {
  return t.json('/v1/enrol', { method: 'POST', token: null, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function beat(overrides: Partial<HeartbeatInput> = {}): HeartbeatInput {
  return {
    at: clock,
    version: '1.0.0',
    uptimeSeconds: 600,
    sync: { phase: 'live', live: true, cursor: 5, head: 5, pendingChanges: 0, lastSuccessAt: clock - MIN },
    outbox: { pending: 0, oldestPendingAt: null },
    diskFreeBytes: 20e9,
    crashCount: 0,
    lastError: null,
    update: { state: 'idle', version: null, message: null },
    ...overrides,
  };
}

function heartbeat(token: string, body: unknown): Promise<{ status: number; headers: Headers; body: unknown }> {
  return t.json('/v1/heartbeat', { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const refusal = (answer: { body: unknown }) => HqError.parse(answer.body).error;

describe('POST /v1/enrol', () => {
  it("trades a code, as typed, for the pillar's own token and its store's configuration, once", async () => {
    const issued = await code(HOME, 'Entrance left');
    expect(issued).toMatch(/^ENR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Lower case, spaces, an O for a 0: IT typing it off a sheet of paper.
    const typed = ` ${issued.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o')} `;
    const answer = await enrol({ code: typed, device });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const enrolled = EnrolAnswer.parse(answer.body);
    expect(enrolled).toMatchObject({
      kioskId: expect.stringMatching(/^kiosk-\d+$/),
      label: 'Entrance left',
      store: { id: HOME, name: 'Stockholm Drottninggatan', locale: 'sv-SE', currency: 'SEK', timeZone: 'Europe/Stockholm', defaultLanguage: 'sv', languages: ['en', 'sv', 'pl', 'el'] },
      branding: { name: 'NORRVIK', accent: '#1f4d3a' },
      hq: { url: t.url },
    });
    // The token is the pillar's: it sends heartbeats, and opens its own store's region only.
    expect((await heartbeat(enrolled.token, beat())).status).toBe(200);
    expect((await t.json(`/v1/stores/${HOME}/snapshot`, { token: enrolled.token })).status).toBe(200);
    expect((await t.json(`/v1/stores/${FAR_STORE}/snapshot`, { token: enrolled.token })).status).toBe(403);

    const again = await enrol({ code: issued, device });
    expect(again.status).toBe(409);
    expect(refusal(again).code).toBe('CODE_USED');
    // Neither the code nor the token is in any log line.
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(issued.slice(4));
    expect(logs).not.toContain(enrolled.token);
    expect(logs).toContain('pillar enrolled');
  });

  it('refuses an expired code (410), an unknown or malformed one (404) and a bad device (400)', async () => {
    const late = await code(HOME, undefined, 1);
    clock += 60 * MIN;
    const expired = await enrol({ code: late, device });
    expect([expired.status, refusal(expired).code]).toEqual([410, 'CODE_EXPIRED']);
    for (const unknown of ['ENR-0000-0000-0000', 'ENR-1234', 'not a code']) {
      const answer = await enrol({ code: unknown, device });
      expect([answer.status, refusal(answer).code]).toEqual([404, 'UNKNOWN_CODE']);
    }
    for (const bad of [{ code: await code(), device: { ...device, platform: 'beos' } }, { code: await code(), device: { ...device, hostname: 'x'.repeat(65) } }, { code: await code() }]) {
      const answer = await enrol(bad);
      expect([answer.status, refusal(answer).code]).toEqual([400, 'INVALID_INPUT']);
    }
  });

  it('a code is for a known store, valid 1–720 hours', async () => {
    await expect(t.hq.store.fleet.createEnrolCode({ store: 'no-such-store', validHours: 72 }, clock)).rejects.toThrow('There is no store');
    await expect(t.hq.store.fleet.createEnrolCode({ store: HOME, validHours: 0 }, clock)).rejects.toThrow('valid for 1–720 hours');
  });

  it(`answers 429 after ${ENROL_ATTEMPTS_PER_MINUTE} attempts a minute from one address, and takes attempts again a minute later`, async () => {
    clock += 10 * MIN;
    const statuses: number[] = [];
    for (let i = 0; i < ENROL_ATTEMPTS_PER_MINUTE + 2; i++) statuses.push((await enrol({ code: 'ENR-0000-0000-0000', device })).status);
    expect(statuses.slice(0, ENROL_ATTEMPTS_PER_MINUTE).every((status) => status === 404)).toBe(true);
    const limited = await enrol({ code: await code(), device });
    expect([limited.status, refusal(limited).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    clock += MIN;
    expect((await enrol({ code: await code(), device })).status).toBe(201);
  });
});

describe('heartbeats and GET /v1/fleet', () => {
  async function pillar(store: string, label: string): Promise<EnrolAnswer> {
    return EnrolAnswer.parse((await enrol({ code: await code(store, label), device: { ...device, hostname: label.toLowerCase().replaceAll(' ', '-') } })).body);
  }

  it('stores each heartbeat and shows every pillar with its state and why, on fixed clocks', async () => {
    clock += 10 * MIN;
    const healthy = await pillar(HOME, 'Healthy one');
    const stale = await pillar(HOME, 'Stale one');
    const failing = await pillar(FAR_STORE, 'Failing one');
    const offline = await pillar(FAR_STORE, 'Offline one');
    const never = await pillar(FAR_STORE, 'Never one');

    expect((await heartbeat(offline.token, beat())).status).toBe(200);
    clock += 5 * MIN;
    const answer = await heartbeat(healthy.token, beat({ version: '1.0.1' }));
    expect(answer.status).toBe(200);
    expect(HeartbeatAnswer.parse(answer.body)).toEqual({ receivedAt: clock, rollout: null });
    await heartbeat(stale.token, beat({ sync: { phase: 'offline', live: false, cursor: 3, head: 9, pendingChanges: 6, lastSuccessAt: clock - 40 * MIN } }));
    await heartbeat(failing.token, beat({ crashCount: 1, lastError: { at: clock - MIN, message: 'renderer gone' } }));

    const fleet = await t.json('/v1/fleet', { token: t.adminToken });
    expect(fleet.status).toBe(200);
    const body = Fleet.parse(fleet.body);
    expect(body.at).toBe(clock);
    const byId = new Map(body.pillars.map((entry) => [entry.kioskId, entry]));
    expect(byId.get(healthy.kioskId)).toMatchObject({ label: 'Healthy one', store: HOME, storeName: 'Stockholm Drottninggatan', state: 'healthy', reasons: [], version: '1.0.1', lastSeenAt: clock, device: { hostname: 'healthy-one', platform: 'linux' } });
    expect(byId.get(stale.kioskId)).toMatchObject({ state: 'stale', reasons: ['Last successful sync 40 min ago'] });
    expect(byId.get(failing.kioskId)).toMatchObject({ state: 'failing', reasons: ['1 crash in the last hour', 'Error 1 min ago: renderer gone'] });
    expect(byId.get(offline.kioskId)).toMatchObject({ state: 'offline', reasons: ['No heartbeat for 5 min'], lastSeenAt: clock - 5 * MIN });
    expect(byId.get(never.kioskId)).toMatchObject({ state: 'never-seen', version: null, lastSeenAt: null, heartbeat: null });
    expect(body.counts.failing).toBeGreaterThanOrEqual(1);
    // The test HQ's own pillar token (no enrolment, no heartbeat) is listed too.
    expect(body.pillars.some((entry) => entry.device === null && entry.state === 'never-seen')).toBe(true);

    // A newer heartbeat replaces the state: the stale pillar caught up.
    clock += MIN;
    await heartbeat(stale.token, beat());
    const later = Fleet.parse((await t.json('/v1/fleet', { token: t.adminToken })).body);
    expect(later.pillars.find((entry) => entry.kioskId === stale.kioskId)?.state).toBe('healthy');
    expect(await t.hq.store.fleet.heartbeats(stale.kioskId)).toHaveLength(2);
  });

  it('keeps a short history per pillar', async () => {
    const one = await pillar(HOME, 'Busy one');
    for (let i = 0; i < 65; i++) await t.hq.store.fleet.recordHeartbeat(one.kioskId, Heartbeat.parse(beat({ uptimeSeconds: i })), clock);
    const kept = await t.hq.store.fleet.heartbeats(one.kioskId);
    expect(kept).toHaveLength(60);
    expect(kept[0]?.heartbeat.uptimeSeconds).toBe(64);
  });

  it('refuses a heartbeat from the admin, without a token, or malformed; the fleet to a pillar', async () => {
    expect((await heartbeat(t.adminToken, beat())).status).toBe(403);
    expect((await t.json('/v1/heartbeat', { method: 'POST', token: null, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(beat()) })).status).toBe(401);
    const bad = await heartbeat(t.kioskToken, { ...beat(), crashCount: -1 });
    expect([bad.status, refusal(bad).code]).toEqual([400, 'INVALID_INPUT']);
    expect((await t.json('/v1/fleet', { token: t.kioskToken })).status).toBe(403);
  });
});

describe('the fleet page', () => {
  it('is served with its script and styles from HQ under a strict CSP, without data', async () => {
    const page = await t.call('/fleet', { token: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/fleet/fleet.js" defer></script>');
    expect(html).not.toMatch(/<script>|style="/);
    for (const asset of ['/fleet/fleet.js', '/fleet/fleet.css']) expect((await t.call(asset, { token: null })).status).toBe(200);
  });
});

describe('POST /v1/kiosks/logs', () => {
  const lines = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => JSON.stringify({ level: 30, msg: `line ${i}` })).join('\n') + '\n');
  const upload = (body: Buffer, type = 'application/gzip', token = t.kioskToken) => t.json('/v1/kiosks/logs', { method: 'POST', token, headers: { 'Content-Type': type }, body });

  it("keeps a pillar's gzip'd export under the data folder, per pillar", async () => {
    const gz = gzipSync(lines(50));
    const answer = await upload(gz);
    expect(answer.status).toBe(201);
    const { id, bytes } = LogUploadAnswer.parse(answer.body);
    expect(bytes).toBe(gz.length);
    const holder = (await t.hq.store.authenticateKiosk(t.kioskToken))!.kioskId;
    const dir = path.join(t.dataDir, 'kiosk-logs', holder);
    expect(await readdir(dir)).toContain(`${id}.jsonl.gz`);
    expect(gunzipSync(await readFile(path.join(dir, `${id}.jsonl.gz`))).toString()).toBe(lines(50).toString());
  });

  it('refuses what is not gzip, not JSON lines, too big, of another type, or not from a pillar', async () => {
    expect((await upload(lines(3))).status).toBe(400);
    expect((await upload(gzipSync(Buffer.from('{"ok":1}\nnot json\n')))).status).toBe(400);
    expect((await upload(Buffer.alloc(MAX_LOG_UPLOAD_BYTES + 1))).status).toBe(413);
    expect((await upload(gzipSync(lines(3)), 'application/octet-stream')).status).toBe(415);
    expect((await upload(gzipSync(lines(3)), 'application/gzip', t.adminToken)).status).toBe(403);
  });
});

describe('enrolment behind a proxy', () => {
  it("tells the pillar HQ's public address when HQ has one, not the one the request came in on", async () => {
    const proxied = await startTestHq({ publicUrl: 'https://hq.example.com/' });
    try {
      const { code: issued } = await proxied.hq.store.fleet.createEnrolCode({ store: HOME, validHours: 1 }, Date.now());
      const answer = await proxied.json('/v1/enrol', { method: 'POST', token: null, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: issued, device }) });
      expect(answer.status).toBe(201);
      expect(EnrolAnswer.parse(answer.body).hq.url).toBe('https://hq.example.com');
    } finally {
      await proxied.close();
    }
  });
});
