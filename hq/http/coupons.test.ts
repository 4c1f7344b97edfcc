import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PoolAnswer, couponCodeChecks } from '../../shared/sync/coupons';
import { Receipt } from '../../shared/sync/upstream';
import { couponCodeOf } from '../store/couponCodes';
import { ATHENS, ATHENS_STORE, coupons, offerOf, refusal } from './couponFixtures';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

const POOL = 30;
let t: TestHq;
let c: ReturnType<typeof coupons>;
const clock = Date.UTC(2030, 5, 15, 10);
let farPillar: string;
let athensPillar: string;

beforeAll(async () => {
  t = await startTestHq({ now: () => clock, initialCouponPool: POOL });
  c = coupons(t);
  await t.hq.store.publishCatalog({ locations: [ATHENS_STORE] });
  await c.putOffer(offerOf('t-check-in', 'check-in', [HOME, ATHENS]));
  await c.putOffer(offerOf('t-today', 'today-only', []));
  await c.putOffer(offerOf('t-far', 'check-in', [FAR_STORE]));
  await c.putOffer(offerOf('t-ended', 'check-in', [HOME], { start: '2030-01-01T00:00:00', end: '2030-03-01T00:00:00' }));
  await c.putOffer(offerOf('t-later', 'today-only', [HOME], { start: '2030-09-01T00:00:00', end: '2030-09-30T20:00:00' }));
  await c.putOffer(offerOf('t-bundle', 'bundle', [HOME]));
  farPillar = await c.pillar(FAR_STORE);
  athensPillar = await c.pillar(ATHENS);
});
afterAll(() => t.close());

describe('minting', () => {
  it('a check-in or today-only offer gets its initial pool when it is put, once; a bundle none', async () => {
    const pools = await c.pools();
    for (const id of ['t-check-in', 't-today', 't-far', 't-ended', 't-later', 'demo-check-in-drottninggatan', 'demo-today-knitwear']) {
      expect(pools.get(id), id).toMatchObject({ minted: POOL, unassigned: POOL, assigned: 0, issued: 0, redeemed: 0, lowWater: 3, warnings: 0 });
    }
    expect(pools.get('t-bundle')).toMatchObject({ kind: 'bundle', minted: 0 });
    // Put again (changed or not): the pool stays as it is.
    await c.putOffer(offerOf('t-ended', 'check-in', [HOME], { start: '2030-01-01T00:00:00', end: '2030-03-02T00:00:00' }));
    expect((await c.pools()).get('t-ended')?.minted).toBe(POOL);
  });

  it('POST /v1/offers/:id/coupons mints more for the admin only, and refuses what it cannot', async () => {
    const more = await c.post('/v1/offers/t-later/coupons', { count: 5 }, t.adminToken);
    expect(more.status).toBe(201);
    expect(more.body).toEqual({ offerId: 't-later', minted: 5, total: POOL + 5, unassigned: POOL + 5 });

    expect(refusal(await c.post('/v1/offers/no-such-offer/coupons', { count: 5 }, t.adminToken), 404).code).toBe('NOT_FOUND');
    expect(refusal(await c.post('/v1/offers/t-bundle/coupons', { count: 5 }, t.adminToken), 422).issues?.[0]?.path).toBe('id');
    for (const count of [0, -1, 1.5, 100_001, '5']) expect(refusal(await c.post('/v1/offers/t-later/coupons', { count }, t.adminToken), 400).code).toBe('INVALID_INPUT');
    expect(refusal(await c.post('/v1/offers/t-later/coupons', { count: 5 }, t.kioskToken), 403).code).toBe('FORBIDDEN');
    expect((await c.pools()).get('t-later')?.minted).toBe(POOL + 5);
  });
});

