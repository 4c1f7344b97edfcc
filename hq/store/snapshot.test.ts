import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Category, Colour, Location, Offer, Product, Settings, StockTuple } from '../../shared/sync/entities';
import { canonicalLines, compare } from '../../shared/sync/digest';
import { SnapshotRecord } from '../../shared/sync/protocol';
import { loadDemo } from '../demo';
import { HOME, REGION, type TestStore, product, tempStore } from './testFixtures';

let t: TestStore;
afterEach(async () => t?.cleanup());

function readSnapshot(file: string): SnapshotRecord[] {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => SnapshotRecord.parse(JSON.parse(line)));
}

function digest(lines: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex');
}

/** What a pillar loading the snapshot would hold, as canonical lines. */
function snapshotState(records: SnapshotRecord[]) {
  const state = { locations: [] as Location[], categories: [] as Category[], colours: [] as Colour[], products: [] as Product[], stock: [] as StockTuple[], offers: [] as Offer[], settings: null as Settings | null };
  for (const r of records) {
    if (r.record === 'locations') state.locations.push(...r.items);
    if (r.record === 'categories') state.categories.push(...r.items);
    if (r.record === 'colours') state.colours.push(...r.items);
    if (r.record === 'products') state.products.push(...r.items);
    if (r.record === 'stock') state.stock.push(...r.levels);
    if (r.record === 'offers') state.offers.push(...r.items);
    if (r.record === 'settings') state.settings = r.settings;
  }
  state.stock.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
  return state;
}

