import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Offer, Settings } from '../../shared/sync/entities';
import { ChangeBatch, HqError, type StockUpdateResult } from '../../shared/sync/protocol';
import { HOME, startTestHq, type TestHq } from './testing';

let t: TestHq;
let sku: string;
beforeAll(async () => {
  t = await startTestHq();
  const state = await t.hq.store.regionState((await t.hq.store.region(HOME))!);
  sku = state.stock.find(([, at, quantity]) => at === HOME && quantity >= 5)![0];
});
afterAll(() => t.close());

const OFFER = {
  id: 'check-in-autumn',
  kind: 'check-in',
  stores: [HOME],
  schedule: { start: '2026-11-01T00:00:00', end: '2026-11-30T23:59:59' },
  texts: { en: { title: 'Check in, save 10%', body: 'Check in at NORRVIK Drottninggatan and save 10% today.', terms: 'One per visit.' } },
  discount: { percent: 10 },
  checkIn: { platform: 'facebook', action: 'check-in', url: 'https://www.facebook.com/norrvik' },
} satisfies Offer;

const SETTINGS = {
  shipping: { freeWhenMissingInStore: true, feeMinor: 4900, freeAboveMinor: 50_000, currency: 'SEK', byCountry: {} },
  delivery: { warehouseLeadDays: 1, cutoff: '14:00', carrierDays: { min: 1, max: 3 }, peaks: [], holidays: {} },
  holds: { hours: 48 },
  returns: { days: 30, free: true, inStore: true, byPost: true },
      checkout: { confirmationResetSeconds: 60 },
      staff: { accounts: [], idleSeconds: 120 },
} satisfies Settings;

