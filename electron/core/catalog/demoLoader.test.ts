import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_HOME_STORE, demoChain } from '../../../resources/demo/generator';
import { type Db, openCache } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { type DemoLoadCounts, type DemoLoadOptions, loadDemoChain } from './demoLoader';

const NOW = Date.UTC(2026, 10, 20, 12);
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** A freshly migrated cache.db in its own folder, loaded with the demo chain. */
function loaded(options: Partial<DemoLoadOptions> = {}): { db: Db; dir: string; counts: DemoLoadCounts } {
  const { dir, cleanup } = tempDir('pillar-demo-');
  const db = openCache(path.join(dir, 'cache.db'));
  cleanups.push(() => {
    db.close();
    cleanup();
  });
  const counts = loadDemoChain(db, { scale: 'demo', now: NOW, ...options });
  return { db, dir, counts };
}

const all = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
const one = <T>(db: Db, sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

/** EAN-13 check, written out here rather than borrowed from the generator it checks. */
function validEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

describe('demo chain loader', () => {
  it('demo: loads about 600 products and the region of the flagship, a dozen stores in the chain', () => {
    const { db, counts } = loaded();
    expect(counts.products).toBe(600);
    expect(counts.variants).toBeGreaterThan(5000);
    expect(counts.stockRows).toBeGreaterThan(10_000);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM products').n).toBe(600);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM variants').n).toBe(counts.variants);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM stock').n).toBe(counts.stockRows);
    expect(all(db, 'SELECT id FROM categories')).toHaveLength(8);
    expect(all(db, 'SELECT code FROM colours').length).toBeGreaterThanOrEqual(15);

    const chain = demoChain({ scale: 'demo' });
    expect(chain.locations.filter((l) => l.kind === 'store')).toHaveLength(13);
    expect(chain.locations.filter((l) => l.kind === 'warehouse').map((l) => l.code)).toEqual(['se-online']);
    const everything = loaded({ allLocations: true });
    expect(everything.counts.locations).toBe(14);
    expect(everything.counts.stockRows).toBeGreaterThan(counts.stockRows);
  });

  it('demo: two loads give the same chain, row for row', () => {
    const a = loaded();
    const b = loaded();
    expect(b.counts).toEqual(a.counts);
    const firstProducts = (db: Db): unknown[] =>
      all(db, `SELECT p.*, t.lang, t.name, t.description FROM products p JOIN product_texts t ON t.product_id = p.id WHERE p.id <= 5 ORDER BY p.id, t.lang`);
    expect(firstProducts(b.db)).toEqual(firstProducts(a.db));
    expect(all(b.db, 'SELECT * FROM variants WHERE id <= 50')).toEqual(all(a.db, 'SELECT * FROM variants WHERE id <= 50'));
    expect(all(b.db, 'SELECT * FROM stock WHERE variant_id <= 50')).toEqual(all(a.db, 'SELECT * FROM stock WHERE variant_id <= 50'));
    expect(firstProducts(a.db)[0]).toMatchObject({ style_code: 'NV-10001', currency: 'SEK' });
  });

  it('demo: every GTIN is a valid EAN-13 and no two variants share one', () => {
    const { db } = loaded();
    const gtins = all<{ gtin: string }>(db, 'SELECT gtin FROM variants').map((r) => r.gtin);
    expect(gtins.filter((gtin) => !validEan13(gtin))).toEqual([]);
    expect(new Set(gtins).size).toBe(gtins.length);
  });

  it('demo: every product has a name and a description in English, Swedish, Polish and Greek', () => {
    const { db } = loaded();
    const langs = all<{ lang: string; n: number; empty: number }>(
      db,
      "SELECT lang, count(*) AS n, sum(name = '' OR description = '') AS empty FROM product_texts GROUP BY lang ORDER BY lang",
    );
    expect(langs).toEqual(['el', 'en', 'pl', 'sv'].map((lang) => ({ lang, n: 600, empty: 0 })));
    // Real diacritics, so search has to fold them: a shopper typing "troja", "lodz" or "kafe".
    const texts = (lang: string): string =>
      all<{ t: string }>(db, "SELECT name || ' ' || description AS t FROM product_texts WHERE lang = ?", lang)
        .map((r) => r.t)
        .join('\n');
    expect(texts('sv')).toMatch(/Tröja/);
    expect(texts('pl')).toMatch(/Łódź/);
    expect(texts('pl')).toMatch(/Sweter z wełny/);
    expect(texts('pl')).toMatch(/wełna/);
    expect(texts('el')).toMatch(/καφέ/);
    expect(texts('el')).toMatch(/Πουκάμισο/);
    const brown = one<{ names: string }>(db, "SELECT names FROM colours WHERE code = 'brown'");
    expect(JSON.parse(brown.names)).toEqual({ en: 'Brown', sv: 'Brun', pl: 'Brązowy', el: 'Καφέ' });
  });

  it('demo: the home store lacks sizes that nearby stores or the warehouse have', () => {
    const { db } = loaded();
    const home = one<{ id: number }>(db, 'SELECT id FROM locations WHERE code = ?', DEMO_HOME_STORE).id;
    const gaps = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM variants v
       WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id AND s.location_id = ?)
         AND EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id AND s.location_id <> ?)`,
      home,
      home,
    ).n;
    expect(gaps).toBeGreaterThan(100);
    // …including products the store does carry, just not in every size.
    const partly = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM (
         SELECT v.product_id FROM variants v LEFT JOIN stock s ON s.variant_id = v.id AND s.location_id = ?
         GROUP BY v.product_id HAVING count(s.variant_id) > 0 AND count(s.variant_id) < count(*))`,
      home,
    ).n;
    expect(partly).toBeGreaterThan(50);
  });

  it('demo: a few variants are sold out everywhere', () => {
    const { db, counts } = loaded({ allLocations: true });
    const soldOut = one<{ n: number }>(db, 'SELECT count(*) AS n FROM variants v WHERE NOT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id)').n;
    expect(soldOut / counts.variants).toBeGreaterThan(0.02);
    expect(soldOut / counts.variants).toBeLessThan(0.06);
  });

  it('demo: stock quantities are positive, mostly 1–12, and dated before the load', () => {
    const { db } = loaded();
    const q = one<{ min: number; small: number; n: number; newest: number }>(
      db,
      'SELECT min(quantity) AS min, sum(quantity <= 12) AS small, count(*) AS n, max(changed_at) AS newest FROM stock',
    );
    expect(q.min).toBeGreaterThan(0);
    expect(q.small / q.n).toBeGreaterThan(0.8);
    expect(q.newest).toBeLessThanOrEqual(NOW);
  });

  it('demo: the cache holds the home store, stores within reach and the warehouse — not Umeå or Göteborg', () => {
    const { db } = loaded();
    const codes = all<{ code: string }>(db, 'SELECT code FROM locations ORDER BY id').map((r) => r.code);
    expect(codes).toContain(DEMO_HOME_STORE);
    expect(codes).toContain('se-sto-mall-of-scandinavia');
    expect(codes).toContain('se-upp-forumgallerian');
    expect(codes).toContain('se-online');
    expect(codes).not.toContain('se-ume-kungsgatan');
    expect(codes).not.toContain('se-got-nordstan');
    const stocked = all<{ code: string }>(db, 'SELECT DISTINCT l.code FROM stock s JOIN locations l ON l.id = s.location_id').map((r) => r.code);
    expect(stocked.sort()).toEqual([...codes].sort());

    const meta = Object.fromEntries(all<{ key: string; value: string }>(db, 'SELECT key, value FROM meta').map((r) => [r.key, r.value]));
    expect(meta.source).toBe('demo');
    expect(meta.last_sync_at).toBe(String(NOW));
    const region = JSON.parse(meta.region ?? '{}') as { home: string; nearby: string[]; warehouse: string };
    expect(region.home).toBe(DEMO_HOME_STORE);
    expect(region.warehouse).toBe('se-online');
    expect(region.nearby.length).toBeGreaterThanOrEqual(3);
    expect([region.home, ...region.nearby, region.warehouse].sort()).toEqual([...codes].sort());
  });

  it('demo: a pillar in a small town still gets its three closest stores', () => {
    const { db } = loaded({ homeStore: 'se-ume-kungsgatan' });
    const region = JSON.parse(one<{ value: string }>(db, "SELECT value FROM meta WHERE key = 'region'").value) as { nearby: string[] };
    expect(region.nearby).toHaveLength(3);
    expect(() => loaded({ homeStore: 'se-nowhere' })).toThrow(/unknown demo store "se-nowhere"/);
  });

  it('demo: related products point at existing products — complements from other categories, alternatives from the same', () => {
    const { db } = loaded();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const kinds = all<{ kind: string; crossCategory: number; n: number }>(
      db,
      `SELECT r.kind, sum(a.category_id <> b.category_id) AS crossCategory, count(*) AS n
       FROM related r JOIN products a ON a.id = r.product_id JOIN products b ON b.id = r.related_id GROUP BY r.kind ORDER BY r.kind`,
    );
    expect(kinds).toEqual([
      { kind: 'alternative', crossCategory: 0, n: expect.any(Number) },
      { kind: 'complement', crossCategory: kinds[1]?.n, n: expect.any(Number) },
    ]);
    const perProduct = one<{ fewest: number; most: number }>(
      db,
      "SELECT min(n) AS fewest, max(n) AS most FROM (SELECT count(*) AS n FROM related WHERE kind = 'complement' GROUP BY product_id)",
    );
    expect(perProduct.fewest).toBeGreaterThanOrEqual(3);
    expect(perProduct.most).toBeLessThanOrEqual(6);
    const jeansGoWith = all<{ category_id: string }>(
      db,
      `SELECT DISTINCT b.category_id FROM related r JOIN products a ON a.id = r.product_id JOIN products b ON b.id = r.related_id
       WHERE a.category_id = 'jeans' AND r.kind = 'complement'`,
    ).map((r) => r.category_id);
    expect(jeansGoWith).toEqual(expect.arrayContaining(['t-shirts', 'shirts', 'shoes']));
  });

  it('demo: writes a drawing for every image the catalogue refers to, and only those', () => {
    const { db, dir, counts } = loaded();
    expect(counts.mediaFiles).toBe(0);
    const mediaDir = path.join(dir, 'media');
    const withMedia = loaded({ mediaDir });
    const referenced = new Set(
      all<{ images: string }>(db, 'SELECT images FROM products').flatMap((r) => Object.values(JSON.parse(r.images) as Record<string, string[]>).flat()),
    );
    expect(withMedia.counts.mediaFiles).toBe(referenced.size);
    for (const mediaPath of referenced) expect(existsSync(path.join(mediaDir, mediaPath))).toBe(true);
    expect(readdirSync(path.join(mediaDir, 'demo'))).toHaveLength(referenced.size);
    const [first] = referenced;
    expect(readFileSync(path.join(mediaDir, first ?? ''), 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 400 400"/);
  });

  it('demo: refuses a cache that already holds a catalog', () => {
    const { db } = loaded();
    expect(() => loadDemoChain(db, { scale: 'demo' })).toThrow(/empty cache/);
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM products').n).toBe(600);
  });

  it('generator: a region streams exactly the chain-wide rows at its locations', () => {
    const chain = demoChain({ scale: 'demo' });
    const region = chain.region();
    const codes = new Set([region.home, ...region.nearby, region.warehouse]);
    const key = (r: { sku: string; locationCode: string; quantity: number; changedAt: number }): string => `${r.sku}@${r.locationCode}:${r.quantity}:${r.changedAt}`;
    const filtered = [...chain.stock()].filter((r) => codes.has(r.locationCode)).map(key);
    expect([...chain.stock(codes)].map(key)).toEqual(filtered);
  });

  it('generator: imports no Node built-ins, so the kiosk core and HQ can both run it', () => {
    const root = fileURLToPath(new URL('../../../resources/demo/', import.meta.url));
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== 'cli.ts');
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/from ['"](node:|fs|path|os|crypto|url)['"/]/);
  });
});
