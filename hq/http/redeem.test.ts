import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolAnswer } from '../../shared/sync/coupons';
import { couponCodeOf } from '../store/couponCodes';
import { ATHENS, ATHENS_STORE, coupons, offerOf, refusal } from './couponFixtures';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

const HOUR = 3_600_000;
const JUNE_15 = Date.UTC(2030, 5, 15, 10);
let clock = JUNE_15;
let t: TestHq;
let c: ReturnType<typeof coupons>;
let homeTill: string;
let farTill: string;
let athensTill: string;
let athensPillar: string;
/** Every code a test got or typed: none of them may appear in HQ's log. */
const seen = new Set<string>();

beforeAll(async () => {
  t = await startTestHq({ now: () => clock, initialCouponPool: 40 });
  c = coupons(t);
  await t.hq.store.publishCatalog({ locations: [ATHENS_STORE] });
  await c.putOffer(offerOf('t-check-in', 'check-in', [HOME, ATHENS], undefined, { percent: 15, minSpendMinor: 20_000, categories: ['knitwear'] }));
  await c.putOffer(offerOf('t-today', 'today-only', [], undefined, { amountMinor: 5_000 }));
  [homeTill, farTill, athensTill, athensPillar] = await Promise.all([c.till(HOME), c.till(FAR_STORE), c.till(ATHENS), c.pillar(ATHENS)]);
});
afterAll(() => t.close());

/** Codes of a HOME pillar's pool (t.kioskToken). */
async function homeCodes(offerId: string, count: number, token = t.kioskToken, store = HOME): Promise<PoolAnswer['codes']> {
  const codes = await c.codes(token, store, [[offerId, count]]);
  expect(codes).toHaveLength(count);
  for (const { code } of codes) seen.add(code);
  return codes;
}