describe('region snapshots', () => {
  it('hold exactly the region\'s state at the head, in protocol records, checksummed', async () => {
    t = await tempStore({ chain: false });
    await loadDemo(t.store, { scale: 'demo', now: Date.UTC(2026, 10, 1) });
    await t.store.updateStock({ reason: 'sale', changes: [{ sku: (await t.store.regionState({ home: 'se-mmo-sodergatan', nearby: [], warehouse: null })).stock[0]![0], location: 'se-mmo-sodergatan', delta: -1 }] });
    const store = 'se-sto-drottninggatan';
    const manifest = await t.store.snapshot(store);
    expect(manifest.cursor).toBe(await t.store.head());
    expect(manifest.id).toMatch(new RegExp(`^${store}-${manifest.cursor}-${manifest.sha256.slice(0, 8)}$`));

    const file = (await t.store.snapshotFile(manifest.id))!;
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(manifest.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.sha256);

    const records = readSnapshot(file);
    const order = ['header', 'locations', 'categories', 'colours', 'products', 'stock', 'offers', 'settings', 'end'];
    const kinds = records.map((r) => r.record);
    expect(kinds[0]).toBe('header');
    expect(kinds.at(-1)).toBe('end');
    expect(kinds.map((k) => order.indexOf(k))).toEqual(kinds.map((k) => order.indexOf(k)).sort((a, b) => a - b));
    expect(records[0]).toMatchObject({ record: 'header', store, cursor: manifest.cursor, region: manifest.region });

    const state = snapshotState(records);
    const rows = state.locations.length + state.categories.length + state.colours.length + state.products.length + state.stock.length + state.offers.length;
    expect(records.at(-1)).toEqual({ record: 'end', rows });
    expect(manifest.rows).toBe(rows);
    expect(state.stock.every(([, location, quantity]) => quantity > 0 && [manifest.region.home, ...manifest.region.nearby, manifest.region.warehouse].includes(location))).toBe(true);
    expect(state.offers.map((o) => o.id).sort()).toEqual(['demo-check-in-drottninggatan', 'demo-today-knitwear']);

    const hq = await t.store.regionState(manifest.region);
    expect(hq.cursor).toBe(manifest.cursor);
    expect(digest(canonicalLines({ region: manifest.region, ...state }))).toBe(digest(canonicalLines(hq)));
  });

  it('are generated once per head: reused, shared by concurrent callers, and the older ones pruned', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1), product(2)] });
    await t.store.importStock([['ST-1-0', HOME, 3, 1000], ['ST-2-1', 'upp', 1, 1000], ['ST-2-1', 'mmo', 9, 1000]]);
    const dir = path.join(t.dataDir, 'snapshots');
    const files = () => readdirSync(dir).filter((name) => name.endsWith('.ndjson.gz')).sort();

    const together = await Promise.all([t.store.snapshot(HOME), t.store.snapshot(HOME), t.store.snapshot(HOME)]);
    expect(new Set(together.map((m) => m.id)).size).toBe(1);
    const first = together[0]!;
    expect(files()).toEqual([`${first.id}.ndjson.gz`]);
    const written = statSync(path.join(dir, `${first.id}.ndjson.gz`)).mtimeMs;

    const again = await t.store.snapshot(HOME);
    expect(again).toEqual(first);
    expect(statSync(path.join(dir, `${first.id}.ndjson.gz`)).mtimeMs).toBe(written);

    // Another store of the same chain gets its own; the first store's is untouched.
    const other = await t.store.snapshot('mmo');
    expect(other.id).not.toBe(first.id);

    await t.store.updateStock({ reason: 'sale', changes: [{ sku: 'ST-1-0', location: HOME, delta: -1 }] });
    const second = await t.store.snapshot(HOME);
    expect(second.cursor).toBe(first.cursor + 1);
    await t.store.updateStock({ reason: 'sale', changes: [{ sku: 'ST-1-0', location: HOME, delta: -1 }] });
    const third = await t.store.snapshot(HOME);
    // The newest and the one before (a pillar may be mid-download); the oldest is gone.
    expect(await t.store.snapshotFile(first.id)).toBeNull();
    expect(await t.store.snapshotFile(second.id)).not.toBeNull();
    expect(await t.store.snapshotFile(third.id)).not.toBeNull();
    expect(files()).toEqual([`${other.id}.ndjson.gz`, `${second.id}.ndjson.gz`, `${third.id}.ndjson.gz`].sort());

    const stock = snapshotState(readSnapshot((await t.store.snapshotFile(third.id))!)).stock;
    expect(stock).toEqual([['ST-1-0', HOME, 1, expect.any(Number)], ['ST-2-1', 'upp', 1, 1000]]);
  });

  it('are reused after a restart, refused for an unknown store, and never served by a bad id', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(1)] });
    const first = await t.store.snapshot(HOME);
    await t.store.close();
    const { openSqliteStore } = await import('./sqliteStore');
    const reopened = await openSqliteStore({ dataDir: t.dataDir });
    t.store = reopened;
    expect(await reopened.snapshot(HOME)).toEqual(first);
    await expect(reopened.snapshot('atlantis')).rejects.toMatchObject({ name: 'StoreInputError' });
    await expect(reopened.snapshot('wh')).rejects.toMatchObject({ name: 'StoreInputError' });
    expect(await reopened.snapshotFile('../hq')).toBeNull();
    expect(await reopened.snapshotFile('nope-1-00000000')).toBeNull();
  });
});

describe('region state', () => {
  it('reads the same canonical lines every time, and sorts as canonicalLines expects', async () => {
    t = await tempStore();
    await t.store.publishCatalog({ products: [product(2), product(10), product(1)] });
    await t.store.importStock([['ST-10-1', 'upp', 1, 5], ['ST-10-1', HOME, 2, 5], ['ST-1-0', 'sto-south', 3, 5], ['ST-2-0', 'mmo', 3, 5]]);
    const one = await t.store.regionState({ ...REGION });
    const two = await t.store.regionState({ ...REGION });
    expect([...canonicalLines(two)]).toEqual([...canonicalLines(one)]);
    expect(one.products.map((p) => p.styleCode)).toEqual(['ST-1', 'ST-10', 'ST-2']);
    expect(one.stock).toEqual([['ST-1-0', 'sto-south', 3, 5], ['ST-10-1', HOME, 2, 5], ['ST-10-1', 'upp', 1, 5]]);
    expect(one.locations.map((l) => l.code)).toEqual([HOME, 'sto-north', 'sto-south', 'upp', 'wh']);
    expect(one.cursor).toBe(await t.store.head());
  });
});