describe('POST /v1/coupons/pool', () => {
  it("gives a pillar codes of the offers that run in its store and have not ended, valid until the offer's end there", async () => {
    const sent = await c.pool(t.kioskToken, HOME, [['t-check-in', 3], ['t-today', 2], ['t-far', 3], ['t-ended', 3], ['t-later', 1], ['t-bundle', 3], ['no-such-offer', 3]]);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('cache-control')).toBe('no-store');
    const { codes, short } = PoolAnswer.parse(sent.body);
    expect(short).toEqual([]);
    const byOffer = new Map<string, typeof codes>();
    for (const code of codes) byOffer.set(code.offerId, [...(byOffer.get(code.offerId) ?? []), code]);
    expect([...byOffer.keys()].sort()).toEqual(['t-check-in', 't-later', 't-today']);
    expect(byOffer.get('t-check-in')).toHaveLength(3);
    expect(byOffer.get('t-today')).toHaveLength(2);
    // 2030-12-31T23:59:59 in Stockholm (CET, +1); the September offer ends at 20:00 CEST (+2).
    for (const code of [...byOffer.get('t-check-in')!, ...byOffer.get('t-today')!]) expect(code.validUntil).toBe(Date.UTC(2030, 11, 31, 22, 59, 59));
    expect(byOffer.get('t-later')?.[0]?.validUntil).toBe(Date.UTC(2030, 8, 30, 18));
    for (const { code } of codes) expect(couponCodeChecks(code)).toBe(true);
    expect(new Set(codes.map(({ code }) => code)).size).toBe(codes.length);

    // Athens is on another clock: the same offer's end is an hour earlier there.
    const athens = await c.codes(athensPillar, ATHENS, [['t-check-in', 1]]);
    expect(athens[0]?.validUntil).toBe(Date.UTC(2030, 11, 31, 21, 59, 59));
    expect(codes.map(({ code }) => code)).not.toContain(athens[0]?.code);
  });

  it("another store's pillar gets none of this store's offers, and may not ask for this store", async () => {
    expect(await c.codes(farPillar, FAR_STORE, [['t-check-in', 5], ['demo-check-in-drottninggatan', 5]])).toEqual([]);
    const far = await c.codes(farPillar, FAR_STORE, [['t-far', 2]]);
    expect(far.map(({ offerId }) => offerId)).toEqual(['t-far', 't-far']);
    expect(await c.codes(t.kioskToken, HOME, [['t-far', 2]])).toEqual([]);
    expect(refusal(await c.pool(farPillar, HOME, [['t-check-in', 1]]), 403).code).toBe('FORBIDDEN');
  });

  it('a replay returns the same codes; the same id with another body, or from another pillar, is refused', async () => {
    const id = randomUUID();
    const first = await c.pool(t.kioskToken, HOME, [['t-today', 2]], id);
    expect(first.status).toBe(200);
    const before = (await c.pools()).get('t-today')!;
    const replay = await c.pool(t.kioskToken, HOME, [['t-today', 2]], id);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await c.pools()).get('t-today')?.assigned).toBe(before.assigned);

    expect(refusal(await c.pool(t.kioskToken, HOME, [['t-today', 3]], id), 422).code).toBe('IDEMPOTENCY_MISMATCH');
    const otherPillar = await c.pillar(HOME);
    expect(refusal(await c.pool(otherPillar, HOME, [['t-today', 2]], id), 422).code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('refuses malformed requests, repeated offers, the admin token, a till token and no token', async () => {
    const id = randomUUID();
    const bad = await c.post('/v1/coupons/pool', { id, store: HOME, offers: [{ offerId: 't-today', have: 0, want: 501 }] }, t.kioskToken, { 'Idempotency-Key': id });
    expect(refusal(bad, 400).issues?.map((issue) => issue.path)).toContain('offers.0.want');
    expect(refusal(await c.pool(t.kioskToken, HOME, []), 400).code).toBe('INVALID_INPUT');
    const twice = refusal(await c.pool(t.kioskToken, HOME, [['t-today', 1], ['t-today', 1]]), 400);
    expect(twice.issues).toEqual([{ path: 'offers.1.offerId', message: 'repeats offer "t-today"' }]);
    const noKey = await c.post('/v1/coupons/pool', { id, store: HOME, offers: [{ offerId: 't-today', have: 0, want: 1 }] }, t.kioskToken);
    expect(refusal(noKey, 400).issues?.map((issue) => issue.path)).toContain('idempotency-key');
    expect(refusal(await c.pool(t.adminToken, HOME, [['t-today', 1]]), 403).code).toBe('FORBIDDEN');
    expect(refusal(await c.pool(await c.till(HOME), HOME, [['t-today', 1]]), 403).code).toBe('FORBIDDEN');
    expect(refusal(await c.pool(null, HOME, [['t-today', 1]]), 401).code).toBe('UNAUTHORIZED');
  });

  it('a pool that cannot fill a request gives what it has, lists the offer as short, and warns HQ', async () => {
    await c.putOffer(offerOf('t-scarce', 'check-in', [HOME]));
    const first = await c.codes(t.kioskToken, HOME, [['t-scarce', 20]]);
    expect(first).toHaveLength(20);
    expect((await c.pools()).get('t-scarce')?.warnings).toBe(0);

    // 2 left of 30 is below the low-water mark of 3: HQ warns while it can still fill the request.
    const low = PoolAnswer.parse((await c.pool(t.kioskToken, HOME, [['t-scarce', 8]])).body);
    expect(low.codes).toHaveLength(8);
    expect(low.short).toEqual([]);

    const short = PoolAnswer.parse((await c.pool(t.kioskToken, HOME, [['t-scarce', 5], ['t-today', 1]])).body);
    expect(short.codes.filter(({ offerId }) => offerId === 't-scarce')).toHaveLength(2);
    expect(short.codes.filter(({ offerId }) => offerId === 't-today')).toHaveLength(1);
    expect(short.short).toEqual(['t-scarce']);
    const empty = PoolAnswer.parse((await c.pool(t.kioskToken, HOME, [['t-scarce', 1]])).body);
    expect(empty).toEqual({ codes: [], short: ['t-scarce'] });

    const pool = (await c.pools()).get('t-scarce')!;
    expect(pool).toMatchObject({ minted: POOL, unassigned: 0, assigned: POOL, warnings: 3 });
    expect(pool.recentWarnings.map(({ kind, wanted, given, unassigned }) => ({ kind, wanted, given, unassigned }))).toEqual([
      { kind: 'short', wanted: 1, given: 0, unassigned: 0 },
      { kind: 'short', wanted: 5, given: 2, unassigned: 0 },
      { kind: 'low', wanted: 8, given: 8, unassigned: 2 },
    ]);
    expect(pool.recentWarnings[0]).toMatchObject({ store: HOME, at: clock });
    const warnings = t.logs.map((line) => JSON.parse(line) as { level: number; offer?: string; msg: string }).filter((line) => line.level === 40 && line.offer === 't-scarce');
    expect(warnings.map((line) => line.msg)).toEqual([
      "an offer's coupon pool is running low",
      "an offer's coupon pool could not fill a pillar's request",
      "an offer's coupon pool could not fill a pillar's request",
    ]);

    // The admin mints more, and the pillar's next request is filled.
    expect((await c.post('/v1/offers/t-scarce/coupons', { count: 50 }, t.adminToken)).status).toBe(201);
    expect(await c.codes(t.kioskToken, HOME, [['t-scarce', 5]])).toHaveLength(5);
  });
});

