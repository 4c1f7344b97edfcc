/**
 * Pool top-ups against a stand-in for HQ on loopback (real HTTP) that answers as HQ does: the same codes
 * again for a replayed key. The real HQ is exercised in integration/coupons.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PoolAnswer, PoolCode, PoolRequest } from '../../../shared/sync/coupons';
import { demoCacheTemplate } from '../orders/testing';
import { UpstreamClient } from '../outbox/client';
import { capturingLogger } from '../testing/fixtures';
import { PoolTopUp } from './pool';
import { couponsFixture, hqStandIn, testCode, testOffer, type CouponsFixture, type SeenRequest, type StandInReply } from './testing';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const ALL_YEAR = { start: '2026-01-01T00:00:00', end: '2027-01-01T00:00:00' };
const YEAR_END = Date.parse('2026-12-31T23:00:00Z');

let template: { file: string; cleanup: () => void };
let f: CouponsFixture;
let hq: Awaited<ReturnType<typeof hqStandIn>> | null = null;
let pool: PoolTopUp | null = null;
let log: ReturnType<typeof capturingLogger>;
/** What the stand-in handed out per key: a replay gets these again. */
let answered: Map<string, PoolAnswer>;

beforeAll(() => {
  template = demoCacheTemplate();
}, 60_000);
afterAll(() => template.cleanup());
beforeEach(() => {
  f = couponsFixture(template.file, { now: NOW });
  f.putOffer(testOffer('check-in', 'check-in', ALL_YEAR));
  log = capturingLogger();
  answered = new Map();
});
afterEach(async () => {
  await pool?.close();
  pool = null;
  await hq?.close();
  hq = null;
  f.close();
});

/** HQ's answer to a pool request: `want` codes per offer (or what `short` leaves), the same ones for a replayed key. */
function poolAnswer(request: SeenRequest, short: readonly string[] = []): PoolAnswer {
  const known = answered.get(request.key);
  if (known) return known;
  const body = JSON.parse(request.body) as PoolRequest;
  const codes: PoolCode[] = body.offers.flatMap(({ offerId, want }) =>
    Array.from({ length: short.includes(offerId) ? Math.min(2, want) : want }, () => ({ offerId, code: testCode(), validUntil: YEAR_END })),
  );
  const answer = { codes, short: body.offers.map((o) => o.offerId).filter((id) => short.includes(id)) };
  answered.set(request.key, answer);
  return answer;
}

async function start(reply: (request: SeenRequest, nth: number) => StandInReply): Promise<PoolTopUp> {
  hq = await hqStandIn(reply);
  pool = new PoolTopUp({
    store: f.coupons.store,
    client: new UpstreamClient({ url: hq.url, token: 'pillar-token-0123456789', timeoutMs: 5_000 }),
    context: () => f.context,
    log: log.log,
    timing: { baseMs: 5, maxMs: 20 },
    now: () => f.clock.now,
  });
  return pool;
}

const free = (offerId: string): number => f.coupons.store.freeCounts(f.context.storeCode, f.clock.now).get(offerId) ?? 0;
const codesInPool = (): string[] => (f.local.prepare('SELECT code FROM coupon_pool ORDER BY code').pluck().all() as string[]);

