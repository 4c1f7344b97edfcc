import { openCache } from '../electron/core/db/open';
import { SEARCH_LANGS } from '../electron/core/catalog/searchIndex';
import { buildPeer, type PeerSearch } from './peerSearch';
import { loadQuerySet, relevance } from './querySet';
import { latency } from './stats';

/**
 * `tsx bench/peerRun.ts <cache.db> <passes>`: the named alternative (MiniSearch) on the benchmark's text
 * queries, in its own process so its memory is measured apart. Prints one JSON object. Queries with
 * filters are left out: MiniSearch has no notion of sizes, colours or stock.
 */
const [file, passesArg] = process.argv.slice(2);
const db = openCache(file!, { readonly: true });
const set = loadQuerySet();
const queries = set.queries.filter((query) => !query.filters);

const started = performance.now();
const peers = Object.fromEntries(SEARCH_LANGS.map((lang) => [lang, buildPeer(db, lang)])) as Record<string, PeerSearch>;
const build_s = Math.round((performance.now() - started) / 100) / 10;

const samples: number[] = [];
for (let pass = 0; pass < Number(passesArg) + 1; pass++) {
  for (const query of queries) {
    const start = process.hrtime.bigint();
    peers[query.lang]!.search(query.q, 24);
    if (pass > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const recall = queries.map((query) => relevance(db, query, peers[query.lang]!.search(query.q, set.checkTop), set.checkTop));
const l = latency(samples);
console.log(
  JSON.stringify({
    name: 'MiniSearch 7 (prefix + fuzzy, same folding and edit rules)',
    p50_ms: l.p50_ms,
    p99_ms: l.p99_ms,
    recall: Math.round((recall.reduce((a, b) => a + b, 0) / recall.length) * 1000) / 1000,
    queries: queries.length,
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    build_s,
  }),
);