describe('POST /v1/coupons/issued', () => {
  it("records a code of the pillar's own pool as issued, once; a replay gets the same receipt", async () => {
    const [code] = await c.codes(t.kioskToken, HOME, [['t-check-in', 1]]);
    const before = (await c.pools()).get('t-check-in')!.issued;
    const issue = { id: randomUUID(), store: HOME, offerId: 't-check-in', code: code!.code, issuedAt: clock, expiresAt: clock + 3_600_000 };
    const first = await c.issue(t.kioskToken, issue);
    expect(first.status).toBe(201);
    expect(Receipt.parse(first.body)).toEqual({ id: issue.id, receivedAt: clock });
    const replay = await c.issue(t.kioskToken, issue);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await c.pools()).get('t-check-in')!.issued).toBe(before + 1);

    // The same code handed out again under another id is the pillar's mistake: refused, not counted twice.
    const again = refusal(await c.issue(t.kioskToken, { ...issue, id: randomUUID() }), 422);
    expect(again.issues).toEqual([{ path: 'code', message: 'was already issued to a shopper (under another issue id)' }]);
  });

  it('refuses codes that are not in this pillar\'s pool, a wrong offer, an expiry before the issue, and another store', async () => {
    const [mine] = await c.codes(t.kioskToken, HOME, [['t-check-in', 1]]);
    const otherPillar = await c.pillar(HOME);
    const issue = (code: string, extra: object = {}) => ({ id: randomUUID(), store: HOME, offerId: 't-check-in', code, issuedAt: clock, expiresAt: clock + 3_600_000, ...extra });
    const cases: [string, object, string][] = [
      [otherPillar, issue(mine!.code), 'code'],
      [t.kioskToken, issue(couponCodeOf(123_456_789)), 'code'],
      [t.kioskToken, issue(mine!.code, { offerId: 't-today' }), 'offerId'],
      [t.kioskToken, issue(mine!.code, { expiresAt: clock }), 'expiresAt'],
    ];
    for (const [token, body, path] of cases) {
      const error = refusal(await t.json('/v1/coupons/issued', { method: 'POST', token, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': (body as { id: string }).id }, body: JSON.stringify(body) }), 422);
      expect(error.issues?.map((problem) => problem.path), path).toContain(path);
      expect(JSON.stringify(error)).not.toContain(mine!.code);
    }
    expect(refusal(await c.issue(farPillar, issue(mine!.code)), 403).code).toBe('FORBIDDEN');
    expect(refusal(await c.issue(t.kioskToken, issue('PLR-0000-000U-0')), 400).issues?.map((problem) => problem.path)).toContain('code');
    // A refusal frees the key: the corrected issue goes through under the same id.
    const fixed = issue(mine!.code);
    expect(refusal(await c.issue(t.kioskToken, { ...fixed, offerId: 't-today' }), 422).code).toBe('INVALID_INPUT');
    expect((await c.issue(t.kioskToken, fixed)).status).toBe(201);
  });
});

describe('GET /v1/coupons/pools', () => {
  it('is for the admin only', async () => {
    expect(refusal(await t.json('/v1/coupons/pools', { token: t.kioskToken }), 403).code).toBe('FORBIDDEN');
    expect(refusal(await t.json('/v1/coupons/pools', { token: null }), 401).code).toBe('UNAUTHORIZED');
  });
});

describe('logs', () => {
  it('name none of the codes handed out or refused, and no token', () => {
    const text = t.logs.join('');
    expect(c.seen.size).toBeGreaterThan(40);
    for (const secret of [...c.seen, t.kioskToken, farPillar, athensPillar]) expect(text).not.toContain(secret);
    expect(text).toContain('coupon issue received');
  });
});
