import type { Db } from '../db/open';
import { foldText } from './fold';
import { Field, type TermIndex, TermIndexBuilder } from './termIndex';
import { type Sliced, runNow } from './timeSlice';
import { TypoIndex } from './typos';

/**
 * What search indexes: the folded words of each product by field and language (`documentTokens`,
 * `globalTokens`), read from the catalog by `CatalogReader`, and the in-memory indexes of them that
 * `CatalogSearch` answers from (`buildWordIndexes`). The benchmark's FTS5 baseline
 * (bench/ftsBaseline.ts) indexes the same words, so the two always agree on what a product is found by.
 */

export const SEARCH_LANGS = ['en', 'sv', 'pl', 'el'] as const;
export type SearchLang = (typeof SEARCH_LANGS)[number];

/** The language whose text stands in when a product has none in the shopper's language. */
export const FALLBACK_LANG: SearchLang = 'en';
/** Description words are a weak signal; a long description should not swamp the index. */
const MAX_DESCRIPTION_WORDS = 24;
/**
 * Products read per statement (with their colours), and products whose texts are: bounds memory, and
 * keeps each read to a millisecond or two, so a build in slices pauses between them (timeSlice.ts).
 */
const PRODUCTS_PER_READ = 128;
const TEXTS_PER_READ = 256;

/** The folded words of one product, by field. Brand and style code are the same in every language. */
export interface DocumentTokens {
  name: string[];
  /** Category and colour names in the language (and, in `globalTokens`, the brand). */
  strong: string[];
  description: string[];
}

export interface ProductText {
  name: string;
  description: string;
  categoryName: string;
  colourNames: readonly string[];
}

/**
 * The folded words of one whitespace-free chunk of text, and — when folding split it ('T-shirt',
 * 'NV-10042') — the parts joined up ('tshirt', 'nv10042'), so a shopper typing either spelling finds it.
 * Catalog text repeats the same chunks endlessly, so each is folded once while an index is built (the
 * cache is bounded, and emptied after the build: see `forgetChunks`).
 */
interface Chunk {
  parts: readonly string[];
  joined: string | null;
}
const chunks = new Map<string, Chunk>();
const CHUNK_CACHE_SIZE = 200_000;

function chunk(text: string): Chunk {
  let found = chunks.get(text);
  if (found === undefined) {
    const folded = foldText(text);
    const parts = folded === '' ? [] : folded.split(' ');
    found = { parts, joined: parts.length > 1 ? parts.join('') : null };
    if (chunks.size >= CHUNK_CACHE_SIZE) chunks.clear();
    chunks.set(text, found);
  }
  return found;
}

/**
 * Empties the chunk cache. A build leaves it full — a hundred thousand style codes alone, each folded
 * once and never again — and kept, those 200,000 small objects made every full garbage collection of
 * the kiosk's main thread slower for as long as it ran.
 */
function forgetChunks(): void {
  chunks.clear();
}

/** The folded words of `text`; with `joins`, also each split word joined up (see `chunk`). */
export function textWords(text: string, joins: boolean): string[] {
  const words: string[] = [];
  // Split on spaces only; other whitespace is folded away inside a chunk like punctuation.
  for (const piece of text.split(' ')) {
    if (piece === '') continue;
    const { parts, joined } = chunk(piece);
    for (const part of parts) words.push(part);
    if (joins && joined !== null) words.push(joined);
  }
  return words;
}

/** The words of a product in one language. */
export function documentTokens(text: ProductText): DocumentTokens {
  const name = textWords(text.name, true);
  const strong = textWords(text.categoryName, true);
  for (const colour of text.colourNames) for (const word of textWords(colour, true)) strong.push(word);
  const description: string[] = [];
  const seen = new Set(name);
  for (const word of strong) seen.add(word);
  for (const word of textWords(text.description, false)) {
    if (description.length === MAX_DESCRIPTION_WORDS) break;
    if (!seen.has(word)) {
      seen.add(word);
      description.push(word);
    }
  }
  return { name, strong, description };
}

