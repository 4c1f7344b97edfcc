import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CouponIssue } from '../../../shared/sync/coupons';
import { KioskError } from '../api/errors';
import { LOCAL_MIGRATIONS } from '../db/localSchema';
import { migrate } from '../db/migrate';
import { openLocal } from '../db/open';
import { demoCacheTemplate } from '../orders/testing';
import { scrub } from '../outbox/outbox';
import { OutboxStore } from '../outbox/store';
import { tempDir } from '../testing/fixtures';
import { Coupons, withCouponIssues } from './coupons';
import { couponsFixture, testOffer, type CouponsFixture } from './testing';

// Monday 23 November 2026, 11:00 in Stockholm.
const NOW = Date.parse('2026-11-23T10:00:00Z');
const ALL_YEAR = { start: '2026-01-01T00:00:00', end: '2027-01-01T00:00:00' };
const YEAR_END = Date.parse('2026-12-31T23:00:00Z');

let template: { file: string; cleanup: () => void };
let f: CouponsFixture;
const session = randomUUID();

beforeAll(() => {
  template = demoCacheTemplate();
}, 60_000);
afterAll(() => template.cleanup());
beforeEach(() => {
  f = couponsFixture(template.file, { now: NOW });
  f.putOffer(testOffer('check-in', 'check-in', ALL_YEAR));
});
afterEach(() => f.close());

const claim = (offerId: string, who = session, lang: 'en' | 'sv' = 'en') => f.coupons.claim({ offerId, session: who, lang });
const outboxRows = () => f.local.prepare('SELECT id, kind, payload, state FROM outbox ORDER BY rowid').all() as { id: string; kind: string; payload: string; state: string }[];

