import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqError } from '../../shared/sync/protocol';
import { HelpQueue, type HelpUpdate, type StaffAction } from '../../shared/sync/staff';
import { Receipt } from '../../shared/sync/upstream';
import type { StoredStaffAction } from '../store/staffStore';
import { helpOf } from './orderFixtures';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

const HOUR = 3_600_000;
let clock = Date.now();
let t: TestHq;
let kioskId: string;
let farToken: string;

beforeAll(async () => {
  t = await startTestHq({ now: () => clock });
  kioskId = ((await t.json('/v1/kiosk')).body as { kioskId: string }).kioskId;
  farToken = await t.hq.issueKioskToken(FAR_STORE);
});
afterAll(() => t.close());

type Sent = { status: number; headers: Headers; body: unknown };

/** A pillar's outbox delivering one row, with Idempotency-Key = its id. */
function post(path: string, body: { id: string } & Record<string, unknown>, token: string = t.kioskToken): Promise<Sent> {
  return t.json(path, { method: 'POST', token, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id }, body: JSON.stringify(body) });
}

function refusal(response: Sent, status: number): HqError['error'] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return HqError.parse(response.body).error;
}

function actionOf(overrides: Partial<StaffAction> = {}): StaffAction {
  return { id: randomUUID(), store: HOME, staffId: 'S-1001', action: 'sign-in', at: clock, detail: {}, ...overrides };
}

function updateOf(requestId: string, status: HelpUpdate['status'], staffId: string, at: number, store = HOME): HelpUpdate {
  return { id: randomUUID(), requestId, store, status, staffId, at };
}

async function queue(token: string = t.kioskToken, store = HOME): Promise<{ status: number; etag: string | null; requests: HelpQueue['requests'] }> {
  const response = await t.json(`/v1/stores/${store}/help-requests`, { token });
  return { status: response.status, etag: response.headers.get('etag'), requests: response.status === 200 ? HelpQueue.parse(response.body).requests : [] };
}

async function helpRequest(token = t.kioskToken, store = HOME, at = clock): Promise<string> {
  const help = { ...helpOf(store), at };
  expect((await post('/v1/help-requests', help, token)).status).toBe(201);
  return help.id;
}

