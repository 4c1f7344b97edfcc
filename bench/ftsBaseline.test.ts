import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openCache } from '../electron/core/db/open';
import { tempDir } from '../electron/core/testing/fixtures';
import { ftsMatchExpression, indexProducts, rebuildFtsBaseline, searchFts } from './ftsBaseline';

let db: Db;
let cleanup: () => void;

function addProduct(id: number, styleCode: string, names: Record<string, string>, colour = 'brown'): void {
  db.prepare(
    "INSERT INTO products (id, style_code, brand, category_id, price_minor, currency, images) VALUES (?, ?, 'NORRVIK', 'knitwear', 100, 'SEK', '{}')",
  ).run(id, styleCode);
  for (const [lang, name] of Object.entries(names)) {
    db.prepare('INSERT INTO product_texts (product_id, lang, name, description) VALUES (?, ?, ?, ?)').run(id, lang, name, `${name}. Material: ull.`);
  }
  db.prepare("INSERT INTO variants (id, sku, gtin, product_id, colour_code, size, size_sort) VALUES (?, ?, ?, ?, ?, 'M', 1)").run(
    id,
    `${styleCode}-M`,
    String(7_000_000_000_000 + id),
    id,
    colour,
  );
}

beforeEach(() => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  db = openCache(path.join(dir.dir, 'cache.db'));
  db.prepare("INSERT INTO categories (id, sort, names) VALUES ('knitwear', 1, ?)").run(JSON.stringify({ en: 'Knitwear', sv: 'Stickat', pl: 'Swetry', el: 'Πλεκτά' }));
  db.prepare("INSERT INTO colours (code, hex, names) VALUES ('brown', '#6e4b36', ?)").run(JSON.stringify({ en: 'Brown', sv: 'Brun', pl: 'Brązowy', el: 'Καφέ' }));
  addProduct(1, 'NV-10042', { en: 'Åre Wool Sweater', sv: 'Åre Tröja i ull', pl: 'Åre Sweter z wełny', el: 'Åre Πουλόβερ από μαλλί' });
  addProduct(2, 'NV-10043', { en: 'Łódź T-Shirt' }); // English only: the other languages fall back to it
});

afterEach(() => {
  db.close();
  cleanup();
});

describe('fts baseline: FTS5 tables', () => {
  it('fts baseline: a rebuild fills all four tables with folded words', () => {
    expect(rebuildFtsBaseline(db)).toEqual({ products: 2 });
    const match = (lang: string, expression: string): number[] =>
      db.prepare(`SELECT rowid FROM search_${lang} WHERE search_${lang} MATCH ? ORDER BY rowid`).pluck().all(expression) as number[];
    expect(match('sv', '"troja"')).toEqual([1]);
    expect(match('pl', '"welny"')).toEqual([1]);
    expect(match('el', '"πουλοβερ"')).toEqual([1]);
    expect(match('el', '"καφε"')).toEqual([1, 2]); // the colour of both
    expect(match('en', '"lodz"')).toEqual([2]);
    expect(match('sv', '"lodz"')).toEqual([2]); // fallback to English
    expect(match('en', 'code : "nv10042"')).toEqual([1]);
    expect(match('en', 'code : ("nv" "10043")')).toEqual([2]);
    expect(match('en', 'name : "tshirt"')).toEqual([2]);
  });

  it('fts baseline: indexProducts rewrites a changed product and drops a deleted one', () => {
    rebuildFtsBaseline(db);
    db.prepare("UPDATE product_texts SET name = 'Åre Kofta i ull', description = 'Mjuk.' WHERE product_id = 1 AND lang = 'sv'").run();
    db.prepare('DELETE FROM products WHERE id = 2').run();
    indexProducts(db, [1, 2]);
    expect(searchFts(db, 'sv', 'kofta', 10)).toEqual([1]);
    expect(searchFts(db, 'sv', 'tröja', 10)).toEqual([]);
    expect(searchFts(db, 'en', 'lodz', 10)).toEqual([]);
  });

  it('fts baseline: an FTS query is built from quoted folded words only, so no input is FTS syntax', () => {
    expect(ftsMatchExpression('Tröja "NEAR(ull" -x* OR ^:')).toBe('"troja"* "near"* "ull"* "x"* "or"*');
    expect(ftsMatchExpression('*** ()')).toBeNull();
    rebuildFtsBaseline(db);
    for (const text of ['"', '*', '-', '(', ')', ':', '^', 'NEAR', 'AND', 'OR', 'NOT', 'x'.repeat(2000), '🙂', '\u0000', 'tröja OR']) {
      expect(() => searchFts(db, 'sv', text, 10), text).not.toThrow();
    }
    expect(searchFts(db, 'sv', '"tröja"', 10)).toEqual([1]);
  });
});
