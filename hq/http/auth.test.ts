import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HqError } from '../../shared/sync/protocol';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

let t: TestHq;
const issuedTokens: string[] = [];
beforeAll(async () => {
  t = await startTestHq();
});
afterAll(() => t.close());

function errorOf(body: unknown): HqError['error'] {
  return HqError.parse(body).error;
}

describe('who may call what', () => {
  it('health answers anyone, with the head of the log', async () => {
    const { status, body } = await t.json('/v1/health', { token: null });
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, head: await t.hq.store.head() });
  });

  it('a kiosk route without a token is 401 UNAUTHORIZED with a Bearer challenge', async () => {
    const { status, headers, body } = await t.json(`/v1/stores/${HOME}/changes?after=0&limit=1`, { token: null });
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(errorOf(body).code).toBe('UNAUTHORIZED');
  });

  it('an unknown token, or another scheme, is 401', async () => {
    expect((await t.json(`/v1/stores/${HOME}/changes?after=0&limit=1`, { token: 'not-a-token-anyone-issued' })).status).toBe(401);
    const basic = await t.json(`/v1/stores/${HOME}/changes?after=0&limit=1`, { token: null, headers: { Authorization: `Basic ${t.kioskToken}` } });
    expect(basic.status).toBe(401);
  });

  it("a pillar's token opens its own store and is 403 FORBIDDEN for another store's region", async () => {
    expect((await t.call(`/v1/stores/${HOME}/changes?after=0&limit=1`)).status).toBe(200);
    for (const pathname of [`/v1/stores/${FAR_STORE}/changes?after=0&limit=1`, `/v1/stores/${FAR_STORE}/snapshot`, `/v1/stores/${FAR_STORE}/live?after=0`]) {
      const { status, body } = await t.json(pathname);
      expect(status, pathname).toBe(403);
      expect(errorOf(body).code).toBe('FORBIDDEN');
    }
  });

  it('the admin token reads any store', async () => {
    const { status, body } = await t.json(`/v1/stores/${FAR_STORE}/changes?after=0&limit=1`, { token: t.adminToken });
    expect(status).toBe(200);
    expect(body).toMatchObject({ store: FAR_STORE, after: 0 });
  });

  it("the admin token asking for a store HQ does not know gets 404, not someone else's region", async () => {
    const { status, body } = await t.json('/v1/stores/no-such-store/changes?after=0', { token: t.adminToken });
    expect(status).toBe(404);
    expect(errorOf(body).code).toBe('NOT_FOUND');
  });

  it('a pillar token on an admin route is 403', async () => {
    const stock = await t.json('/v1/stock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'sale', changes: [] }) });
    expect(stock.status).toBe(403);
    expect(errorOf(stock.body).code).toBe('FORBIDDEN');
    const kiosks = await t.json('/v1/kiosks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ store: HOME }) });
    expect(kiosks.status).toBe(403);
    const compact = await t.json('/v1/compact', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ keep: 0 }) });
    expect(compact.status).toBe(403);
  });

  it('the admin token issues pillar tokens that open their store', async () => {
    const issued = await t.json('/v1/kiosks', { token: t.adminToken, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ store: FAR_STORE }) });
    expect(issued.status).toBe(201);
    const { token } = issued.body as { token: string };
    issuedTokens.push(token);
    expect((await t.call(`/v1/stores/${FAR_STORE}/changes?after=0&limit=1`, { token })).status).toBe(200);
    expect((await t.call(`/v1/stores/${HOME}/changes?after=0&limit=1`, { token })).status).toBe(403);
  });

  it('issuing a token for an unknown store is a 400 that says so', async () => {
    const { status, body } = await t.json('/v1/kiosks', { token: t.adminToken, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ store: 'no-such-store' }) });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('INVALID_INPUT');
  });

  it('media need a token too, any pillar of the chain or the admin', async () => {
    expect((await t.call('/v1/media/demo/knitwear-0-navy.svg', { token: null })).status).toBe(401);
    expect((await t.call('/v1/media/demo/knitwear-0-navy.svg')).status).toBe(200);
    expect((await t.call('/v1/media/demo/knitwear-0-navy.svg', { token: t.adminToken })).status).toBe(200);
  });

  it('no token ever reaches the log', async () => {
    const all = t.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(t.kioskToken);
    expect(all).not.toContain(t.adminToken);
    expect(issuedTokens).not.toHaveLength(0);
    for (const token of issuedTokens) expect(all).not.toContain(token);
  });
});

describe('GET /v1/kiosk', () => {
  it("tells a pillar which store its token opens, and the admin token that it has none", async () => {
    const mine = await t.json('/v1/kiosk');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ store: HOME });
    expect((await t.json('/v1/kiosk', { token: t.adminToken })).status).toBe(403);
    expect((await t.json('/v1/kiosk', { token: null })).status).toBe(401);
  });
});