describe('POST /v1/coupons/:code/redeem', () => {
  it('redeems a code once: the same transaction gets the same 200 again, another one 409 already-used', async () => {
    clock = JUNE_15;
    const [{ code }] = (await homeCodes('t-check-in', 1)) as [PoolAnswer['codes'][number]];
    const first = await c.redeem(homeTill, code, HOME, 'receipt-1001');
    expect(first).toEqual({
      status: 200,
      answer: { ok: true, code, offerId: 't-check-in', discount: { percent: 15, minSpendMinor: 20_000, categories: ['knitwear'] }, redeemedAt: clock, transaction: 'receipt-1001' },
    });
    clock += 60_000;
    expect(await c.redeem(homeTill, code, HOME, 'receipt-1001')).toEqual(first);
    const again = await c.redeem(homeTill, code, HOME, 'receipt-1002');
    expect(again.status).toBe(409);
    expect(again.answer).toMatchObject({ ok: false, code, reason: 'already-used' });
    expect(again.answer.ok === false && again.answer.message).toContain('2030-06-15 12:00 (Europe/Stockholm)');
    // The same transaction id at another store's till is another transaction.
    expect((await c.redeem(athensTill, code, ATHENS, 'receipt-1001')).status).toBe(409);
  });

  it('reads a typed code as the till means it, and tells a mistyped code (422) from one HQ never gave out (404)', async () => {
    clock = JUNE_15;
    const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    const typo = `${code.slice(0, 5)}${code[5] === '7' ? '8' : '7'}${code.slice(6)}`;
    seen.add(typo);
    const mistyped = await c.redeem(homeTill, typo, HOME);
    expect(mistyped.status).toBe(422);
    expect(mistyped.answer).toMatchObject({ ok: false, code: typo, reason: 'unknown' });
    expect(mistyped.answer.ok === false && mistyped.answer.message).toMatch(/mistyped/);
    const garbled = await c.redeem(homeTill, 'hello', HOME);
    expect(garbled).toMatchObject({ status: 422, answer: { ok: false, reason: 'unknown', code: 'hello' } });

    const neverMinted = couponCodeOf(777_777_777);
    expect(await c.redeem(homeTill, neverMinted, HOME)).toMatchObject({ status: 404, answer: { ok: false, reason: 'unknown' } });
    // Minted, but still in HQ's own pool: no shopper can hold it, so it is no better than a guess.
    const db = new Database(path.join(t.dataDir, 'hq.db'), { readonly: true });
    const unassigned = db.prepare("SELECT code FROM coupons WHERE kiosk_id IS NULL AND offer_id = 't-today' LIMIT 1").pluck().get() as string;
    db.close();
    seen.add(unassigned);
    expect(await c.redeem(homeTill, unassigned, HOME)).toMatchObject({ status: 404, answer: { ok: false, reason: 'unknown' } });

    const typed = code.toLowerCase().replaceAll('-', ' ').replace(/0/g, 'o');
    expect(await c.redeem(homeTill, typed, HOME)).toMatchObject({ status: 200, answer: { ok: true, code, discount: { amountMinor: 5_000 } } });
  });

  it("is 403 wrong-store where the code's offer does not run", async () => {
    clock = JUNE_15;
    const [{ code }] = (await homeCodes('t-check-in', 1)) as [PoolAnswer['codes'][number]];
    const elsewhere = await c.redeem(farTill, code, FAR_STORE);
    expect(elsewhere).toMatchObject({ status: 403, answer: { ok: false, code, reason: 'wrong-store' } });
    // A code of a chain-wide offer is good in any store, whichever pillar gave it out.
    const [today] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    expect((await c.redeem(farTill, today.code, FAR_STORE)).status).toBe(200);
  });

  it('a code whose issue HQ has not heard of yet (the pillar was offline) is redeemable, and the late issue is still taken', async () => {
    clock = JUNE_15;
    const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    const before = (await c.pools()).get('t-today')!;
    expect((await c.redeem(homeTill, code, HOME)).status).toBe(200);
    expect((await c.pools()).get('t-today')).toMatchObject({ issued: before.issued + 1, redeemed: before.redeemed + 1 });
    const late = await c.issue(t.kioskToken, { id: randomUUID(), store: HOME, offerId: 't-today', code, issuedAt: clock - HOUR, expiresAt: clock + HOUR });
    expect(late.status).toBe(201);
    expect((await c.pools()).get('t-today')).toMatchObject({ issued: before.issued + 1, redeemed: before.redeemed + 1 });
  });

  it("is 410 expired after the issue's expiry, 410 offer-ended once the offer ends or is withdrawn", async () => {
    clock = JUNE_15;
    const [a, b] = (await homeCodes('t-check-in', 2)) as [PoolAnswer['codes'][number], PoolAnswer['codes'][number]];
    for (const { code } of [a, b]) {
      expect((await c.issue(t.kioskToken, { id: randomUUID(), store: HOME, offerId: 't-check-in', code, issuedAt: clock, expiresAt: clock + 2 * HOUR })).status).toBe(201);
    }
    clock = JUNE_15 + 2 * HOUR - 1;
    expect((await c.redeem(homeTill, a.code, HOME)).status).toBe(200);
    clock = JUNE_15 + 2 * HOUR;
    const expired = await c.redeem(homeTill, b.code, HOME);
    expect(expired).toMatchObject({ status: 410, answer: { ok: false, reason: 'expired' } });
    expect(expired.answer.ok === false && expired.answer.message).toContain('2030-06-15 14:00 (Europe/Stockholm)');

    clock = JUNE_15;
    await c.putOffer(offerOf('t-short-lived', 'today-only', [HOME]));
    const [x, y] = (await homeCodes('t-short-lived', 2)) as [PoolAnswer['codes'][number], PoolAnswer['codes'][number]];
    // The offer is cut short after its codes went out: they end with it.
    await c.putOffer(offerOf('t-short-lived', 'today-only', [HOME], { start: '2030-01-01T00:00:00', end: '2030-06-15T11:00:00' }));
    clock = Date.UTC(2030, 5, 15, 9);
    expect(await c.redeem(homeTill, x.code, HOME)).toMatchObject({ status: 410, answer: { ok: false, reason: 'offer-ended' } });
    await c.deleteOffer('t-short-lived');
    clock = JUNE_15;
    expect(await c.redeem(homeTill, y.code, HOME)).toMatchObject({ status: 410, answer: { ok: false, reason: 'offer-ended' } });
    expect((await c.pools()).get('t-short-lived')).toMatchObject({ kind: null, minted: 40, redeemed: 0 });
  });

  it("expires on each store's own clock: the same offer ends an hour earlier in Athens than in Stockholm", async () => {
    clock = JUNE_15;
    await c.putOffer(offerOf('t-midsummer', 'today-only', [], { start: '2030-06-01T00:00:00', end: '2030-06-30T23:00:00' }));
    const athensCodes = await homeCodes('t-midsummer', 2, athensPillar, ATHENS);
    const [s1, s2] = (await homeCodes('t-midsummer', 2)) as [PoolAnswer['codes'][number], PoolAnswer['codes'][number]];
    // 23:00 in Athens (EEST, +3) and in Stockholm (CEST, +2).
    expect(athensCodes.map(({ validUntil }) => validUntil)).toEqual([Date.UTC(2030, 5, 30, 20), Date.UTC(2030, 5, 30, 20)]);
    expect(s1.validUntil).toBe(Date.UTC(2030, 5, 30, 21));

    clock = Date.UTC(2030, 5, 30, 20, 30);
    // 23:30 in Athens: over there. 22:30 in Stockholm: still on, but the Athens pillar's code was valid until 23:00 Athens time.
    expect(await c.redeem(athensTill, athensCodes[0]!.code, ATHENS)).toMatchObject({ status: 410, answer: { reason: 'offer-ended' } });
    const travelled = await c.redeem(homeTill, athensCodes[1]!.code, HOME);
    expect(travelled).toMatchObject({ status: 410, answer: { reason: 'expired' } });
    expect(travelled.answer.ok === false && travelled.answer.message).toContain('2030-06-30 22:00 (Europe/Stockholm)');
    expect((await c.redeem(homeTill, s1.code, HOME)).status).toBe(200);
    clock = Date.UTC(2030, 5, 30, 21);
    expect(await c.redeem(homeTill, s2.code, HOME)).toMatchObject({ status: 410, answer: { reason: 'offer-ended' } });
  });

  it('needs a till token of the store it redeems for (or the admin token)', async () => {
    clock = JUNE_15;
    const [a, b] = (await homeCodes('t-today', 2)) as [PoolAnswer['codes'][number], PoolAnswer['codes'][number]];
    const body = JSON.stringify({ store: HOME, transaction: 'r-1' });
    const post = (token: string | null, code = a.code) => t.json(`/v1/coupons/${code}/redeem`, { method: 'POST', token, headers: { 'Content-Type': 'application/json' }, body });
    expect(refusal(await post(null), 401).code).toBe('UNAUTHORIZED');
    expect(refusal(await post('not-a-token-at-all-0123'), 401).code).toBe('UNAUTHORIZED');
    expect(refusal(await post(t.kioskToken), 403).code).toBe('FORBIDDEN');
    expect(refusal(await post(farTill), 403).code).toBe('FORBIDDEN');
    // A till token opens nothing but redemption.
    expect(refusal(await t.json(`/v1/stores/${HOME}/changes?after=0`, { token: homeTill }), 403).code).toBe('FORBIDDEN');
    expect(refusal(await t.json('/v1/coupons/pools', { token: homeTill }), 403).code).toBe('FORBIDDEN');
    for (const bad of [{ store: HOME }, { store: HOME, transaction: '' }, { store: HOME, transaction: 'x'.repeat(65) }, { transaction: 'r-1' }]) {
      const sent = await t.json(`/v1/coupons/${a.code}/redeem`, { method: 'POST', token: homeTill, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(bad) });
      expect(refusal(sent, 400).code).toBe('INVALID_INPUT');
    }
    expect(refusal(await post(homeTill, 'x'.repeat(65)), 400).code).toBe('INVALID_INPUT');
    expect((await post(homeTill)).status).toBe(200);
    expect((await post(t.adminToken, b.code)).status).toBe(200);
  });
});

