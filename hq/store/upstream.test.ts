import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/sync/digest';
import type { OrderSubmission } from '../../shared/sync/upstream';
import { orderOf } from '../http/orderFixtures';
import { openSqliteStore } from './sqliteStore';
import { IdempotencyMismatch, KeyInFlight, type HqStore, type UpstreamRequest } from './store';
import { HOME, product, tempStore, type TestStore } from './testFixtures';
import { IN_FLIGHT_LEASE_MS, UPSTREAM_KEY_TTL_MS } from './upstreamKeys';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2030, 2, 1, 12);

let s: TestStore;
beforeEach(async () => {
  s = await tempStore();
  await s.store.publishCatalog({ products: [product(1), product(2)] });
});
afterEach(() => s.cleanup());

function anOrder(): OrderSubmission {
  return orderOf(
    [
      { sku: 'ST-1-0', styleCode: 'ST-1', priceMinor: 29_900 },
      { sku: 'ST-2-1', styleCode: 'ST-2', priceMinor: 19_900 },
    ],
    { store: HOME, hold: 'sto-south' },
  );
}

function requestOf(order: OrderSubmission, now: number): UpstreamRequest {
  return { kind: 'order', key: order.id, storeCode: order.store, kioskId: 'kiosk-1', requestSha256: createHash('sha256').update(canonicalJson(order)).digest('hex'), now };
}

/** Claims and applies, as the route does; the answer, or what was recorded. */
async function deliver(store: HqStore, order: OrderSubmission, now: number) {
  const request = requestOf(order, now);
  const claim = await store.claimUpstream(request);
  if (claim.kind === 'answered') return { replayed: true, answer: claim.answer };
  return { replayed: false, answer: await store.receiveOrder(order, { ...request, claimId: claim.claimId, payment: null }) };
}

async function count(store: HqStore): Promise<number> {
  return (await store.listOrders({ limit: 500 })).items.length;
}

describe('upstream claims', () => {
  it('a claim cut off by a crash holds its key for the lease, then the next try takes it over and applies once', async () => {
    const order = anOrder();
    const cutOff = await s.store.claimUpstream(requestOf(order, T0));
    expect(cutOff.kind).toBe('claimed');

    await expect(s.store.claimUpstream(requestOf(order, T0 + IN_FLIGHT_LEASE_MS - 1))).rejects.toBeInstanceOf(KeyInFlight);
    const later = await deliver(s.store, order, T0 + IN_FLIGHT_LEASE_MS + 1);
    expect(later).toMatchObject({ replayed: false, answer: { status: 201, body: { id: order.id, status: 'received' } } });

    // The request that was cut off wakes up: its claim is gone, and it applies nothing.
    if (cutOff.kind !== 'claimed') throw new Error('unreachable');
    const late = await s.store.receiveOrder(order, { ...requestOf(order, T0 + IN_FLIGHT_LEASE_MS + 2), claimId: cutOff.claimId, payment: null });
    expect(late).toEqual(later.answer);
    expect(await count(s.store)).toBe(1);
  });

  it('after a restart, releaseAllClaims frees the claims no process can finish', async () => {
    const order = anOrder();
    await s.store.claimUpstream(requestOf(order, T0));
    await s.store.close();
    s.store = await openSqliteStore({ dataDir: s.dataDir });

    expect(await s.store.releaseAllClaims()).toBe(1);
    expect((await deliver(s.store, order, T0 + 1)).replayed).toBe(false);
    expect((await deliver(s.store, order, T0 + 2)).replayed).toBe(true);
    expect(await count(s.store)).toBe(1);
  });

  it('another body, kind or store under a used key is a mismatch, in flight or done', async () => {
    const order = anOrder();
    await s.store.claimUpstream(requestOf(order, T0));
    await expect(s.store.claimUpstream({ ...requestOf(order, T0), requestSha256: '0'.repeat(64) })).rejects.toBeInstanceOf(IdempotencyMismatch);
    await expect(s.store.claimUpstream({ ...requestOf(order, T0), kind: 'rating' })).rejects.toBeInstanceOf(IdempotencyMismatch);
    await expect(s.store.claimUpstream({ ...requestOf(order, T0), storeCode: 'sto-south' })).rejects.toBeInstanceOf(IdempotencyMismatch);
  });

  it('keys are forgotten after 30 days, and a replay after that is still answered from the order', async () => {
    const order = anOrder();
    const first = await deliver(s.store, order, T0);
    expect(await s.store.forgetUpstreamKeys(T0 + UPSTREAM_KEY_TTL_MS)).toBe(0);
    expect(await s.store.forgetUpstreamKeys(T0 + UPSTREAM_KEY_TTL_MS + 1)).toBe(1);

    const late = await deliver(s.store, order, T0 + 40 * DAY);
    expect(late).toEqual({ replayed: true, answer: first.answer });
    await expect(s.store.claimUpstream({ ...requestOf(order, T0 + 40 * DAY), requestSha256: '0'.repeat(64) })).rejects.toBeInstanceOf(IdempotencyMismatch);
    expect(await count(s.store)).toBe(1);
  });

  it('ratings and help requests for a store HQ does not know are refused, and free their key', async () => {
    const rating = { id: randomUUID(), store: 'nowhere', stars: 4, language: 'en' as const, at: T0 };
    const request = { ...requestOf(anOrder(), T0), kind: 'rating' as const, key: rating.id, storeCode: 'nowhere' };
    const claim = await s.store.claimUpstream(request);
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await expect(s.store.receiveRating(rating, { ...request, claimId: claim.claimId })).rejects.toThrow(/no store "nowhere"/);
    expect((await s.store.claimUpstream(request)).kind).toBe('claimed');
  });
});