/** An admin request with a JSON body (or any text, sent as is). */
function admin(method: string, pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return t.json(pathname, {
    token: t.adminToken,
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A refusal: a 4xx (never a 500) with an `HqError` body that gives a reason. */
function refusal(response: { status: number; body: unknown }, status: number): HqError['error'] {
  expect(response.status).toBe(status);
  const { error } = HqError.parse(response.body);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}

/** A raw GET, for paths fetch would normalise before sending (`..`). */
function rawGet(pathname: string, token: string): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: pathname, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('bad input gets a 4xx with a reason, never a 500', () => {
  it('malformed JSON', async () => {
    expect(refusal(await admin('POST', '/v1/stock', '{"reason": "sale", "changes": ['), 400).message).toMatch(/not valid JSON/);
  });

  it('a body that is not JSON, or none at all', async () => {
    refusal(await admin('POST', '/v1/stock', 'reason=sale', { 'Content-Type': 'text/plain' }), 415);
    refusal(await admin('POST', '/v1/stock', ''), 400);
  });

  it('a negative quantity, naming the field', async () => {
    const error = refusal(await admin('POST', '/v1/stock', { reason: 'count', changes: [{ sku, location: HOME, quantity: -1 }] }), 400);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toContainEqual({ path: 'changes.0.quantity', message: 'must not be negative' });
  });

  it('an unknown SKU, and nothing of the update applies', async () => {
    const head = await t.hq.store.head();
    const error = refusal(
      await admin('POST', '/v1/stock', { reason: 'delivery', changes: [{ sku, location: HOME, delta: 1 }, { sku: 'NO-SUCH-SKU', location: HOME, delta: 1 }] }),
      400,
    );
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(await t.hq.store.head()).toBe(head);
  });

  it('limit=0, after=-1, a cursor that is no number, no cursor, an unknown feed', async () => {
    const cases: [string, string][] = [
      ['limit=0&after=0', 'limit'],
      ['after=-1', 'after'],
      ['after=ten', 'after'],
      ['limit=10', 'after'],
      ['after=0&feeds=stock,gossip', 'feeds.1'],
    ];
    for (const [query, field] of cases) {
      const error = refusal(await t.json(`/v1/stores/${HOME}/changes?${query}`), 400);
      expect(error.issues?.map((issue) => issue.path), query).toContain(field);
    }
  });

  it('a huge body is 413', async () => {
    const huge = { ...SETTINGS, padding: 'x'.repeat(2 * 1024 * 1024) };
    expect(refusal(await admin('PUT', '/v1/settings', huge), 413).message).toMatch(/too large/);
  });

  it('a media path that climbs out of the media folder', async () => {
    for (const pathname of ['/v1/media/%2e%2e/admin-token', '/v1/media/demo/..%2F..%2Fadmin-token', '/v1/media/demo/../../admin-token.svg', '/v1/media/%2Fetc%2Fpasswd.png']) {
      const response = await rawGet(pathname, t.kioskToken);
      expect(response.status, pathname).toBe(400);
      expect(HqError.parse(response.body).error.code).toBe('INVALID_INPUT');
    }
  });

  it('an unknown route is a 404 in the same shape', async () => {
    expect(refusal(await t.json('/v1/nothing-here'), 404).code).toBe('NOT_FOUND');
    expect(refusal(await t.json('/v1/stock', { token: t.adminToken }), 404).code).toBe('NOT_FOUND');
  });

  it('an offer that rewards a like is refused by the schema, saying why', async () => {
    const likeGated = { ...OFFER, checkIn: { ...OFFER.checkIn, action: 'like' } };
    const error = refusal(await admin('PUT', `/v1/offers/${OFFER.id}`, likeGated), 400);
    expect(error.issues).toContainEqual({ path: 'checkIn.action', message: expect.stringMatching(/never a like/) });
  });

  it('an offer whose id differs from the address', async () => {
    const error = refusal(await admin('PUT', '/v1/offers/another-id', OFFER), 400);
    expect(error.issues?.[0]?.path).toBe('id');
  });

  it('a bad Idempotency-Key', async () => {
    const error = refusal(await admin('POST', '/v1/stock', { reason: 'sale', changes: [{ sku, location: HOME, delta: -1 }] }, { 'Idempotency-Key': 'x'.repeat(201) }), 400);
    expect(error.issues?.[0]?.path).toBe('idempotency-key');
  });
});

describe('publishing', () => {
  it('offers and settings reach the feeds; deleting an offer does too', async () => {
    const head = await t.hq.store.head();
    expect((await admin('PUT', `/v1/offers/${OFFER.id}`, OFFER)).status).toBe(200);
    expect((await admin('PUT', '/v1/settings', SETTINGS)).status).toBe(200);
    expect((await t.json(`/v1/offers/${OFFER.id}`, { token: t.adminToken, method: 'DELETE' })).status).toBe(200);

    const { body } = await t.json(`/v1/stores/${HOME}/changes?after=${head}&feeds=offers,settings`);
    expect(ChangeBatch.parse(body).changes.map((change) => change.type)).toEqual(['offer.upsert', 'settings', 'offer.delete']);
  });
});

describe('settings from before holidays and per-country shipping', () => {
  it('are still accepted, and published with those fields empty and the default confirmation reset', async () => {
    const head = await t.hq.store.head();
    const { shipping, delivery, holds, returns } = SETTINGS;
    const older = { shipping: { ...shipping, byCountry: undefined }, delivery: { ...delivery, holidays: undefined }, holds, returns };
    expect((await admin('PUT', '/v1/settings', { ...older, returns: { ...returns, days: 60 } })).status).toBe(200);

    const { body } = await t.json(`/v1/stores/${HOME}/changes?after=${head}&feeds=settings`);
    const [change] = ChangeBatch.parse(body).changes;
    expect(change).toMatchObject({ type: 'settings', settings: { shipping: { byCountry: {} }, delivery: { holidays: {} }, checkout: { confirmationResetSeconds: 60 }, returns: { days: 60 } } });
  });
});

describe('idempotent stock updates', () => {
  it('a till retrying a sale with the same key sells once and gets the first answer', async () => {
    const sale = { reason: 'sale', changes: [{ sku, location: HOME, delta: -1 }] };
    const first = await admin('POST', '/v1/stock', sale, { 'Idempotency-Key': 'till-7-receipt-1001' });
    expect(first.status).toBe(200);
    const head = await t.hq.store.head();

    const replay = await admin('POST', '/v1/stock', sale, { 'Idempotency-Key': 'till-7-receipt-1001' });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(await t.hq.store.head()).toBe(head);
    expect((replay.body as StockUpdateResult).cursor).toBe(head);
  });

  it('the same key with another payload is 409 CONFLICT', async () => {
    await admin('POST', '/v1/stock', { reason: 'sale', changes: [{ sku, location: HOME, delta: -1 }] }, { 'Idempotency-Key': 'till-7-receipt-1002' });
    const other = await admin('POST', '/v1/stock', { reason: 'sale', changes: [{ sku, location: HOME, delta: -2 }] }, { 'Idempotency-Key': 'till-7-receipt-1002' });
    expect(refusal(other, 409).code).toBe('CONFLICT');
  });
});

describe('media', () => {
  it('serves a demo drawing no file stands for, cacheable for good, with an ETag that answers 304', async () => {
    const response = await t.call('/v1/media/demo/knitwear-0-navy.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toMatch(/^<svg /);
    const etag = response.headers.get('etag')!;
    expect((await t.call('/v1/media/demo/knitwear-0-navy.svg', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('serves a file from the media folder, and 404s a path that is neither', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await mkdir(path.join(t.dataDir, 'media', 'products'), { recursive: true });
    await writeFile(path.join(t.dataDir, 'media', 'products', 'jacket-1.png'), png);
    const response = await t.call('/v1/media/products/jacket-1.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);

    expect(refusal(await t.json('/v1/media/products/missing.png'), 404).code).toBe('NOT_FOUND');
    expect(refusal(await t.json('/v1/media/demo/knitwear-0-no-such-colour.svg'), 404).code).toBe('NOT_FOUND');
    refusal(await t.json('/v1/media/products/notes.txt'), 400);
  });
});
