import type { Db } from '../db/open';
import { type Facets, Filter, HomeStock, type StockUpdate, applyHomeLevels, facetBytes } from './facets';
import { tokens as foldedWords } from './fold';
import { LatestBuild } from './latestBuild';
import { MATCH, type Source, type WordPlan, planWord, typoPlans } from './queryPlan';
import { type BuildOptions, type BuiltIndex, built, buildingAside } from './searchBuild';
import { SEARCH_LANGS, type SearchLang, type WordIndexes } from './searchIndex';
import { Field, findPosting } from './termIndex';
import { type Sliced, runInSlices, runNow } from './timeSlice';

/**
 * Catalog search as the shopper types: every typed word must match the start of a word of the product
 * (name, brand, category, colours, description, style code; words of one or two letters skip the
 * description), diacritics folded, Greek also reachable in Latin letters ('kafe' → 'καφέ'). When the
 * words as typed find fewer than 3 products, a typo or two is forgiven ('swetr' → 'sweter') and a word
 * may match inside a compound ('jacka' → 'dunjacka'). Ranked by how well the text matches (field
 * weights and IDF, name first) and then by rating and popularity; filtered; always paged.
 *
 * It answers from memory, not from SQLite FTS5 (kept only as the benchmark's baseline,
 * bench/ftsBaseline.ts): at 100k products, FTS5 needs 5–25 ms just to list the matches of a one-letter
 * prefix and ~2 µs per match to rank them, while a shopper's first letter must answer within a frame.
 * So the catalog is read once into typed arrays — per language an inverted index of the products'
 * folded words (searchIndex.ts, termIndex.ts), and per product its category, quality and variants
 * (colour, size, in stock here) for the filters (facets.ts) — and a query touches only the postings of
 * its words and the candidate products.
 *
 * Building that takes seconds at chain scale, so besides the constructor and `refresh()` (at once:
 * the CLI, benchmarks, tests) there are `CatalogSearch.open()` and `refreshAsync()`, which build in
 * slices of a few milliseconds on a connection of their own (searchBuild.ts, latestBuild.ts) while the
 * previous index goes on answering, and swap the new one in whole. `updateStock()` /
 * `updateStockAsync()` keep "in this store" current after stock deltas.
 */

export interface SearchQuery {
  text: string;
  lang: SearchLang;
  category?: string;
  /** Any of these sizes (e.g. 'M', 'W32 L32', '42'). */
  sizes?: string[];
  /** Any of these colour codes. */
  colours?: string[];
  /** Only products with stock in this store now. */
  inStoreOnly?: boolean;
  limit: number;
  offset: number;
}

export interface SearchHit {
  productId: number;
  styleCode: string;
  /** Higher is better: the text-match tier (0–19; 0 when browsing) plus quality (rating and popularity, 0–1). */
  score: number;
}

export interface SearchResult {
  total: number;
  items: SearchHit[];
  /** The query as understood after typo correction (folded words), when it differs from what was typed. */
  corrected?: string;
}

/** Bounds on what a shopper can paste: beyond these, words are ignored, never an error. */
const MAX_TEXT_LENGTH = 512;
const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 32;
export const MAX_LIMIT = 100;
/** Typo correction (and compounds) are tried when the words as typed find fewer products than this. */
const TYPO_BELOW = 3;

/**
 * Field weights (BM25F-style): a word in the name or the style code counts most, then brand, category
 * and colour, then the description. No length normalisation: a product with a longer name is not a
 * worse match, and it must not sink below a better-rated one over one extra word.
 */
const WEIGHT = { name: 3, code: 3, strong: 2, description: 1 } as const;
const MAX_WEIGHT = 3;
/** The weight of a posting: its best field. */
const FIELD_WEIGHT = Float64Array.from({ length: 16 }, (_, fields) =>
  Math.max(
    fields & Field.Name ? WEIGHT.name : 0,
    fields & Field.Code ? WEIGHT.code : 0,
    fields & Field.Strong ? WEIGHT.strong : 0,
    fields & Field.Description ? WEIGHT.description : 0,
  ),
);
/**
 * Text scores (each word's best field × how it matched, weighted by the word's IDF) are bucketed into
 * tiers; within a tier, rating and popularity decide. Fine enough that every single-word match kind
 * (name exact, name prefix, category exact, …, description prefix) has its own tier.
 */
const TIERS = 20;
/** A later word's posting list this many times longer than the candidates left is probed, not scanned. */
const PROBE_RATIO = 16;
/** Above this many candidates, ordering walks all products once instead of sorting. */
const SORT_AT_MOST = 4096;

