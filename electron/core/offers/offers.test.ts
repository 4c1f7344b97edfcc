import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOME_STORE } from '../../../resources/demo/generator';
import type { Offer } from '../../../shared/sync/entities';
import { openCache, type Db } from '../db/open';
import { demoCacheTemplate } from '../orders/testing';
import { tempDir } from '../testing/fixtures';
import { activeOffers } from './offers';

const NOW = new Date('2026-11-23T10:00:00Z');
const schedule = { start: '2026-01-01T00:00:00', end: '2027-01-01T00:00:00' };
const offer = (id: string, kind: Offer['kind'], categories?: string[]): Offer => ({
  id,
  kind,
  stores: [],
  schedule,
  texts: { en: { title: id, body: '', terms: '' } },
  discount: { percent: 10, ...(categories ? { categories } : {}) },
  ...(kind === 'check-in' ? { checkIn: { platform: 'instagram' as const, action: 'check-in' as const, url: 'https://norrvik.example/instagram' } } : {}),
});

let template: { file: string; cleanup: () => void };
let dir: { dir: string; cleanup: () => void };
let db: Db;
/** A demo product, its category, one category among its complements' and one that is neither. */
let product: { styleCode: string; category: string; complement: string; unrelated: string };

beforeAll(() => {
  template = demoCacheTemplate();
  dir = tempDir();
  const file = path.join(dir.dir, 'cache.db');
  copyFileSync(template.file, file);
  db = openCache(file);
  const categories = db.prepare('SELECT DISTINCT category_id FROM products').pluck().all() as string[];
  const rows = db
    .prepare(
      `SELECT p.style_code AS styleCode, p.category_id AS category, group_concat(DISTINCT c.category_id) AS complements FROM products p
         JOIN related r ON r.product_id = p.id AND r.kind = 'complement' JOIN products c ON c.id = r.related_id GROUP BY p.id`,
    )
    .all() as { styleCode: string; category: string; complements: string }[];
  for (const row of rows) {
    const complements = row.complements.split(',');
    const complement = complements.find((c) => c !== row.category);
    const unrelated = categories.find((c) => c !== row.category && !complements.includes(c));
    if (complement && unrelated) {
      product = { styleCode: row.styleCode, category: row.category, complement, unrelated };
      break;
    }
  }
  for (const o of [
    offer('everything', 'today-only'),
    offer('its-category', 'check-in', [product.category]),
    offer('other-category', 'today-only', [product.unrelated]),
    offer('bundle-with-complement', 'bundle', [product.complement]),
    offer('bundle-unrelated', 'bundle', [product.unrelated]),
    offer('complement-not-bundle', 'today-only', [product.complement]),
  ]) {
    db.prepare('INSERT INTO offers (id, body) VALUES (?, ?)').run(o.id, JSON.stringify(o));
  }
}, 60_000);
afterAll(() => {
  db.close();
  dir.cleanup();
  template.cleanup();
});

const ids = (styleCode?: string): string[] =>
  activeOffers(db, { storeCode: DEMO_HOME_STORE, timeZone: 'Europe/Stockholm', lang: 'en', now: NOW, ...(styleCode ? { styleCode } : {}) })
    .map((o) => o.id)
    .sort();

describe('offers for a product page', () => {
  it('are those for its category or for everything, and bundles that discount one of its complements', () => {
    expect(ids(product.styleCode)).toEqual(['bundle-with-complement', 'everything', 'its-category']);
  });

  it('without a product, every running offer; for a product the cache does not hold, none', () => {
    expect(ids()).toHaveLength(6);
    expect(ids('NO-SUCH-STYLE')).toEqual([]);
  });
});
