import MiniSearch from 'minisearch';
import type { Db } from '../electron/core/db/open';
import { queryWords } from '../electron/core/catalog/search';
import { CatalogReader, type SearchLang, documentTokens, globalTokens } from '../electron/core/catalog/searchIndex';
import { maxEdits } from '../electron/core/catalog/typos';

/**
 * The named alternative for the search benchmark: MiniSearch (a popular in-memory JavaScript search
 * library: radix tree, prefix and fuzzy search, BM25+ ranking) over the same products, the same folded
 * words and the same fields as `CatalogSearch` — name boosted 3×, then brand, category, colours,
 * description and style code — with the same edit rules: every word a prefix, all words required,
 * one edit for words of 5+ letters, two for 9+, none for words with digits. Differences that remain:
 * MiniSearch's fuzzy distance is Levenshtein (a swapped pair costs 2, not 1), it fuzzes every word on
 * every query (CatalogSearch only when the words as typed find fewer than 3 products), and it has no
 * filters, ratings or popularity.
 */
export interface PeerSearch {
  lang: SearchLang;
  documents: number;
  buildMs: number;
  /** Product ids, best first. */
  search(text: string, limit: number): number[];
}

interface PeerDocument {
  id: number;
  name: string;
  terms: string;
}

export function buildPeer(db: Db, lang: SearchLang): PeerSearch {
  const started = performance.now();
  const reader = new CatalogReader(db);
  const products = reader.products();
  const index = new MiniSearch<PeerDocument>({
    fields: ['name', 'terms'],
    // The text is folded already; words are separated by single spaces.
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: {
      boost: { name: 3 },
      prefix: true,
      fuzzy: (term) => maxEdits(term),
      combineWith: 'AND',
    },
  });
  let documents = 0;
  const batch: PeerDocument[] = [];
  for (const [product, text] of reader.texts(lang, products)) {
    const doc = documentTokens(text);
    const global = globalTokens(product);
    batch.push({ id: product.id, name: doc.name.join(' '), terms: [...global.strong, ...doc.strong, ...doc.description, ...global.code].join(' ') });
    if (batch.length === 4096) {
      index.addAll(batch.splice(0));
    }
    documents++;
  }
  index.addAll(batch);
  return {
    lang,
    documents,
    buildMs: performance.now() - started,
    search(text, limit) {
      // The same words as CatalogSearch sees: folded, at most 8 of at most 32 characters.
      const words = queryWords(text);
      if (words.length === 0) return [];
      return index
        .search(words.join(' '))
        .slice(0, limit)
        .map((result) => result.id as number);
    },
  };
}