/** Reusable per-product scratch arrays: a query allocates nothing in proportion to the catalog. */
interface Scratch {
  /** How many of the query's words product d has matched so far; 0 between queries. */
  level: Uint8Array;
  best: Float64Array;
  text: Float64Array;
  tier: Uint8Array;
  candidates: Int32Array;
  passed: Int32Array;
}

function scratchFor(count: number): Scratch {
  return {
    level: new Uint8Array(count),
    best: new Float64Array(count),
    text: new Float64Array(count),
    tier: new Uint8Array(count),
    candidates: new Int32Array(count),
    passed: new Int32Array(count),
  };
}

/** The shopper's words, folded, de-duplicated and bounded. */
export function queryWords(text: string): string[] {
  const words = foldedWords(text.slice(0, MAX_TEXT_LENGTH)).map((word) => word.slice(0, MAX_TOKEN_LENGTH));
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
}

export interface SearchOptions extends BuildOptions {
  /** Work per slice of an asynchronous build or stock update, in milliseconds (timeSlice.ts). */
  sliceMs?: number;
}

export class CatalogSearch {
  private facets!: Facets;
  private words!: WordIndexes;
  private scratch!: Scratch;
  private readonly homeStock: HomeStock;
  private readonly rebuilds: LatestBuild<BuiltIndex>;
  /**
   * Variants whose stock changed since the running rebuild read its snapshot: its flags for them may
   * be older than the ones answering now, so they are re-read before it is swapped in.
   */
  private stockSinceSnapshot: Set<number> | null = null;
  private closed = false;

  /** Builds the index at once, blocking the thread meanwhile (seconds at chain scale). */
  constructor(
    private readonly db: Db,
    private readonly options: SearchOptions = {},
    prebuilt?: BuiltIndex,
  ) {
    this.homeStock = new HomeStock(db);
    this.rebuilds = new LatestBuild(
      () => this.newIndex(),
      (index) => this.install(index),
      options,
    );
    if (prebuilt) this.install(prebuilt);
    else this.refresh();
  }

  /**
   * Builds the index in slices, the event loop free in between. Stock committed while it builds is
   * not seen until the next rebuild: open it before sync starts applying deltas.
   */
  static async open(db: Db, options: SearchOptions = {}): Promise<CatalogSearch> {
    const index = await runInSlices(buildingAside(db, options), options);
    return new CatalogSearch(db, options, index);
  }

  /** Re-reads the whole catalog at once: after a catalog sync, or when this store's region changed. */
  refresh(): void {
    this.install(runNow(built(this.db)));
    // Newer than any rebuild under way, which is dropped; whoever awaits one is answered by this.
    this.rebuilds.satisfied();
  }

  /**
   * Re-reads the whole catalog in slices while the current index goes on answering, then swaps the
   * new one in. A request during a rebuild supersedes it (see latestBuild.ts); resolves once an index
   * read after this call answers.
   */
  refreshAsync(): Promise<void> {
    return this.rebuilds.request();
  }

  /** Whether a rebuild is under way (or about to start). */
  get rebuilding(): boolean {
    return this.rebuilds.busy;
  }

  /** Re-reads "in stock in this store" for the products of these variants, after a stock delta. */
  updateStock(variantIds: readonly number[]): StockUpdate {
    this.noteStockChange(variantIds);
    return runNow(this.homeStock.updating(() => this.facets, variantIds));
  }

  /** `updateStock` in slices: one statement per slice, the event loop free in between. */
  async updateStockAsync(variantIds: readonly number[]): Promise<StockUpdate> {
    this.noteStockChange(variantIds);
    return runInSlices(this.homeStock.updating(() => this.facets, variantIds), { ...this.options, cancelled: () => this.closed });
  }

  /**
   * Stock changes the sync thread described in full (`Applied.stock` pairs): flags set from memory at
   * once, no read. `unplaced`: variants newer than this index, for `updateStockAsync`.
   */
  applyStockLevels(pairs: ArrayLike<number>): StockUpdate & { unplaced: number[] } {
    const since = this.stockSinceSnapshot;
    if (since) for (let i = 0; i < pairs.length; i += 2) since.add(pairs[i] as number);
    return applyHomeLevels(this.facets, pairs);
  }

  /** Stops a rebuild under way (closing its connection) and any stock update; searches still answer from memory. */
  close(): void {
    this.closed = true;
    this.rebuilds.close();
  }

  private noteStockChange(variantIds: readonly number[]): void {
    if (!Array.isArray(variantIds) || !variantIds.every((id) => Number.isSafeInteger(id))) {
      throw new TypeError('stock update: variant ids must be an array of integers');
    }
    const since = this.stockSinceSnapshot;
    if (since) for (const id of variantIds) since.add(id);
  }

