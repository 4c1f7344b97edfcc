import { greeklish } from './fold';
import { LOOP_STEP, type Sliced, identity, runNow, sortSliced } from './timeSlice';

/**
 * The in-memory inverted index that answers queries (search.ts): a sorted vocabulary with typed-array
 * posting lists. It knows nothing of products or SQLite; searchIndex.ts fills it from the catalog.
 */

/** Where a word was found; a product's posting for a term carries every field it appears in. */
export const Field = { Name: 1, Strong: 2, Description: 4, Code: 8 } as const;

/**
 * An inverted index held in typed arrays: a sorted vocabulary, and per word the documents containing
 * it, ascending, each posting `(doc << 4) | fields` (`Field` bits). Documents are small integers
 * assigned by the caller (search numbers products in browse order, see facets.ts, so ascending postings
 * are already in popularity order). A word's postings come in two runs: documents with the word in a
 * strong field (name, brand, category, colour, code), then documents with it only in the description,
 * so a one-letter prefix can skip description noise without reading it. About 4 bytes per distinct
 * word of a product.
 *
 * Greek words are also reachable by their Latin spellings (`greeklish`), through `aliases`.
 */
export class TermIndex {
  constructor(
    /** The vocabulary, sorted by UTF-16 code units (JavaScript's `<`). */
    readonly terms: readonly string[],
    /** Postings of `terms[t]`: `postings[start[t]] … postings[start[t + 1] - 1]`. */
    readonly start: Uint32Array,
    /** Where the description-only run of `terms[t]` begins (≤ `start[t + 1]`). */
    readonly weakStart: Uint32Array,
    readonly postings: Uint32Array,
    /** Other spellings of terms, sorted, and the term each one spells. */
    readonly aliases: readonly string[],
    readonly aliasOf: Uint32Array,
  ) {}

  /** [lo, hi): the terms that start with `prefix`; `terms[lo] === prefix` when the word itself is there. */
  prefixRange(prefix: string): [number, number] {
    return [lowerBound(this.terms, prefix), lowerBound(this.terms, `${prefix}\uffff`)];
  }

  /** [lo, hi) of `aliases` starting with `prefix`. */
  aliasRange(prefix: string): [number, number] {
    return [lowerBound(this.aliases, prefix), lowerBound(this.aliases, `${prefix}\uffff`)];
  }

  indexOf(term: string): number {
    const at = lowerBound(this.terms, term);
    return this.terms[at] === term ? at : -1;
  }

  /** Postings of term t, or only its strong run: an upper bound of the documents it matches. */
  postingCount(t: number, strongOnly: boolean): number {
    return ((strongOnly ? this.weakStart[t] : this.start[t + 1]) ?? 0) - (this.start[t] ?? 0);
  }

  /** `postingCount` summed over terms [lo, hi), or over the terms of aliases [lo, hi). */
  postingCountIn(lo: number, hi: number, alias: boolean, strongOnly: boolean): number {
    let sum = 0;
    for (let i = lo; i < hi; i++) sum += this.postingCount(alias ? (this.aliasOf[i] ?? 0) : i, strongOnly);
    return sum;
  }

  get bytes(): number {
    return this.start.byteLength + this.weakStart.byteLength + this.postings.byteLength + this.aliasOf.byteLength;
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The posting of document d in postings[from, to) (one run: ascending by document), or -1. */
export function findPosting(postings: Uint32Array, from: number, to: number, d: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((postings[mid] ?? 0) >>> 4 < d) lo = mid + 1;
    else hi = mid;
  }
  const posting = postings[lo] ?? 0;
  return lo < to && posting >>> 4 === d ? posting : -1;
}

/** Collects each document's words with the fields they appear in, into a `TermIndex`. */
export class TermIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private termIds = new Uint32Array(1 << 16);
  private values = new Uint32Array(1 << 16);
  private length = 0;
  private maxDoc = 0;
  /** Per term: 1 + the document it was last added for, and where that posting is (to OR more fields in). */
  private seenIn = new Int32Array(1 << 12);
  private seenAt = new Uint32Array(1 << 12);

