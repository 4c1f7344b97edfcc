import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockTuple } from '../../shared/sync/entities';
import { ChangeBatch, HqError, MAX_LEVELS_PER_BATCH, type StockUpdateResult } from '../../shared/sync/protocol';
import { openSqliteStore } from '../store/sqliteStore';
import { sha256Hex } from './etag';
import { FAR_STORE, HOME, nextHead, sseReader, startTestHq, type TestHq } from './testing';

let t: TestHq;
beforeAll(async () => {
  t = await startTestHq();
});
afterAll(() => t.close());

async function batch(storeCode: string, after: number, extra = '', token?: string): Promise<ChangeBatch> {
  const { status, body } = await t.json(`/v1/stores/${storeCode}/changes?after=${after}${extra}`, token ? { token } : {});
  expect(status).toBe(200);
  return ChangeBatch.parse(body);
}

/** A level with at least two in stock at this location, so a sale of one is not clamped. */
async function stocked(location: string): Promise<StockTuple> {
  const region = await t.hq.store.region(location);
  const state = await t.hq.store.regionState(region!);
  const level = state.stock.find(([, at, quantity]) => at === location && quantity >= 2);
  if (!level) throw new Error(`the demo chain has nothing in stock at ${location}`);
  return level;
}

async function sell(sku: string, location: string): Promise<StockUpdateResult> {
  const { status, body } = await t.json('/v1/stock', {
    token: t.adminToken,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason: 'sale', changes: [{ sku, location, delta: -1 }] }),
  });
  expect(status).toBe(200);
  return body as StockUpdateResult;
}

function levelsIn(changes: ChangeBatch['changes']): StockTuple[] {
  return changes.flatMap((change) => (change.type === 'stock' ? change.levels : []));
}

