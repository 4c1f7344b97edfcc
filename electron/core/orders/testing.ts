import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { VariantAvailability } from '../../../shared/api/catalog';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import { Catalog } from '../catalog/catalog';
import { ensureCatalog } from '../catalog/provision';
import { openCache, openLocal, type Db } from '../db/open';
import { OutboxStore } from '../outbox/store';
import { capturingLogger, tempDir } from '../testing/fixtures';
import { Orders } from './orders';

/** A demo chain cache.db built once per test file; each test copies it into its own folder. */
export function demoCacheTemplate(): { file: string; cleanup: () => void } {
  const dir = tempDir('pillar-orders-template-');
  const file = path.join(dir.dir, 'cache.db');
  const db = openCache(file);
  ensureCatalog(db, { storeCode: DEMO_HOME_STORE, mediaDir: path.join(dir.dir, 'media'), log: capturingLogger().log });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, cleanup: dir.cleanup };
}

export interface OrdersFixture {
  dir: string;
  local: Db;
  cache: Db;
  catalog: Catalog;
  outbox: OutboxStore;
  orders: Orders;
  /** How many times a committed row woke the outbox. */
  queued: () => number;
  /** The fixture's clock (epoch ms); tests move it. */
  clock: { now: number };
  close: () => void;
}

/** Orders on real files: a copy of the demo cache and a fresh local.db, in a folder of the test's own. */
export function ordersFixture(template: string, options: { clock?: { now: number }; onQueued?: () => void } = {}): OrdersFixture {
  const clock = options.clock ?? { now: Date.now() };
  const dir = tempDir('pillar-orders-');
  const cacheFile = path.join(dir.dir, 'cache.db');
  copyFileSync(template, cacheFile);
  const cache = openCache(cacheFile);
  const catalog = new Catalog(cache, { storeCode: DEMO_HOME_STORE, now: () => new Date(clock.now) });
  const local = openLocal(path.join(dir.dir, 'local.db'));
  const outbox = new OutboxStore(local);
  let queued = 0;
  const orders = new Orders({
    local,
    outbox,
    storeCode: () => DEMO_HOME_STORE,
    now: () => clock.now,
    onQueued: () => {
      queued++;
      options.onQueued?.();
    },
    context: () => ({ catalog, cache, storeCode: DEMO_HOME_STORE, now: clock.now }),
  });
  return {
    dir: dir.dir,
    local,
    cache,
    catalog,
    outbox,
    orders,
    queued: () => queued,
    clock,
    close: () => {
      catalog.close();
      cache.close();
      local.close();
      dir.cleanup();
    },
  };
}

/** The first variant of the demo catalog (in popularity order) that fits, with its product's style and price. */
export function findVariant(catalog: Catalog, fits: (variant: VariantAvailability, priceMinor: number) => boolean): VariantAvailability & { styleCode: string; priceMinor: number } {
  const products = catalog.search({ text: '', lang: 'en', limit: 100, offset: 0 }).items;
  for (const product of products) {
    for (const variant of catalog.availability(product.styleCode).variants) {
      if (fits(variant, product.price.minor)) return { ...variant, styleCode: product.styleCode, priceMinor: product.price.minor };
    }
  }
  throw new Error('no demo variant fits');
}
