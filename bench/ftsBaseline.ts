import type { Statement } from 'better-sqlite3';
import { foldText } from '../electron/core/catalog/fold';
import {
  type CatalogProduct,
  CatalogReader,
  type ProductText,
  SEARCH_LANGS,
  type SearchLang,
  documentTokens,
  globalTokens,
} from '../electron/core/catalog/searchIndex';
import type { Db } from '../electron/core/db/open';

/**
 * The search benchmark's "naive SQLite FTS5" baseline: one FTS5 table per shopper language
 * (`search_<lang>`, rowid = products.id) over the same folded words as `CatalogSearch`
 * (`documentTokens`, `globalTokens`), queried with every word a prefix and ranked by bm25. The kiosk
 * does not use it: at 100k products FTS5 needs 5–25 ms just to list the matches of a one-letter prefix,
 * so the kiosk answers from memory (electron/core/catalog/search.ts). The tables are not part of the
 * cache schema; `createFtsBaseline` adds them to a cache.db the benchmark owns.
 */

/** Products read per batch while reindexing: bounds memory at full chain scale. */
const BATCH = 4096;

export const searchTable = (lang: SearchLang): `search_${SearchLang}` => `search_${lang}`;

/**
 * Creates the four tables if missing. Contentless (the catalog holds the text) and tokenized on the
 * app's own folding: SQLite's `remove_diacritics` misses Polish ł and Greek tonos.
 */
export function createFtsBaseline(db: Db): void {
  for (const lang of SEARCH_LANGS) {
    db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${searchTable(lang)} USING fts5 (name, terms, code, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3')`,
    );
  }
}

/** The FTS row of a product: columns (name, terms, code) of `search_<lang>`. */
export function ftsRow(product: CatalogProduct, text: ProductText): { name: string; terms: string; code: string } {
  const doc = documentTokens(text);
  const global = globalTokens(product);
  return {
    name: doc.name.join(' '),
    terms: [...global.strong, ...doc.strong, ...doc.description].join(' '),
    code: global.code.join(' '),
  };
}

class FtsWriter {
  private readonly inserts;
  private readonly deletes;

  constructor(private readonly db: Db) {
    this.inserts = byLang((lang) => db.prepare(`INSERT INTO ${searchTable(lang)} (rowid, name, terms, code) VALUES (?, ?, ?, ?)`));
    this.deletes = byLang((lang) => db.prepare(`DELETE FROM ${searchTable(lang)} WHERE rowid = ?`));
  }

  insert(lang: SearchLang, product: CatalogProduct, text: ProductText): void {
    const row = ftsRow(product, text);
    this.inserts[lang].run(product.id, row.name, row.terms, row.code);
  }

  delete(productId: number): void {
    for (const lang of SEARCH_LANGS) this.deletes[lang].run(productId);
  }

  /**
   * Empties the tables for a bulk load. FTS5 normally merges segments a little on every insert
   * (automerge); in a full rebuild that work is wasted, since `finishBulk` merges everything once.
   */
  startBulk(): void {
    for (const table of SEARCH_LANGS.map(searchTable)) {
      this.db.exec(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`);
      this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`);
      this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('crisismerge', 64)`);
    }
  }

  /** One segment per table, and FTS5's default merge settings back for incremental updates. */
  finishBulk(): void {
    for (const table of SEARCH_LANGS.map(searchTable)) {
      this.db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
      this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 4)`);
      this.db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('crisismerge', 16)`);
    }
  }
}

function byLang<T>(make: (lang: SearchLang) => T): Record<SearchLang, T> {
  return Object.fromEntries(SEARCH_LANGS.map((lang) => [lang, make(lang)])) as Record<SearchLang, T>;
}

/**
 * Creates the four FTS tables if missing and refills them from the catalog in one transaction (a reader
 * never sees half an index), one language at a time (FTS5 writes and merges one index at a time about
 * twice as fast as four interleaved), then merges each index into one segment.
 */
export function rebuildFtsBaseline(db: Db): { products: number } {
  createFtsBaseline(db);
  const reader = new CatalogReader(db);
  const writer = new FtsWriter(db);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // A bigger page cache while the indexes are written and merged, restored after.
  db.pragma('cache_size = -262144');
  try {
    let count = 0;
    db.transaction(() => {
      writer.startBulk();
      const products = reader.products();
      for (const lang of SEARCH_LANGS) for (const [product, text] of reader.texts(lang, products)) writer.insert(lang, product, text);
      writer.finishBulk();
      count = products.length;
    })();
    return { products: count };
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/**
 * Reindexes some products after a catalog change: their rows are deleted and written again from the
 * catalog; an id no longer in the catalog just loses its rows. The tables must exist
 * (`rebuildFtsBaseline`). Runs inside the caller's transaction when there is one (better-sqlite3 nests
 * it as a savepoint).
 */
export function indexProducts(db: Db, productIds: readonly number[]): void {
  if (productIds.length === 0) return;
  const reader = new CatalogReader(db);
  const writer = new FtsWriter(db);
  db.transaction(() => {
    for (let start = 0; start < productIds.length; start += BATCH) {
      const ids = productIds.slice(start, start + BATCH);
      for (const id of ids) writer.delete(id);
      for (const [lang, product, text] of reader.textsOf(reader.productsWithIds(ids))) writer.insert(lang, product, text);
    }
  })();
}

/**
 * An FTS5 MATCH expression from what a shopper typed: folded words only, each quoted (so `"`, `*`,
 * `-`, `(`, `:`, `^`, NEAR, AND/OR/NOT are just text), each a prefix, all required; at most 8 words of
 * at most 32 characters. Null when nothing searchable is left. Raw text never reaches MATCH.
 */
export function ftsMatchExpression(text: string): string | null {
  const words = [...new Set(foldText(text.slice(0, 512)).split(' ').filter(Boolean))].slice(0, 8);
  return words.length ? words.map((word) => `"${word.slice(0, 32)}"*`).join(' ') : null;
}

const ftsStatements = new WeakMap<Db, Record<SearchLang, Statement<[string, number], number>>>();

/**
 * Product ids matching `text` in the FTS5 table of `lang`, best first by bm25 (name weighted 10, style
 * code 5, terms 2). The tables must exist (`rebuildFtsBaseline`).
 */
export function searchFts(db: Db, lang: SearchLang, text: string, limit: number): number[] {
  const expression = ftsMatchExpression(text);
  if (expression === null) return [];
  let statements = ftsStatements.get(db);
  if (!statements) {
    statements = byLang((l) =>
      db
        .prepare<[string, number], number>(`SELECT rowid FROM ${searchTable(l)} WHERE ${searchTable(l)} MATCH ? ORDER BY bm25(${searchTable(l)}, 10, 2, 5) LIMIT ?`)
        .pluck(),
    );
    ftsStatements.set(db, statements);
  }
  return statements[lang].all(expression, Math.max(0, Math.min(100, Math.floor(limit) || 0)));
}