  /** Adds one document's words in one field; `doc` below 2^28, documents in any order, each added in one go. */
  add(doc: number, field: number, words: readonly string[]): void {
    if (!(doc >= 0 && doc < 1 << 28)) throw new RangeError(`document numbers must be in [0, 2^28), got ${doc}`);
    if (this.length + words.length > this.values.length) this.grow(this.length + words.length);
    if (doc > this.maxDoc) this.maxDoc = doc;
    for (const word of words) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(word, id);
        this.words.push(word);
        if (id >= this.seenIn.length) this.growSeen();
      }
      if (this.seenIn[id] === doc + 1) {
        const at = this.seenAt[id] ?? 0;
        this.values[at] = (this.values[at] ?? 0) | field;
        continue;
      }
      this.seenIn[id] = doc + 1;
      this.seenAt[id] = this.length;
      this.termIds[this.length] = id;
      this.values[this.length++] = (doc << 4) | field;
    }
  }

  build(): TermIndex {
    return runNow(this.building());
  }

  /** `build`, pausing every few hundred microseconds (see timeSlice.ts). */
  *building(): Sliced<TermIndex> {
    const count = this.words.length;
    const { words } = this;
    const order = yield* sortSliced(identity(count), (a, b) => (words[a] ?? '') < (words[b] ?? ''));
    // Every loop here yields now and then, over the terms too: hundreds of thousands at chain scale.
    const rank = new Uint32Array(count);
    for (let position = 0; position < count; position++) {
      rank[order[position] ?? 0] = position;
      if ((position & (LOOP_STEP - 1)) === 0) yield;
    }
    // Two stable counting sorts (no comparisons, so every step is short): by document, then into 2
    // runs per term (strong, description-only). Each run then ascends by document, in whatever order
    // documents were added.
    const { length, termIds, values } = this;
    const byDoc = new Uint32Array(this.maxDoc + 2);
    for (let i = 0; i < length; i++) {
      const doc = ((values[i] ?? 0) >>> 4) + 1;
      byDoc[doc] = (byDoc[doc] ?? 0) + 1;
      if ((i & (LOOP_STEP - 1)) === 0) yield;
    }
    for (let d = 0; d <= this.maxDoc; d++) {
      byDoc[d + 1] = (byDoc[d + 1] ?? 0) + (byDoc[d] ?? 0);
      if ((d & (LOOP_STEP - 1)) === 0) yield;
    }
    const inDocOrder = new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const doc = (values[i] ?? 0) >>> 4;
      const at = byDoc[doc] ?? 0;
      byDoc[doc] = at + 1;
      inDocOrder[at] = i;
      if ((i & (LOOP_STEP - 1)) === 0) yield;
    }
    const runs = new Uint32Array(length);
    const bounds = new Uint32Array(count * 2 + 1);
    for (let i = 0; i < length; i++) {
      const run = (rank[termIds[i] ?? 0] ?? 0) * 2 + (((values[i] ?? 0) & 15) === Field.Description ? 1 : 0);
      runs[i] = run;
      bounds[run + 1] = (bounds[run + 1] ?? 0) + 1;
      if ((i & (LOOP_STEP - 1)) === 0) yield;
    }
    for (let r = 0; r < count * 2; r++) {
      bounds[r + 1] = (bounds[r + 1] ?? 0) + (bounds[r] ?? 0);
      if ((r & (LOOP_STEP - 1)) === 0) yield;
    }
    const next = bounds.slice(0, count * 2);
    const postings = new Uint32Array(length);
    for (let k = 0; k < length; k++) {
      const i = inDocOrder[k] ?? 0;
      const run = runs[i] ?? 0;
      const at = next[run] ?? 0;
      next[run] = at + 1;
      postings[at] = values[i] ?? 0;
      if ((k & (LOOP_STEP - 1)) === 0) yield;
    }
    const start = new Uint32Array(count + 1);
    const weakStart = new Uint32Array(count);
    const terms: string[] = new Array<string>(count);
    for (let t = 0; t <= count; t++) {
      start[t] = bounds[t * 2] ?? 0;
      if (t < count) {
        weakStart[t] = bounds[t * 2 + 1] ?? 0;
        terms[t] = words[order[t] ?? 0] ?? '';
      }
      if ((t & (LOOP_STEP - 1)) === 0) yield;
    }
    const aliases: string[] = [];
    const aliasTerms: number[] = [];
    for (let t = 0; t < count; t++) {
      for (const alias of greeklish(terms[t] ?? '')) {
        aliases.push(alias);
        aliasTerms.push(t);
      }
      if ((t & 1023) === 0) yield;
    }
    const aliasOrder = yield* sortSliced(identity(aliases.length), (a, b) => (aliases[a] ?? '') < (aliases[b] ?? ''));
    const sortedAliases = new Array<string>(aliasOrder.length);
    const sortedAliasTerms = new Uint32Array(aliasOrder.length);
    for (let k = 0; k < aliasOrder.length; k++) {
      const i = aliasOrder[k] ?? 0;
      sortedAliases[k] = aliases[i] ?? '';
      sortedAliasTerms[k] = aliasTerms[i] ?? 0;
      if ((k & (LOOP_STEP - 1)) === 0) yield;
    }
    return new TermIndex(terms, start, weakStart, postings, sortedAliases, sortedAliasTerms);
  }

  private growSeen(): void {
    const seenIn = new Int32Array(this.seenIn.length * 2);
    seenIn.set(this.seenIn);
    const seenAt = new Uint32Array(this.seenAt.length * 2);
    seenAt.set(this.seenAt);
    this.seenIn = seenIn;
    this.seenAt = seenAt;
  }

  private grow(atLeast: number): void {
    const size = Math.max(atLeast, this.values.length * 2);
    const termIds = new Uint32Array(size);
    termIds.set(this.termIds.subarray(0, this.length));
    const values = new Uint32Array(size);
    values.set(this.values.subarray(0, this.length));
    this.termIds = termIds;
    this.values = values;
  }
}