describe('change batches', () => {
  it("walks the whole log in bounded batches, each one's checksum the SHA-256 of its changes as sent", async () => {
    const head = await t.hq.store.head();
    let after = 0;
    let batches = 0;
    while (after < head) {
      const response = await t.call(`/v1/stores/${HOME}/changes?after=${after}&limit=100`);
      expect(response.status).toBe(200);
      const text = await response.text();
      const parsed = ChangeBatch.parse(JSON.parse(text));
      expect(sha256Hex(JSON.stringify(parsed.changes))).toBe(parsed.checksum);
      // The checksum is of the bytes on the wire too: a pillar can check before it parses anything else.
      expect(text).toContain(`"changes":${JSON.stringify(parsed.changes)},"checksum":"${parsed.checksum}"`);
      expect(parsed.changes.length).toBeLessThanOrEqual(100);
      expect(levelsIn(parsed.changes).length).toBeLessThanOrEqual(MAX_LEVELS_PER_BATCH);
      expect(parsed.cursor).toBeGreaterThan(after);
      after = parsed.cursor;
      batches += 1;
    }
    expect(after).toBe(head);
    expect(batches).toBeGreaterThan(1);
  });

  it('follows only the feeds asked for', async () => {
    const only = await batch(HOME, 0, '&feeds=settings,offers&limit=50');
    expect(only.changes.every((change) => ['settings', 'offer.upsert', 'offer.delete'].includes(change.type))).toBe(true);
  });

  it('answers an idle poll with 304 and no body while the head stands still, and 200 once it moves', async () => {
    const head = await t.hq.store.head();
    const first = await t.call(`/v1/stores/${HOME}/changes?after=${head}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(ChangeBatch.parse(await first.json()).changes).toEqual([]);

    const idle = await t.call(`/v1/stores/${HOME}/changes?after=${head}`, { headers: { 'If-None-Match': etag! } });
    expect(idle.status).toBe(304);
    expect(await idle.text()).toBe('');

    const [sku, location] = await stocked(HOME);
    await sell(sku, location);
    const moved = await t.call(`/v1/stores/${HOME}/changes?after=${head}`, { headers: { 'If-None-Match': etag! } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
  });

  it("a sale through POST /v1/stock is in the store's next batch", async () => {
    const head = await t.hq.store.head();
    const [sku, location, quantity] = await stocked(HOME);
    const sale = await sell(sku, location);
    expect(sale).toMatchObject({ applied: 1, clamped: [] });
    expect(sale.cursor).toBeGreaterThan(head);

    const next = await batch(HOME, head);
    expect(next.cursor).toBe(sale.cursor);
    expect(levelsIn(next.changes)).toContainEqual([sku, location, quantity - 1, expect.any(Number)]);
  });

  it("a sale in a store outside the region is not in the batch, but the cursor moves past it", async () => {
    const head = await t.hq.store.head();
    const [sku, location] = await stocked(FAR_STORE);
    const sale = await sell(sku, location);

    const home = await batch(HOME, head);
    expect(levelsIn(home.changes).filter(([, at]) => at === FAR_STORE)).toEqual([]);
    expect(home.cursor).toBe(sale.cursor);

    const far = await batch(FAR_STORE, head, '', t.adminToken);
    expect(levelsIn(far.changes).map(([s, at]) => `${s}@${at}`)).toContain(`${sku}@${location}`);
  });

  it('refuses a cursor past the head with 400', async () => {
    const head = await t.hq.store.head();
    const { status, body } = await t.json(`/v1/stores/${HOME}/changes?after=${head + 10}`);
    expect(status).toBe(400);
    expect(HqError.parse(body).error.issues?.[0]?.path).toBe('after');
  });
});

describe('the live channel', () => {
  it('announces the head at once when the pillar is behind, then every time a write moves it', async () => {
    const head = await t.hq.store.head();
    const controller = new AbortController();
    const response = await t.call(`/v1/stores/${HOME}/live?after=${head - 1}`, { signal: controller.signal });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = sseReader(response);
      expect((await events.next()).retry).toBe(2000);
      expect(await nextHead(events)).toBe(head);

      const [sku, location] = await stocked(HOME);
      const sale = await sell(sku, location);
      expect(await nextHead(events)).toBe(sale.cursor);
    } finally {
      controller.abort();
    }
  });

  it('notices writes made by another process on the same database', async () => {
    const head = await t.hq.store.head();
    const controller = new AbortController();
    const response = await t.call(`/v1/stores/${HOME}/live?after=${head}`, { signal: controller.signal });
    // A second connection, as the import CLI would open: its writes never pass through the server.
    const other = await openSqliteStore({ dataDir: t.dataDir });
    try {
      const events = sseReader(response);
      expect((await events.next()).retry).toBe(2000);
      const [sku, location] = await stocked(HOME);
      const update = await other.updateStock({ reason: 'delivery', changes: [{ sku, location, delta: 3 }] });
      expect(await nextHead(events)).toBe(update.cursor);
    } finally {
      controller.abort();
      await other.close();
    }
  });
});

describe('after compaction', () => {
  // Its own HQ: compaction changes what every other test here may ask for.
  let c: TestHq;
  beforeAll(async () => {
    c = await startTestHq();
  });
  afterAll(() => c.close());

  it('a cursor below the floor gets 410 CURSOR_EXPIRED "cursor too old, take a snapshot"; one at the floor goes on', async () => {
    const head = await c.hq.store.head();
    const { status, body } = await c.json('/v1/compact', { token: c.adminToken, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ keep: 1 }) });
    expect(status).toBe(200);
    const { floor } = body as { floor: number };
    expect(floor).toBe(head - 1);

    const expired = await c.json(`/v1/stores/${HOME}/changes?after=${floor - 1}`);
    expect(expired.status).toBe(410);
    expect(HqError.parse(expired.body).error).toMatchObject({ code: 'CURSOR_EXPIRED', message: 'cursor too old, take a snapshot' });

    const atFloor = await c.json(`/v1/stores/${HOME}/changes?after=${floor}`);
    expect(atFloor.status).toBe(200);
    expect(ChangeBatch.parse(atFloor.body).cursor).toBe(head);
  });
});
