import type { LangIndex, WordIndexes } from './searchIndex';
import type { TermIndex } from './termIndex';
import { maxEdits } from './typos';

/**
 * How the shopper's words become lookups: each typed word as the ranges of terms it matches in the
 * term indexes (the language's words and their Greeklish aliases, brands, style codes), each range with
 * what its terms score — as typed (`planWord`), or widened by typo correction and compounds when the
 * words as typed find too little (`typoPlans`). search.ts then intersects and scores their postings.
 */

/** A typed word that is a whole indexed word beats one that is only its start ('jean' vs 'jeans'). */
export const MATCH = { exact: 1, prefix: 0.8, oneEdit: 0.6, inside: 0.6, twoEdits: 0.45 } as const;
/** Corrections tried per word, nearest first. */
const TYPO_CANDIDATES = 24;

type TermIndexes = Pick<WordIndexes, 'brands' | 'codes'>;

/** Where one typed word is looked up: a range of an index's sorted terms, or of its aliases. */
export interface Source {
  index: TermIndex;
  alias: boolean;
  lo: number;
  hi: number;
  /** The position whose term equals the typed word (scores `MATCH.exact`), or -1. */
  exactAt: number;
  /** What every other term in the range scores. */
  factor: number;
}

export interface WordPlan {
  word: string;
  sources: Source[];
  /** A word of one or two letters matches names, brands, categories, colours and codes, not descriptions. */
  strongOnly: boolean;
  /** Postings in all sources: an upper bound of the products the word matches. */
  postings: number;
}

/** Up to this many letters, a word skips descriptions: while a shopper types the first letters, description matches are noise. */
const SHORT_WORD = 2;

function postingsOf(source: Source, strongOnly: boolean): number {
  return source.index.postingCountIn(source.lo, source.hi, source.alias, strongOnly);
}

/**
 * A typed word as prefix ranges of the language's words (and their aliases), the brands and the style
 * codes. A word of one or two letters matches a code part only whole: every code starts with 'nv' or
 * '1', and a prefix range over a hundred thousand codes would cost milliseconds to find nothing useful.
 */
export function planWord(word: string, lang: LangIndex, indexes: TermIndexes): WordPlan {
  const plan: WordPlan = { word, sources: [], strongOnly: [...word].length <= SHORT_WORD, postings: 0 };
  for (const index of [lang.words, indexes.brands, indexes.codes]) {
    if (index === indexes.codes && plan.strongOnly) {
      const at = index.indexOf(word);
      if (at >= 0) addSource(plan, { index, alias: false, lo: at, hi: at + 1, exactAt: at, factor: MATCH.exact });
      continue;
    }
    const [lo, hi] = index.prefixRange(word);
    if (lo < hi) addSource(plan, { index, alias: false, lo, hi, exactAt: index.terms[lo] === word ? lo : -1, factor: MATCH.prefix });
    const [alo, ahi] = index.aliasRange(word);
    if (alo < ahi) addSource(plan, { index, alias: true, lo: alo, hi: ahi, exactAt: index.aliases[alo] === word ? alo : -1, factor: MATCH.prefix });
  }
  return plan;
}

function addSource(plan: WordPlan, source: Source): void {
  plan.sources.push(source);
  plan.postings += postingsOf(source, plan.strongOnly);
}

/** The sources of exactly `term` (a word or an alias), each scoring `factor`. */
function exactSources(term: string, lang: LangIndex, indexes: TermIndexes, factor: number): Source[] {
  const sources: Source[] = [];
  for (const index of [lang.words, indexes.brands]) {
    const at = index.indexOf(term);
    if (at >= 0) sources.push({ index, alias: false, lo: at, hi: at + 1, exactAt: -1, factor });
    const [alo, ahi] = index.aliasRange(term);
    for (let i = alo; i < ahi && index.aliases[i] === term; i++) sources.push({ index, alias: true, lo: i, hi: i + 1, exactAt: -1, factor });
  }
  return sources;
}

/**
 * Each word of 5+ letters (no digits) also as its near spellings, nearest and commonest first — the
 * last word as something still being typed ('swete' → 'swetry') — and each word of 4+ letters also
 * as the compounds containing it ('jacka' → 'dunjacka'). Null when no word has any.
 */
export function typoPlans(words: string[], lang: LangIndex, indexes: TermIndexes): { plans: WordPlan[]; corrected: string } | null {
  let widened = false;
  const understood: string[] = [];
  const plans = words.map((word, i) => {
    const plan = planWord(word, lang, indexes);
    const matchedAsTyped = plan.sources.length > 0;
    const compounds = lang.typos.containing(word, TYPO_CANDIDATES);
    for (const compound of compounds) for (const source of exactSources(compound, lang, indexes, MATCH.inside)) addSource(plan, source);
    const near =
      maxEdits(word) === 0
        ? []
        : lang.typos
            .near(word, { prefix: i === words.length - 1, limit: TYPO_CANDIDATES * 4 })
            .filter((candidate) => !candidate.term.startsWith(word))
            .map((candidate) => {
              const sources = exactSources(candidate.term, lang, indexes, candidate.distance === 1 ? MATCH.oneEdit : MATCH.twoEdits);
              return { ...candidate, sources, df: sources.reduce((sum, source) => sum + postingsOf(source, false), 0) };
            })
            .filter((candidate) => candidate.df > 0)
            .sort((a, b) => a.distance - b.distance || b.df - a.df)
            .slice(0, TYPO_CANDIDATES);
    for (const candidate of near) for (const source of candidate.sources) addSource(plan, source);
    widened ||= compounds.length > 0 || near.length > 0;
    // A word that matched nothing as typed, nor inside a compound, is understood as its best correction.
    understood.push(matchedAsTyped || compounds.length > 0 ? word : (near[0]?.term ?? word));
    return plan;
  });
  return widened ? { plans, corrected: understood.join(' ') } : null;
}