/** The words of a product that do not depend on the language: its brand (strong) and style code. */
export function globalTokens(product: { brand: string; styleCode: string }): { strong: string[]; code: string[] } {
  return { strong: textWords(product.brand, true), code: textWords(product.styleCode, true) };
}

// ---------------------------------------------------------------------------------------------------
// Reading the catalog

export interface CatalogProduct {
  id: number;
  styleCode: string;
  brand: string;
  categoryId: string;
  colourCodes: readonly string[];
}

interface ProductRow {
  id: number;
  style_code: string;
  brand: string;
  category_id: string;
  colours: string; // JSON array of the colour codes of the product's variants
}

interface TextRow {
  product_id: number;
  lang: string;
  name: string;
  description: string;
}

const PRODUCT_COLUMNS = `p.id, p.style_code, p.brand, p.category_id,
  (SELECT json_group_array(DISTINCT v.colour_code) FROM variants v WHERE v.product_id = p.id) AS colours`;

function namesByKey(rows: { key: string; names: string }[]): Map<string, Record<string, string>> {
  return new Map(rows.map((row) => [row.key, JSON.parse(row.names) as Record<string, string>]));
}

function inLang(names: Record<string, string> | undefined, lang: SearchLang): string {
  return names?.[lang] ?? names?.[FALLBACK_LANG] ?? '';
}

/**
 * The catalog as search sees it: products with their texts per language, category and colour names.
 * Reads in batches and never writes, so callers can write between batches (better-sqlite3 cannot write
 * while a read is being iterated).
 */
export class CatalogReader {
  private readonly categories: Map<string, Record<string, string>>;
  private readonly colours: Map<string, Record<string, string>>;
  private readonly productsAfter;
  private readonly productsIn;
  private readonly textsBetween;
  private readonly textsIn;
  /**
   * Every row brings its own copy of its brand, category and colour list; products share one of each,
   * so the hundred thousand products held through a build are not also a hundred thousand copies
   * (which every young-generation collection would copy again, pausing the build's slices).
   */
  private readonly shared = new Map<string, string>();
  private readonly colourLists = new Map<string, readonly string[]>();

  constructor(db: Db) {
    this.categories = namesByKey(db.prepare('SELECT id AS key, names FROM categories').all() as { key: string; names: string }[]);
    this.colours = namesByKey(db.prepare('SELECT code AS key, names FROM colours').all() as { key: string; names: string }[]);
    this.productsAfter = db.prepare(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id > ? ORDER BY p.id LIMIT ${PRODUCTS_PER_READ}`);
    this.productsIn = db.prepare(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`);
    this.textsBetween = db.prepare(
      'SELECT product_id, lang, name, description FROM product_texts WHERE product_id BETWEEN ? AND ? AND lang IN (?, ?)',
    );
    this.textsIn = db.prepare('SELECT product_id, lang, name, description FROM product_texts WHERE product_id IN (SELECT value FROM json_each(?))');
  }

  /** Every product, by id. */
  products(): CatalogProduct[] {
    return runNow(this.reading());
  }