describe('POST /v1/staff-actions', () => {
  it('stores an action once with the pillar that sent it; a replay gets the same receipt', async () => {
    const action = actionOf({ action: 'place-assisted-order', detail: { order: 'K7MQ-42XD' } });
    const receivedAt = clock;
    const first = await post('/v1/staff-actions', action);
    expect(first.status).toBe(201);
    expect(Receipt.parse(first.body)).toEqual({ id: action.id, receivedAt });

    clock += 5_000;
    const replay = await post('/v1/staff-actions', action);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);

    const { body } = await t.json(`/v1/staff-actions?store=${HOME}&limit=500`, { token: t.adminToken });
    const stored = (body as { staffActions: StoredStaffAction[] }).staffActions.filter((row) => row.id === action.id);
    expect(stored).toEqual([{ ...action, kioskId, receivedAt }]);
  });

  it("HQ's log names the action, never who did it nor its detail", async () => {
    const action = actionOf({ staffId: 'M-2001', action: 'view-staff-detail', detail: { style: 'NV-77231' } });
    expect((await post('/v1/staff-actions', action)).status).toBe(201);
    const lines = t.logs.filter((line) => line.includes(action.id));
    expect(lines.some((line) => line.includes('view-staff-detail'))).toBe(true);
    expect(lines.join('')).not.toContain('M-2001');
    expect(lines.join('')).not.toContain('NV-77231');
  });

  it('a failed sign-in names no one; the same key with another body is 422 IDEMPOTENCY_MISMATCH', async () => {
    const failed = actionOf({ staffId: null, action: 'sign-in-failed', detail: { attempt: 3 } });
    expect((await post('/v1/staff-actions', failed)).status).toBe(201);
    expect(refusal(await post('/v1/staff-actions', { ...failed, detail: { attempt: 4 } }), 422).code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it("is refused for another store than the pillar's (403) and for a body that is not a StaffAction (400)", async () => {
    const elsewhere = actionOf({ store: FAR_STORE });
    expect(refusal(await post('/v1/staff-actions', elsewhere), 403).code).toBe('FORBIDDEN');
    const unknownKind = { ...actionOf(), action: 'open-the-safe' };
    const error = refusal(await post('/v1/staff-actions', unknownKind), 400);
    expect(error.issues?.map((issue) => issue.path)).toContain('action');
  });

  it('answers a replay from the stored row after its idempotency key is forgotten', async () => {
    const action = actionOf({ action: 'sync-now' });
    const first = await post('/v1/staff-actions', action);
    expect(await t.hq.store.forgetUpstreamKeys(clock + 31 * 24 * HOUR)).toBeGreaterThan(0);
    const replay = await post('/v1/staff-actions', action);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(refusal(await post('/v1/staff-actions', { ...action, action: 'resnapshot' }), 422).code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('lists for the admin only, newest first, paged', async () => {
    expect(refusal(await t.json('/v1/staff-actions'), 403).code).toBe('FORBIDDEN');
    const sent = [actionOf({ store: FAR_STORE }), actionOf({ store: FAR_STORE, action: 'sign-out' })];
    for (const action of sent) expect((await post('/v1/staff-actions', action, farToken)).status).toBe(201);
    const first = await t.json(`/v1/staff-actions?store=${FAR_STORE}&limit=1`, { token: t.adminToken });
    const page = first.body as { staffActions: StoredStaffAction[]; next: number | null };
    expect(page.staffActions.map((row) => row.id)).toEqual([sent[1]!.id]);
    const second = (await t.json(`/v1/staff-actions?store=${FAR_STORE}&limit=1&before=${page.next}`, { token: t.adminToken })).body as typeof page;
    expect(second.staffActions.map((row) => row.id)).toEqual([sent[0]!.id]);
    expect(second.next).toBeNull();
  });
});

describe('POST /v1/help-requests/updates', () => {
  it('moves a request forward only, naming the staff member as the published settings do', async () => {
    const requestId = await helpRequest();
    const asked = clock;
    const acknowledge = updateOf(requestId, 'acknowledged', 'S-1001', asked + 20_000);
    const first = await post('/v1/help-requests/updates', acknowledge);
    expect(first.status).toBe(201);
    expect(Receipt.parse(first.body).id).toBe(acknowledge.id);
    const replay = await post('/v1/help-requests/updates', acknowledge);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await queue()).requests.find((row) => row.id === requestId)).toMatchObject({ status: 'acknowledged', by: 'Alex S.', changedAt: asked + 20_000 });

    const resolve = updateOf(requestId, 'resolved', 'M-2001', asked + 90_000);
    expect((await post('/v1/help-requests/updates', resolve)).status).toBe(201);
    // Another pillar's acknowledge, delivered late: taken, and it changes nothing.
    const late = updateOf(requestId, 'acknowledged', 'IT-3001', asked + 30_000);
    const lateAnswer = await post('/v1/help-requests/updates', late);
    expect(lateAnswer.status).toBe(201);
    expect(Receipt.parse(lateAnswer.body).id).toBe(late.id);
    expect((await queue()).requests.find((row) => row.id === requestId)).toMatchObject({ status: 'resolved', by: 'Maja M.', changedAt: asked + 90_000 });
  });

  it('a second acknowledge keeps the first one; a staff id the settings do not know is shown as itself', async () => {
    const requestId = await helpRequest();
    expect((await post('/v1/help-requests/updates', updateOf(requestId, 'acknowledged', 'S-9999', clock + 1_000))).status).toBe(201);
    expect((await post('/v1/help-requests/updates', updateOf(requestId, 'acknowledged', 'S-1001', clock + 2_000))).status).toBe(201);
    expect((await queue()).requests.find((row) => row.id === requestId)).toMatchObject({ status: 'acknowledged', by: 'S-9999', changedAt: clock + 1_000 });
  });

  it('is 404 for a request HQ does not have, and frees the key: once the request arrives, the same update applies', async () => {
    const help = helpOf(HOME);
    const update = updateOf(help.id, 'acknowledged', 'S-1001', clock + 1_000);
    const error = refusal(await post('/v1/help-requests/updates', update), 404);
    expect(error.message).toContain(help.id);
    expect((await post('/v1/help-requests', help)).status).toBe(201);
    const retry = await post('/v1/help-requests/updates', update);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it("is 403 for another store's request, and for an update in another store's name", async () => {
    const farRequest = await helpRequest(farToken, FAR_STORE);
    const error = refusal(await post('/v1/help-requests/updates', updateOf(farRequest, 'acknowledged', 'S-1001', clock)), 403);
    expect(error.message).toContain('another store');
    expect(refusal(await post('/v1/help-requests/updates', updateOf(farRequest, 'acknowledged', 'S-1001', clock, FAR_STORE)), 403).code).toBe('FORBIDDEN');
    expect((await queue(farToken, FAR_STORE)).requests.find((row) => row.id === farRequest)).toMatchObject({ status: 'open', by: null });
  });

  it('answers a replay from the stored update after its idempotency key is forgotten', async () => {
    const requestId = await helpRequest();
    const update = updateOf(requestId, 'resolved', 'S-1001', clock + 1_000);
    const first = await post('/v1/help-requests/updates', update);
    await t.hq.store.forgetUpstreamKeys(clock + 31 * 24 * HOUR);
    const replay = await post('/v1/help-requests/updates', update);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });
});

describe('GET /v1/stores/:store/help-requests', () => {
  it("is the store's requests of the last 12 hours from every pillar, newest first, with the pillar each came from", async () => {
    clock += 24 * HOUR;
    const older = await helpRequest(t.kioskToken, HOME, clock - 60_000);
    const viaAdmin = await helpRequest(t.adminToken, HOME, clock - 30_000);
    const secondPillar = await t.hq.issueKioskToken(HOME);
    const secondKiosk = ((await t.json('/v1/kiosk', { token: secondPillar })).body as { kioskId: string }).kioskId;
    const newest = await helpRequest(secondPillar, HOME, clock);
    await helpRequest(farToken, FAR_STORE);

    const { status, requests } = await queue();
    expect(status).toBe(200);
    expect(requests.map(({ id, kiosk, at, screen, status: state, by, changedAt }) => ({ id, kiosk, at, screen, state, by, changedAt }))).toEqual([
      { id: newest, kiosk: secondKiosk, at: clock, screen: 'checkout', state: 'open', by: null, changedAt: clock },
      { id: viaAdmin, kiosk: 'unknown', at: clock - 30_000, screen: 'checkout', state: 'open', by: null, changedAt: clock - 30_000 },
      { id: older, kiosk: kioskId, at: clock - 60_000, screen: 'checkout', state: 'open', by: null, changedAt: clock - 60_000 },
    ]);
    expect(new Set([kioskId, secondKiosk]).size).toBe(2);

    clock += 12 * HOUR + 1;
    expect((await queue()).requests).toEqual([]);
  });

  it('answers 304 to an unchanged queue and a new tag once it changes', async () => {
    await helpRequest();
    const first = await queue();
    expect(first.etag).toMatch(/^".+"$/);
    const again = await t.call(`/v1/stores/${HOME}/help-requests`, { headers: { 'If-None-Match': first.etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const requestId = first.requests[0]!.id;
    expect((await post('/v1/help-requests/updates', updateOf(requestId, 'acknowledged', 'S-1001', clock + 1_000))).status).toBe(201);
    const changed = await t.call(`/v1/stores/${HOME}/help-requests`, { headers: { 'If-None-Match': first.etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(first.etag);
    expect(HelpQueue.parse(await changed.json()).requests[0]).toMatchObject({ id: requestId, status: 'acknowledged', by: 'Alex S.' });
  });

  it("opens for the store's own pillars (and the admin) only; an unknown store is a 404", async () => {
    expect(refusal(await t.json(`/v1/stores/${FAR_STORE}/help-requests`), 403).code).toBe('FORBIDDEN');
    expect((await queue(t.adminToken, FAR_STORE)).status).toBe(200);
    expect(refusal(await t.json('/v1/stores/no-such-store/help-requests', { token: t.adminToken }), 404).code).toBe('NOT_FOUND');
  });
});