  private *newIndex(): Sliced<BuiltIndex> {
    // Before the build's first read: a stock change committed after its snapshot is noted here.
    const changed = new Set<number>();
    this.stockSinceSnapshot = changed;
    const index = yield* buildingAside(this.db, this.options);
    // Re-read the flags of what changed since (on the kiosk's connection: the newest state) until a
    // pass finds nothing new; the last pass ends in the slice that swaps the index in.
    while (changed.size > 0) {
      const variantIds = [...changed];
      changed.clear();
      yield* this.homeStock.updating(() => index.facets, variantIds);
    }
    return index;
  }

  private install(index: BuiltIndex): void {
    this.facets = index.facets;
    this.words = index.words;
    this.scratch = scratchFor(index.facets.count);
    this.stockSinceSnapshot = null;
  }

  /** Memory held by the typed arrays (excluding the vocabulary strings), for the benchmark. */
  get bytes(): number {
    const scratchBytes = Object.values(this.scratch).reduce((sum: number, a: { byteLength: number }) => sum + a.byteLength, 0);
    const { brands, codes, langs } = this.words;
    const langBytes = SEARCH_LANGS.reduce((sum, lang) => sum + langs[lang].words.bytes, 0);
    return facetBytes(this.facets) + scratchBytes + langBytes + brands.bytes + codes.bytes;
  }

  search(query: SearchQuery): SearchResult {
    const limit = clampInt(query.limit, 0, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, Number.MAX_SAFE_INTEGER);
    const lang = this.words.langs[query.lang] ?? this.words.langs.en;
    const filter = new Filter(this.facets, query);
    if (filter.impossible) return { total: 0, items: [] };
    const words = queryWords(typeof query.text === 'string' ? query.text : '');
    if (words.length === 0) return this.browse(filter, limit, offset);

    const exact = this.run(
      words.map((word) => planWord(word, lang, this.words)),
      filter,
      limit,
      offset,
    );
    if (exact.total >= TYPO_BELOW) return exact;
    const fuzzy = typoPlans(words, lang, this.words);
    if (!fuzzy) return exact;
    const corrected = this.run(fuzzy.plans, filter, limit, offset);
    if (corrected.total <= exact.total) return exact;
    return fuzzy.corrected === words.join(' ') ? corrected : { ...corrected, corrected: fuzzy.corrected };
  }

  /** No words: the products passing the filters, in browse order (rating and popularity). */
  private browse(filter: Filter, limit: number, offset: number): SearchResult {
    const f = this.facets;
    const items: SearchHit[] = [];
    const hit = (d: number): SearchHit => ({ productId: f.ids[d] ?? 0, styleCode: f.styleCodes[d] ?? '', score: f.quality[d] ?? 0 });
    if (!filter.active) {
      for (let d = offset; d < Math.min(f.count, offset + limit); d++) items.push(hit(d));
      return { total: f.count, items };
    }
    let total = 0;
    for (let d = 0; d < f.count; d++) {
      if (!filter.test(d)) continue;
      if (total >= offset && total < offset + limit) items.push(hit(d));
      total++;
    }
    return { total, items };
  }

  /** Matches every word (AND), filters, ranks and pages. */
  private run(plans: WordPlan[], filter: Filter, limit: number, offset: number): SearchResult {
    const { candidates, best, text, level } = this.scratch;
    const count = this.facets.count;
    // Rarest word first: the candidate list starts as small as it can and only shrinks.
    const ordered = [...plans].sort((a, b) => a.postings - b.postings);
    if (ordered.some((plan) => plan.postings === 0)) return { total: 0, items: [] };
    let n = 0;
    try {
      let maxText = 0;
      for (const [k, plan] of ordered.entries()) {
        for (const source of plan.sources) n = this.collect(source, plan.strongOnly, k, n);
        const df = Math.min(count, plan.postings);
        const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
        maxText += idf * MAX_WEIGHT;
        if (k === ordered.length - 1) return this.rank(n, idf, maxText, filter, limit, offset);
        let kept = 0;
        for (let i = 0; i < n; i++) {
          const d = candidates[i] ?? 0;
          const score = best[d] ?? 0;
          if (score > 0) {
            level[d] = k + 1;
            text[d] = (text[d] ?? 0) + idf * score;
            best[d] = 0;
            candidates[kept++] = d;
          } else {
            level[d] = 0;
            text[d] = 0;
          }
        }
        n = kept;
        if (n === 0) return { total: 0, items: [] };
      }
      return { total: 0, items: [] };
    } catch (error) {
      // Never expected; but a half-finished query must not leak into the next one.
      this.scratch = scratchFor(count);
      throw error;
    }
  }