  /** `products`, a batch at a time, pausing between batches. */
  *reading(): Sliced<CatalogProduct[]> {
    const products: CatalogProduct[] = [];
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = this.productsAfter.all(after) as ProductRow[];
      for (const row of rows) products.push(this.product(row));
      const last = rows.at(-1);
      if (!last || rows.length < PRODUCTS_PER_READ) return products;
      after = last.id;
      yield;
    }
  }

  productsWithIds(ids: readonly number[]): CatalogProduct[] {
    return (this.productsIn.all(JSON.stringify(ids)) as ProductRow[]).map((row) => this.product(row));
  }

  private product(row: ProductRow): CatalogProduct {
    let colourCodes = this.colourLists.get(row.colours);
    if (colourCodes === undefined) this.colourLists.set(row.colours, (colourCodes = JSON.parse(row.colours) as string[]));
    return { id: row.id, styleCode: row.style_code, brand: this.one(row.brand), categoryId: this.one(row.category_id), colourCodes };
  }

  private one(text: string): string {
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    this.shared.set(text, text);
    return text;
  }

  /**
   * The texts of `products` (sorted by id) in `lang`, falling back to English, TEXTS_PER_READ at a time;
   * a product with neither is skipped (it has no name to be found by).
   */
  *texts(lang: SearchLang, products: readonly CatalogProduct[]): Generator<[CatalogProduct, ProductText]> {
    for (let start = 0; start < products.length; start += TEXTS_PER_READ) {
      const batch = products.slice(start, start + TEXTS_PER_READ);
      const rows = this.textsBetween.all(batch[0]?.id, batch.at(-1)?.id, lang, FALLBACK_LANG) as TextRow[];
      yield* this.join(lang, batch, rows);
    }
  }

  /** The texts of a few products in every language: for incremental updates. */
  *textsOf(products: readonly CatalogProduct[]): Generator<[SearchLang, CatalogProduct, ProductText]> {
    const rows = this.textsIn.all(JSON.stringify(products.map((p) => p.id))) as TextRow[];
    for (const lang of SEARCH_LANGS) for (const [product, text] of this.join(lang, products, rows)) yield [lang, product, text];
  }

  private *join(lang: SearchLang, products: readonly CatalogProduct[], rows: readonly TextRow[]): Generator<[CatalogProduct, ProductText]> {
    const byProduct = new Map<number, TextRow>();
    for (const row of rows) {
      if (row.lang === lang || (row.lang === FALLBACK_LANG && !byProduct.has(row.product_id))) byProduct.set(row.product_id, row);
    }
    for (const product of products) {
      const row = byProduct.get(product.id);
      if (!row) continue;
      yield [
        product,
        {
          name: row.name,
          description: row.description,
          categoryName: inLang(this.categories.get(product.categoryId), lang),
          colourNames: product.colourCodes.map((code) => inLang(this.colours.get(code), lang)),
        },
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The indexes search answers from

/** The words of one language, and their spellings for typo correction. */
export interface LangIndex {
  words: TermIndex;
  typos: TypoIndex;
}

export interface WordIndexes {
  brands: TermIndex;
  /** Style codes, in parts and joined ('nv', '10042', 'nv10042'): a hundred thousand one-product words. */
  codes: TermIndex;
  langs: Record<SearchLang, LangIndex>;
}

/**
 * The catalog's words in term indexes, each product as document `docOf(id)` (its number in browse
 * order); a product without a number (newer than the caller's list) is left out.
 */
export function buildWordIndexes(db: Db, docOf: ReadonlyMap<number, number>): WordIndexes {
  return runNow(wordIndexesBuilding(db, docOf));
}

/** `buildWordIndexes`, pausing every few products (see timeSlice.ts). */
export function* wordIndexesBuilding(db: Db, docOf: ReadonlyMap<number, number>): Sliced<WordIndexes> {
  const reader = new CatalogReader(db);
  const products = yield* reader.reading();
  const brands = new TermIndexBuilder();
  const codes = new TermIndexBuilder();
  let added = 0;
  for (const product of products) {
    const d = docOf.get(product.id);
    if (d === undefined) continue;
    const words = globalTokens(product);
    brands.add(d, Field.Strong, words.strong);
    codes.add(d, Field.Code, words.code);
    // As often as for the texts below: a profile at chain scale showed 256 products taking 20-60 ms.
    if ((++added & 15) === 0) yield;
  }
  const brandIndex = yield* brands.building();
  const codeIndex = yield* codes.building();

  const langs = {} as Record<SearchLang, LangIndex>;
  for (const lang of SEARCH_LANGS) {
    const builder = new TermIndexBuilder();
    for (const [product, text] of reader.texts(lang, products)) {
      const d = docOf.get(product.id);
      if (d === undefined) continue;
      const doc = documentTokens(text);
      builder.add(d, Field.Name, doc.name);
      builder.add(d, Field.Strong, doc.strong);
      builder.add(d, Field.Description, doc.description);
      if ((++added & 15) === 0) yield;
    }
    const words = yield* builder.building();
    langs[lang] = { words, typos: yield* TypoIndex.building([words.terms, words.aliases, brandIndex.terms]) };
  }
  forgetChunks();
  return { brands: brandIndex, codes: codeIndex, langs };
}
