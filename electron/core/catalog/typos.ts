import { type Sliced, runNow } from './timeSlice';

/**
 * Typo tolerance: the indexed words within a small edit distance of what a shopper typed, so 'swetr'
 * finds 'sweter' and 'jeasn' finds 'jeans' (and, for compounds, the words containing it). Distance is optimal-string-alignment Damerau–Levenshtein
 * (insert, delete, substitute, swap two neighbours): one edit for words of 5+ letters, two for 9+.
 *
 * Lookup scans the vocabulary with a cheap filter first: an edit changes at most one letter of a word's
 * letter set (a swap none), so a word whose letter set differs from the query's by more letters than
 * edits allowed is skipped without computing a distance. Two typed arrays beside the word list — a few
 * bytes per word — instead of a deletion index (tens of entries per word) or a tree of objects.
 */

export interface Near {
  term: string;
  distance: number;
}

/** Edits tolerated in a typed word: none for short words or words with digits (codes, sizes). */
export function maxEdits(token: string): 0 | 1 | 2 {
  if (/\d/u.test(token)) return 0;
  const length = [...token].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** Words shorter than this are never offered as corrections (a 5-letter word one edit away has 4+). */
const MIN_TERM_LENGTH = 4;
const MAX_LENGTH = 64;

/** One bit per letter, hashed into 32: a superset test that never rejects a real match. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (Math.imul(word.charCodeAt(i), 0x9e3779b1) >>> 27);
  return mask;
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export class TypoIndex {
  // Filled once, by `fill`, from the constructor or from `building`.
  private words: string[] = [];
  private lengths = new Uint8Array(0);
  private masks = new Uint32Array(0);
  // Three rows of the distance table, reused by every lookup (OSA needs the row before last).
  private readonly rows = [new Int32Array(MAX_LENGTH + 3), new Int32Array(MAX_LENGTH + 3), new Int32Array(MAX_LENGTH + 3)];

  /** `terms`: the indexed words; ones with digits or under 4 letters are left out. */
  constructor(terms: Iterable<string>) {
    runNow(this.fill([terms]));
  }

  /** The index of the words of all these lists, pausing as it goes (see timeSlice.ts). */
  static *building(termLists: readonly Iterable<string>[]): Sliced<TypoIndex> {
    const index = new TypoIndex([]);
    yield* index.fill(termLists);
    return index;
  }

  private *fill(termLists: readonly Iterable<string>[]): Sliced<void> {
    const words: string[] = [];
    let seen = 0;
    for (const terms of termLists) {
      for (const term of terms) {
        if (term.length >= MIN_TERM_LENGTH && term.length <= MAX_LENGTH && !/\d/u.test(term)) words.push(term);
        if ((++seen & 1023) === 0) yield;
      }
    }
    const lengths = new Uint8Array(words.length);
    const masks = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      lengths[i] = word.length;
      masks[i] = letterMask(word);
      if ((i & 4095) === 0) yield;
    }
    this.words = words;
    this.lengths = lengths;
    this.masks = masks;
  }

  get size(): number {
    return this.words.length;
  }

  /**
   * Indexed words within `maxEdits(token)` of `token`, nearest first. With `prefix` (the word the
   * shopper is still typing) a word also counts when it *starts* with something that near: 'swete'
   * finds 'swetry'.
   */
  near(token: string, options: { prefix: boolean; limit?: number }): Near[] {
    const edits = maxEdits(token);
    if (edits === 0 || token.length > MAX_LENGTH) return [];
    const length = token.length;
    const mask = letterMask(token);
    const found: Near[] = [];
    this.words.forEach((term, i) => {
      const termLength = this.lengths[i] ?? 0;
      if (termLength < length - edits) return;
      if (!options.prefix && termLength > length + edits) return;
      const termMask = this.masks[i] ?? 0;
      if (popcount(mask & ~termMask) > edits) return;
      if (!options.prefix && popcount(termMask & ~mask) > edits) return;
      const distance = this.distance(token, term, edits, options.prefix);
      if (distance <= edits) found.push({ term, distance });
    });
    found.sort((a, b) => a.distance - b.distance || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
    return options.limit === undefined ? found : found.slice(0, options.limit);
  }

  /**
   * Indexed words that contain `token` after their start: the compounds of Swedish, Polish and Greek
   * ('jacka' → 'dunjacka', 'regnjacka'), where a shopper types the head of the word. Shortest first.
   */
  containing(token: string, limit: number): string[] {
    if (token.length < MIN_TERM_LENGTH) return [];
    const found = this.words.filter((word) => word.length > token.length && word.includes(token, 1));
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /**
   * OSA distance of `a` to `b` — or, with `prefix`, to the nearest prefix of `b` — giving up (returning
   * `bound + 1`) as soon as a whole row exceeds `bound`.
   */
  private distance(a: string, b: string, bound: number, prefix: boolean): number {
    const m = a.length;
    const n = prefix ? Math.min(b.length, m + bound) : b.length;
    let [before, previous, current] = this.rows as [Int32Array, Int32Array, Int32Array];
    for (let j = 0; j <= n; j++) previous[j] = j;
    for (let i = 1; i <= m; i++) {
      current[0] = i;
      let rowMin = i;
      const ai = a.charCodeAt(i - 1);
      for (let j = 1; j <= n; j++) {
        const bj = b.charCodeAt(j - 1);
        let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (ai === bj ? 0 : 1));
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (before[j - 2] ?? 0) + 1);
        current[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > bound) return bound + 1;
      [before, previous, current] = [previous, current, before];
    }
    if (!prefix) return previous[n] ?? bound + 1;
    return Math.min(bound + 1, ...previous.subarray(0, n + 1));
  }
}