  /**
   * Scores the postings of one source for the k-th word: a product counts only if it matched the k
   * words before; its score for this word is its best field over all matching terms.
   */
  private collect(source: Source, strongOnly: boolean, k: number, n: number): number {
    const { level, best, candidates } = this.scratch;
    const { start, weakStart, postings, aliasOf } = source.index;
    const score = (posting: number, d: number, factor: number): void => {
      const weight = (FIELD_WEIGHT[posting & 15] ?? 0) * factor;
      if (weight > (best[d] ?? 0)) best[d] = weight;
    };
    for (let i = source.lo; i < source.hi; i++) {
      const t = source.alias ? (aliasOf[i] ?? 0) : i;
      const factor = i === source.exactAt ? MATCH.exact : source.factor;
      const from = start[t] ?? 0;
      const weak = weakStart[t] ?? 0;
      const to = strongOnly ? weak : (start[t + 1] ?? 0);
      if (k > 0 && to - from > PROBE_RATIO * n) {
        // Few candidates left, a long posting list: look each candidate up in each run (each ascends).
        for (let c = 0; c < n; c++) {
          const d = candidates[c] ?? 0;
          if (level[d] !== k) continue;
          const strong = findPosting(postings, from, weak, d);
          if (strong >= 0) score(strong, d, factor);
          else if (!strongOnly) {
            const description = findPosting(postings, weak, to, d);
            if (description >= 0) score(description, d, factor);
          }
        }
        continue;
      }
      for (let p = from; p < to; p++) {
        const posting = postings[p] ?? 0;
        const d = posting >>> 4;
        if (level[d] !== k) continue;
        if (k === 0 && best[d] === 0) candidates[n++] = d;
        score(posting, d, factor);
      }
    }
    return n;
  }

  /**
   * Scores the last word, clears the per-query marks, filters the candidates and orders them by text
   * tier, then browse order (rating and popularity); returns the page.
   */
  private rank(n: number, idf: number, maxText: number, filter: Filter, limit: number, offset: number): SearchResult {
    // Locals, not `this.scratch.x`: V8 cannot hoist those loads out of loops that write typed arrays.
    const { candidates, best, text, level, tier: marks, passed } = this.scratch;
    const f = this.facets;
    const scale = maxText > 0 ? TIERS / maxText : 0;
    const perTier = new Int32Array(TIERS);
    const filtering = filter.active;
    // Pass 1: mark each product that matched every word and passes the filters with 1 + its tier.
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = candidates[i] ?? 0;
      const last = best[d] ?? 0;
      const score = (text[d] ?? 0) + idf * last;
      level[d] = 0;
      text[d] = 0;
      best[d] = 0;
      if (last === 0 || (filtering && !filter.test(d))) continue;
      const tier = Math.min(TIERS - 1, Math.floor(score * scale + 1e-9));
      marks[d] = tier + 1;
      perTier[tier] = (perTier[tier] ?? 0) + 1;
      passed[total++] = d;
    }
    const hit = (d: number, tier: number): SearchHit => ({ productId: f.ids[d] ?? 0, styleCode: f.styleCodes[d] ?? '', score: tier + (f.quality[d] ?? 0) });
    const items: SearchHit[] = [];

    if (total <= SORT_AT_MOST || offset >= total || limit === 0) {
      // Key: best tier first, then dense index (browse order).
      const keys = new Float64Array(total);
      for (let i = 0; i < total; i++) {
        const d = passed[i] ?? 0;
        keys[i] = (TIERS - (marks[d] ?? 0)) * f.count + d;
        marks[d] = 0;
      }
      if (offset >= total || limit === 0) return { total, items };
      keys.sort();
      for (const key of keys.subarray(offset, Math.min(total, offset + limit))) {
        const d = key % f.count;
        items.push(hit(d, TIERS - 1 - (key - d) / f.count));
      }
      return { total, items };
    }

    // Many candidates: one walk over all products in browse order places the page (cheaper than
    // sorting tens of thousands of candidates).
    const next = new Int32Array(TIERS);
    for (let tier = TIERS - 1, position = 0; tier >= 0; tier--) {
      next[tier] = position;
      position += perTier[tier] ?? 0;
    }
    const page = new Array<SearchHit | undefined>(Math.min(limit, total - offset));
    for (let d = 0, count = f.count; d < count; d++) {
      const marked = marks[d] ?? 0;
      if (marked === 0) continue;
      marks[d] = 0;
      const position = next[marked - 1] ?? 0;
      next[marked - 1] = position + 1;
      if (position >= offset && position < offset + limit) page[position - offset] = hit(d, marked - 1);
    }
    for (const item of page) if (item) items.push(item);
    return { total, items };
  }
}
