import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { type CouponIssue, PoolAnswer, RedeemAnswer } from '../../shared/sync/coupons';
import type { Location, Offer } from '../../shared/sync/entities';
import { HqError } from '../../shared/sync/protocol';
import type { CouponPoolStats } from '../store/store';
import type { TestHq } from './testing';

/** Test support: offers, stores, tills and pillars as the coupon routes see them. */

/** A store in another time zone than the demo chain's (all Europe/Stockholm). */
export const ATHENS = 'gr-ath-ermou';
export const ATHENS_STORE: Location = {
  code: ATHENS,
  kind: 'store',
  name: 'NORRVIK Ermou',
  address: 'Ermou 25',
  postalCode: '105 63',
  city: 'Athens',
  country: 'GR',
  lat: 37.9763,
  lon: 23.7294,
  timeZone: 'Europe/Athens',
  phone: '+30 21 0000 0000',
  openingHours: [['10:00', '21:00'], ['10:00', '21:00'], ['10:00', '21:00'], ['10:00', '21:00'], ['10:00', '21:00'], ['10:00', '20:00'], null],
};

export const YEAR_2030 = { start: '2030-01-01T00:00:00', end: '2030-12-31T23:59:59' };

export function offerOf(id: string, kind: Offer['kind'], stores: string[], schedule: Offer['schedule'] = YEAR_2030, discount: Offer['discount'] = { percent: 10 }): Offer {
  return {
    id,
    kind,
    stores,
    schedule,
    texts: { en: { title: `Offer ${id}`, body: 'Ten per cent off.', terms: 'One per customer.' } },
    discount,
    ...(kind === 'check-in' ? { checkIn: { platform: 'instagram' as const, action: 'check-in' as const, url: 'https://norrvik.example/instagram' } } : {}),
  };
}

export type Sent = { status: number; headers: Headers; body: unknown };

export function coupons(t: TestHq) {
  /** Every code HQ handed out in these tests: none of them may appear in its log. */
  const seen = new Set<string>();
  const post = (path: string, body: unknown, token: string | null, headers: Record<string, string> = {}): Promise<Sent> =>
    t.json(path, { method: 'POST', token, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  return {
    seen,
    post,
    async putOffer(offer: Offer): Promise<void> {
      const put = await t.json(`/v1/offers/${offer.id}`, { method: 'PUT', token: t.adminToken, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(offer) });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    },
    async deleteOffer(id: string): Promise<void> {
      expect((await t.json(`/v1/offers/${id}`, { method: 'DELETE', token: t.adminToken })).status).toBe(200);
    },
    async pillar(store: string): Promise<string> {
      const sent = await post('/v1/kiosks', { store }, t.adminToken);
      return (sent.body as { token: string }).token;
    },
    async till(store: string): Promise<string> {
      const sent = await post('/v1/tills', { store, label: 'till 1' }, t.adminToken);
      expect(sent.status).toBe(201);
      return (sent.body as { token: string }).token;
    },
    /** A pool request as a pillar sends it; `id` to replay one. */
    async pool(token: string | null, store: string, offers: [offerId: string, want: number][], id: string = randomUUID()): Promise<Sent> {
      const sent = await post('/v1/coupons/pool', { id, store, offers: offers.map(([offerId, want]) => ({ offerId, have: 0, want })) }, token, { 'Idempotency-Key': id });
      const answer = PoolAnswer.safeParse(sent.body);
      if (answer.success) for (const { code } of answer.data.codes) seen.add(code);
      return sent;
    },
    /** The codes a pillar got, after checking the answer is a 200 `PoolAnswer`. */
    async codes(token: string, store: string, offers: [offerId: string, want: number][]): Promise<PoolAnswer['codes']> {
      const sent = await this.pool(token, store, offers);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      return PoolAnswer.parse(sent.body).codes;
    },
    issue(token: string | null, issue: CouponIssue): Promise<Sent> {
      return post('/v1/coupons/issued', issue, token, { 'Idempotency-Key': issue.id });
    },
    async redeem(token: string | null, code: string, store: string, transaction: string = randomUUID()): Promise<{ status: number; answer: RedeemAnswer }> {
      const sent = await post(`/v1/coupons/${encodeURIComponent(code)}/redeem`, { store, transaction }, token);
      return { status: sent.status, answer: RedeemAnswer.parse(sent.body) };
    },
    async pools(): Promise<Map<string, CouponPoolStats>> {
      const sent = await t.json('/v1/coupons/pools', { token: t.adminToken });
      expect(sent.status).toBe(200);
      return new Map((sent.body as { pools: CouponPoolStats[] }).pools.map((pool) => [pool.offerId, pool]));
    },
  };
}

export function refusal(sent: Sent, status: number): HqError['error'] {
  expect(sent.status, JSON.stringify(sent.body)).toBe(status);
  return HqError.parse(sent.body).error;
}