describe('redeeming at the same moment', () => {
  it('two tills redeeming one code at once: exactly one succeeds, the other hears already-used', async () => {
    clock = JUNE_15;
    const secondTill = await c.till(HOME);
    for (let round = 0; round < 5; round++) {
      const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
      const answers = await Promise.all([c.redeem(homeTill, code, HOME, `till-1-${round}`), c.redeem(secondTill, code, HOME, `till-2-${round}`)]);
      expect(answers.map(({ status }) => status).sort()).toEqual([200, 409]);
      expect(answers.filter(({ answer }) => answer.ok)).toHaveLength(1);
      expect(answers.find(({ answer }) => !answer.ok)?.answer).toMatchObject({ reason: 'already-used' });
    }
    const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    const many = await Promise.all(Array.from({ length: 8 }, (_, n) => c.redeem(n % 2 === 0 ? homeTill : secondTill, code, HOME, `rush-${n}`)));
    expect(many.filter(({ status }) => status === 200)).toHaveLength(1);
    expect(many.filter(({ status }) => status === 409)).toHaveLength(7);
  });

  it('one transaction sent several times at once gets one redemption and the same answer every time', async () => {
    clock = JUNE_15;
    const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    const answers = await Promise.all(Array.from({ length: 4 }, () => c.redeem(homeTill, code, HOME, 'receipt-2001')));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 200, answer: { ok: true, transaction: 'receipt-2001' } });
  });
});

describe('logs', () => {
  it('name no code, only its last two characters, and no token: not even for a till calling the wrong route', async () => {
    const [{ code }] = (await homeCodes('t-today', 1)) as [PoolAnswer['codes'][number]];
    expect((await t.json(`/v1/coupons/${code}/redeem`, { token: homeTill })).status).toBe(404);
    expect((await t.json(`/v1/coupons/${code}`, { method: 'POST', token: homeTill })).status).toBe(404);
    const text = t.logs.join('');
    expect(seen.size).toBeGreaterThan(20);
    for (const secret of [...seen, ...c.seen, homeTill, farTill, athensTill, athensPillar]) expect(text).not.toContain(secret);
    const redeemed = t.logs.map((line) => JSON.parse(line) as { msg: string; code?: string }).filter((line) => line.msg === 'coupon redeemed');
    expect(redeemed.length).toBeGreaterThan(5);
    for (const line of redeemed) expect(line.code).toMatch(/^…[0-9A-Z*~$=]{2}$/);
    expect(text).toContain('"url":"/v1/coupons/:code/redeem"');
    expect(text).toContain('"url":"/v1/coupons/[code]/redeem"');
  });
});
