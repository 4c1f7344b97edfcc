import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldText } from '../electron/core/catalog/fold';
import type { Db } from '../electron/core/db/open';
import type { Language } from '../shared/languages';

export interface QueryExpectation {
  nameContains?: string | string[];
  textContains?: string;
  category?: string;
  colour?: string;
  size?: string;
  inStore?: boolean;
  firstStyleCode?: string;
}

export interface BenchQuery {
  q: string;
  lang: Language;
  kind: string;
  expect: QueryExpectation;
  filters?: { category?: string; sizes?: string[]; colours?: string[]; inStoreOnly?: boolean };
}

export interface QuerySet {
  checkTop: number;
  queries: BenchQuery[];
}

/** The committed query set (bench/queries.json): typos, prefixes, missing diacritics in four languages. */
export function loadQuerySet(): QuerySet {
  return JSON.parse(readFileSync(fileURLToPath(new URL('queries.json', import.meta.url)), 'utf8')) as QuerySet;
}

/**
 * How well one query's results meet its label: the share of its top `checkTop` results (product ids,
 * best first) that satisfy the expectation; no results at all scores 0. Averaged over the set, this is
 * the benchmark's `recall`.
 */
export function relevance(db: Db, query: BenchQuery, productIds: readonly number[], checkTop: number): number {
  const top = productIds.slice(0, checkTop);
  if (top.length === 0) return 0;
  const statements = prepared(db);
  const home = (JSON.parse((db.prepare("SELECT value FROM meta WHERE key = 'region'").get() as { value: string }).value) as { home: string }).home;
  const e = query.expect;
  let good = 0;
  top.forEach((id, rank) => {
    const text = statements.text.get(id, query.lang) as { name: string; description: string } | undefined;
    const name = foldText(text?.name ?? '');
    const all = foldText(`${text?.name ?? ''} ${text?.description ?? ''}`);
    const ok =
      (!e.nameContains || ([] as string[]).concat(e.nameContains).every((s) => name.includes(foldText(s)))) &&
      (!e.textContains || all.includes(foldText(e.textContains))) &&
      (!e.category || (statements.category.get(id) as { category_id: string }).category_id === e.category) &&
      (!e.colour || !!statements.colour.get(id, e.colour)) &&
      (!e.size || !!statements.size.get(id, e.size)) &&
      (!e.inStore || !!statements.inStore.get(id, home)) &&
      (!e.firstStyleCode || rank > 0 || (statements.style.get(id) as { style_code: string }).style_code === e.firstStyleCode);
    if (ok) good++;
  });
  return good / top.length;
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepared(db: Db): ReturnType<typeof prepare> {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = prepare(db)));
  return statements;
}

function prepare(db: Db) {
  return {
    text: db.prepare('SELECT name, description FROM product_texts WHERE product_id = ? AND lang = ?'),
    category: db.prepare('SELECT category_id FROM products WHERE id = ?'),
    style: db.prepare('SELECT style_code FROM products WHERE id = ?'),
    colour: db.prepare('SELECT 1 FROM variants WHERE product_id = ? AND colour_code = ?'),
    size: db.prepare('SELECT 1 FROM variants WHERE product_id = ? AND size = ?'),
    inStore: db.prepare('SELECT 1 FROM variants v JOIN stock s ON s.variant_id = v.id JOIN locations l ON l.id = s.location_id WHERE v.product_id = ? AND l.code = ?'),
  };
}