describe('claiming a code at the pillar', () => {
  it('hands out the longest-held free code, marked issued for the session together with its outbox row for HQ', () => {
    const [first] = f.assign('check-in', 3, YEAR_END);
    const answer = claim('check-in');
    expect(answer).toEqual({
      state: 'issued',
      coupon: { offerId: 'check-in', code: first!.code, title: 'Offer check-in', terms: 'One per customer.', expiresAt: Date.parse('2026-11-23T23:00:00Z'), percent: 10 },
    });
    const row = f.local.prepare('SELECT session, issued_at, expires_at FROM coupon_pool WHERE code = ?').get(first!.code);
    expect(row).toEqual({ session, issued_at: NOW, expires_at: Date.parse('2026-11-23T23:00:00Z') });

    const [queued] = outboxRows();
    expect(queued).toMatchObject({ kind: 'coupon-issue', state: 'pending' });
    expect(CouponIssue.parse(JSON.parse(queued!.payload))).toEqual({
      id: queued!.id,
      store: f.context.storeCode,
      offerId: 'check-in',
      code: first!.code,
      issuedAt: NOW,
      expiresAt: Date.parse('2026-11-23T23:00:00Z'),
    });
    expect(f.queued()).toBe(1);
  });

  it('gives a session one code per offer: asking again answers the same code, in the language asked, and sends nothing new', () => {
    f.putOffer(testOffer('deal', 'today-only', ALL_YEAR, { discount: { percent: 20, minSpendMinor: 50_000 } }));
    f.assign('check-in', 5, YEAR_END);
    f.assign('deal', 5, YEAR_END);
    const first = claim('check-in');
    const again = claim('check-in', session, 'sv');
    if (first.state !== 'issued' || again.state !== 'already') throw new Error(`unexpected ${first.state} then ${again.state}`);
    expect(again.coupon).toEqual({ ...first.coupon, title: 'Erbjudande check-in', terms: 'En per kund.' });

    const other = claim('check-in', randomUUID());
    const deal = claim('deal');
    expect(other.state).toBe('issued');
    expect(deal).toMatchObject({ state: 'issued', coupon: { offerId: 'deal', percent: 20, minSpendMinor: 50_000 } });
    const codes = [first, other, deal].map((answer) => (answer.state === 'issued' ? answer.coupon.code : null));
    expect(new Set(codes).size).toBe(3);
    expect(outboxRows()).toHaveLength(3);
    expect(f.queued()).toBe(3);
  });

  it('answers "empty" when the pool is used up, writes nothing, and asks for more', () => {
    f.assign('check-in', 2, YEAR_END);
    expect(claim('check-in', randomUUID()).state).toBe('issued');
    expect(claim('check-in', randomUUID()).state).toBe('issued');
    expect(claim('check-in', randomUUID())).toEqual({ state: 'empty' });
    expect(outboxRows()).toHaveLength(2);
    expect(f.low.at(-1)).toBe('check-in');
  });

  it('reports an offer low once a claim leaves it below the low-water mark', () => {
    f.close();
    f = couponsFixture(template.file, { now: NOW, lowWater: 3 });
    f.putOffer(testOffer('check-in', 'check-in', ALL_YEAR));
    f.assign('check-in', 4, YEAR_END);
    claim('check-in', randomUUID());
    expect(f.low).toEqual([]);
    claim('check-in', randomUUID());
    expect(f.low).toEqual(['check-in']);
  });

  it('never hands out a code past its validity or one assigned for another store', () => {
    const [stale] = f.assign('check-in', 1, NOW - 1);
    f.context.storeCode = 'se-got-avenyn';
    f.assign('check-in', 1, YEAR_END);
    f.context.storeCode = 'se-sto-drottninggatan';
    expect(claim('check-in')).toEqual({ state: 'empty' });
    const [good] = f.assign('check-in', 1, YEAR_END);
    const answer = claim('check-in');
    expect(answer.state === 'issued' && answer.coupon.code).toBe(good!.code);
    expect(answer.state === 'issued' && answer.coupon.code).not.toBe(stale!.code);
  });

  it('answers "not-running" for an unknown offer, another store’s, and one outside its hours; a bundle has no codes', () => {
    f.putOffer(testOffer('elsewhere', 'check-in', ALL_YEAR, { stores: ['se-got-avenyn'] }));
    f.putOffer(testOffer('evenings', 'today-only', { ...ALL_YEAR, hours: ['17:00', '21:00'] }));
    f.putOffer(testOffer('bundle', 'bundle', ALL_YEAR));
    for (const offerId of ['elsewhere', 'evenings', 'bundle']) f.assign(offerId, 1, YEAR_END);
    expect(claim('nope')).toEqual({ state: 'not-running' });
    expect(claim('elsewhere')).toEqual({ state: 'not-running' });
    expect(claim('evenings')).toEqual({ state: 'not-running' });
    expect(() => claim('bundle')).toThrow(KioskError);
    expect(outboxRows()).toHaveLength(0);
  });

  it('answers UNAVAILABLE while the kiosk has no catalog', () => {
    const broken = couponsFixture(template.file, { now: NOW });
    const coupons = new Coupons({
      local: broken.local,
      outbox: broken.outbox,
      onQueued: () => undefined,
      context: () => {
        throw new KioskError('UNAVAILABLE', 'no catalog');
      },
    });
    expect(() => coupons.claim({ offerId: 'check-in', session, lang: 'en' })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    broken.close();
  });
});

describe('pools for staff', () => {
  it('lists each offer with codes that has not ended: free codes, issued today on the store clock, and low ones', () => {
    f.putOffer(testOffer('deal', 'today-only', ALL_YEAR));
    f.putOffer(testOffer('ended', 'check-in', { start: '2026-01-01T00:00:00', end: '2026-06-01T00:00:00' }));
    f.putOffer(testOffer('bundle', 'bundle', ALL_YEAR));
    f.putOffer(testOffer('later', 'check-in', { start: '2026-12-01T00:00:00', end: '2027-01-01T00:00:00' }));
    f.assign('check-in', 30, YEAR_END);
    f.assign('deal', 5, YEAR_END);
    // Yesterday evening, 23:30 in Stockholm: not today.
    f.clock.now = Date.parse('2026-11-22T22:30:00Z');
    claim('check-in', randomUUID());
    f.clock.now = NOW;
    claim('check-in', randomUUID());
    claim('deal', randomUUID());
    expect(f.coupons.pools()).toEqual([
      { offerId: 'check-in', title: 'Offer check-in', available: 28, issuedToday: 1, low: false },
      { offerId: 'deal', title: 'Offer deal', available: 4, issuedToday: 1, low: true },
      { offerId: 'later', title: 'Offer later', available: 0, issuedToday: 0, low: true },
    ]);
  });
});

describe('coupon issues in the outbox', () => {
  it('keep the code out of any reason stored or logged, and leave orders’ hooks to orders', () => {
    const seen: string[] = [];
    const hooks = withCouponIssues({
      delivered: (kind) => seen.push(`delivered ${kind}`),
      rejected: (kind) => seen.push(`rejected ${kind}`),
      remint: () => '{}',
      personal: (kind) => (kind === 'order' ? ['Maja'] : []),
    });
    const body = JSON.stringify({ id: randomUUID(), code: 'PLR-7K2M-Q4XD-8' });
    const reason = 'HQ answered 422 INVALID_INPUT: PLR-7K2M-Q4XD-8 is not in this pillar’s pool';
    expect(scrub(reason, hooks.personal('coupon-issue', body))).toBe('HQ answered 422 INVALID_INPUT: [personal] is not in this pillar’s pool');
    expect(hooks.personal('order', '{}')).toEqual(['Maja']);
    hooks.delivered('coupon-issue', 'x', {});
    hooks.rejected('coupon-issue', 'x');
    hooks.delivered('order', 'x', {});
    expect(seen).toEqual(['delivered order']);
  });

  it('local.db migration 3 keeps every outbox row written before it, in order, and takes coupon issues', () => {
    const dir = tempDir();
    const file = path.join(dir.dir, 'local.db');
    const old = new Database(file);
    migrate(old, 'local.db', LOCAL_MIGRATIONS.slice(0, 2));
    const insert = old.prepare("INSERT INTO outbox (id, kind, payload, created_at, next_attempt_at, state) VALUES (?, ?, '{}', 5, 5, 'pending')");
    const ids = ['c0000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', 'b0000000-0000-4000-8000-000000000000'];
    for (const id of ids) insert.run(id, 'rating');
    old.close();

    const local = openLocal(file);
    const outbox = new OutboxStore(local);
    expect(outbox.pending().map((row) => row.id)).toEqual(ids);
    local.transaction(() => outbox.enqueue(randomUUID(), 'coupon-issue', { code: 'PLR-7K2M-Q4XD-8' }, 6))();
    expect(outbox.pendingCount()).toBe(4);
    local.close();
    dir.cleanup();
  });
});