describe('topping up the pool from HQ', { timeout: 30_000 }, () => {
  it('asks for each offer below the low-water mark, under the body’s id as Idempotency-Key, and keeps the codes', async () => {
    f.putOffer(testOffer('deal', 'today-only', ALL_YEAR));
    f.putOffer(testOffer('bundle', 'bundle', ALL_YEAR));
    f.putOffer(testOffer('elsewhere', 'check-in', ALL_YEAR, { stores: ['se-got-avenyn'] }));
    f.assign('deal', 25, YEAR_END);
    const topUp = await start((request) => ({ status: 200, body: poolAnswer(request) }));
    topUp.request();
    await topUp.settled();

    expect(hq!.seen).toHaveLength(1);
    const sent = hq!.seen[0]!;
    const body = JSON.parse(sent.body) as PoolRequest;
    expect(sent.path).toBe('/v1/coupons/pool');
    expect(sent.key).toBe(body.id);
    // The deal has 25, above the mark: only the check-in offer, filled up to 100.
    expect(body).toEqual({ id: body.id, store: f.context.storeCode, offers: [{ offerId: 'check-in', have: 0, want: 100 }] });
    expect(free('check-in')).toBe(100);
    expect(f.coupons.store.pendingRequest()).toBeUndefined();

    // Full enough now: asking again sends nothing.
    topUp.request();
    await topUp.settled();
    expect(hq!.seen).toHaveLength(1);
  });

  it('replays a request whose answer was lost with the same key and body, and keeps the codes HQ gave once', async () => {
    const topUp = await start((request, nth) => {
      poolAnswer(request); // HQ assigns the codes...
      return nth < 2 ? 'reset' : { status: 200, body: poolAnswer(request) }; // ...and the answer is lost twice
    });
    topUp.request();
    await topUp.settled();

    expect(hq!.seen).toHaveLength(3);
    expect(new Set(hq!.seen.map((s) => `${s.key} ${s.body}`)).size).toBe(1);
    const given = answered.get(hq!.seen[0]!.key)!.codes.map((c) => c.code).sort();
    expect(codesInPool()).toEqual(given);
  });

  it('after a restart, first replays the request still waiting in local.db, then asks afresh for what is still low', async () => {
    // A request sent before a crash, its answer never stored.
    const id = randomUUID();
    f.coupons.store.saveRequest({ id, store: f.context.storeCode, offers: [{ offerId: 'check-in', have: 0, want: 10 }] }, NOW);
    const topUp = await start((request) => ({ status: 200, body: poolAnswer(request) }));
    topUp.request();
    await topUp.settled();

    expect(hq!.seen.map((s) => s.key)[0]).toBe(id);
    expect(hq!.seen).toHaveLength(2);
    expect(JSON.parse(hq!.seen[1]!.body)).toMatchObject({ offers: [{ offerId: 'check-in', have: 10, want: 90 }] });
    expect(free('check-in')).toBe(100);
  });

  it('a claim that leaves an offer below the mark asks for more', async () => {
    f.assign('check-in', 20, YEAR_END);
    const topUp = await start((request) => ({ status: 200, body: poolAnswer(request) }));
    topUp.request();
    await topUp.settled();
    expect(hq!.seen).toHaveLength(0);

    expect(f.coupons.claim({ offerId: 'check-in', session: randomUUID(), lang: 'en' }).state).toBe('issued');
    expect(f.low).toEqual(['check-in']);
    topUp.request(); // what the kiosk's onLow does
    await topUp.settled();
    expect(JSON.parse(hq!.seen[0]!.body)).toMatchObject({ offers: [{ offerId: 'check-in', have: 19, want: 81 }] });
    expect(free('check-in')).toBe(100);
  });

  it('HQ short of codes is a warning naming the offer, never a code; a refusal drops the request without retrying', async () => {
    const topUp = await start((request, nth) =>
      hq!.seen.length === 1 && nth === 0 ? { status: 200, body: poolAnswer(request, ['check-in']) } : { status: 422, body: { error: { code: 'INVALID_INPUT', message: 'no such store' } } },
    );
    topUp.request();
    await topUp.settled();
    expect(free('check-in')).toBe(2);
    const short = log.lines().find((line) => String(line['msg']).includes('could not fill'));
    expect(short).toMatchObject({ level: 40, offers: ['check-in'] });

    topUp.request();
    await topUp.settled();
    expect(hq!.seen).toHaveLength(2);
    expect(f.coupons.store.pendingRequest()).toBeUndefined();
    expect(log.text()).toMatch(/HQ refused the pool request: HQ answered 422 INVALID_INPUT/);
    for (const code of codesInPool()) expect(log.text()).not.toContain(code);
  });

  it('drops free codes of offers deleted or ended, and codes past their validity; issued codes stay', async () => {
    f.putOffer(testOffer('gone', 'check-in', ALL_YEAR));
    f.putOffer(testOffer('ending', 'check-in', { start: '2026-01-01T00:00:00', end: '2026-11-24T00:00:00' }));
    f.assign('gone', 25, YEAR_END);
    f.assign('ending', 25, YEAR_END);
    f.assign('check-in', 24, YEAR_END);
    f.assign('check-in', 1, NOW + 60_000);
    const session = randomUUID();
    const issued = f.coupons.claim({ offerId: 'gone', session, lang: 'en' });
    f.deleteOffer('gone');
    f.clock.now = Date.parse('2026-11-23T23:30:00Z'); // 00:30 on the 24th in Stockholm: 'ending' has ended
    const topUp = await start((request) => ({ status: 200, body: poolAnswer(request) }));
    topUp.request();
    await topUp.settled();

    expect(free('gone')).toBe(0);
    expect(free('ending')).toBe(0);
    expect(f.local.prepare("SELECT count(*) FROM coupon_pool WHERE offer_id = 'ending'").pluck().get()).toBe(0);
    expect(f.local.prepare("SELECT count(*) FROM coupon_pool WHERE offer_id = 'check-in'").pluck().get()).toBe(24);
    expect(issued.state === 'issued' && f.coupons.store.issuedTo(session, 'gone')?.code).toBe(issued.state === 'issued' && issued.coupon.code);
    expect(hq!.seen).toHaveLength(0);
  });

  it('retries while HQ is unreachable and stops cleanly on close, keeping the request for the next start', async () => {
    const topUp = await start(() => ({ status: 503, body: { error: { code: 'UNAVAILABLE', message: 'down' } } }));
    topUp.request();
    while (hq!.seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await topUp.close();
    pool = null;
    const waiting = f.coupons.store.pendingRequest();
    expect(waiting?.id).toBe(hq!.seen[0]!.key);
    expect(new Set(hq!.seen.map((s) => s.key)).size).toBe(1);
  });
});
