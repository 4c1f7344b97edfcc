import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../electron/core/catalog/catalog';
import { openCache, type Db } from '../electron/core/db/open';
import { DEMO_HOME_STORE } from '../resources/demo/generator';
import { loadQuerySet, relevance, type QuerySet } from './querySet';
import { latency, measure } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Scale = 'demo' | 'full';

interface Build {
  file: string;
  build_s: number;
}

/**
 * The catalog benchmark: builds the demo chain at `scale` with every location (or reuses a cached build
 * in .cache/bench), then measures search, availability and barcode lookups as the kiosk answers them,
 * and the same queries on a popular in-memory search library (MiniSearch) in a child process — its
 * memory is its own, so `rss_mb` is this process's alone.
 */
export async function catalogBench(options: { scale: Scale; runs: number; rebuild: boolean }) {
  const build = ensureBuild(options.scale, options.rebuild);
  const db = openCache(build.file, { readonly: true });
  const counts = db.prepare('SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM variants) AS variants, (SELECT count(*) FROM stock) AS stock_rows').get() as {
    products: number;
    variants: number;
    stock_rows: number;
  };

  const indexStarted = performance.now();
  const catalog = new Catalog(db, { storeCode: DEMO_HOME_STORE });
  const index_s = seconds(performance.now() - indexStarted);

  const set = loadQuerySet();
  const passes = Math.max(1, Math.round(options.runs / set.queries.length));
  const search = await searchLatency(catalog, set, passes);
  const recall = mean(set.queries.map((query) => relevance(db, query, catalog.searchIds(searchQuery(query, set.checkTop)), set.checkTop)));

  const styleCodes = sampleColumn(db, 'products', 'style_code', counts.products, 1000);
  let i = 0;
  const availability = latency(await measure(() => catalog.availability(styleCodes[i++ % styleCodes.length]!), options.runs));
  const gtins = sampleColumn(db, 'variants', 'gtin', counts.variants, 1000);
  let j = 0;
  const barcode = latency(await measure(() => catalog.byBarcode(gtins[j++ % gtins.length]!), options.runs));
  const rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  db.close();

  return {
    scale: options.scale,
    ...counts,
    build_s: build.build_s,
    index_s,
    db_mb: Math.round(statSync(build.file).size / 1024 / 1024),
    rss_mb,
    search: { ...pick(search.raw), recall: round(recall), queries: set.queries.length, api_p50_ms: search.api.p50_ms, api_p99_ms: search.api.p99_ms },
    availability: pick(availability),
    barcode: pick(barcode),
    peer_search: runPeer(build.file, passes),
  };
}

/** The raw search (comparable with the peer's ids) and the full API answer with product cards. */
async function searchLatency(catalog: Catalog, set: QuerySet, passes: number) {
  const queries = set.queries.map((query) => searchQuery(query, 24));
  const raw: number[] = [];
  const api: number[] = [];
  for (let pass = 0; pass < passes + 1; pass++) {
    for (const query of queries) {
      const rawSamples = await measure(() => catalog.searchIds(query), 1, 0);
      const apiSamples = await measure(() => catalog.search(query), 1, 0);
      if (pass > 0) {
        // The first pass warms caches and the JIT.
        raw.push(...rawSamples);
        api.push(...apiSamples);
      }
    }
  }
  return { raw: latency(raw), api: latency(api) };
}

function searchQuery(query: QuerySet['queries'][number], limit: number) {
  return { text: query.q, lang: query.lang, limit, offset: 0, ...(query.filters ?? {}) };
}

function runPeer(file: string, passes: number): unknown {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'peerRun.ts'), file, String(passes)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) return { name: 'MiniSearch', error: child.stderr.slice(-2000) };
  return JSON.parse(child.stdout);
}

/** The dataset at `scale`, built once into .cache/bench/<scale>/ and reused (also by bench/responsiveness.ts). */
export function ensureBuild(scale: Scale, rebuild: boolean): Build {
  const dir = path.join(ROOT, '.cache', 'bench', scale);
  const file = path.join(dir, 'cache.db');
  const stamp = path.join(dir, 'build.json');
  if (!rebuild && existsSync(file) && existsSync(stamp)) return { file, ...(JSON.parse(readFileSync(stamp, 'utf8')) as { build_s: number }) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  // A child process builds it, so this process's memory is the kiosk's queries alone.
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'resources', 'demo', 'cli.ts'), '--out', dir, '--scale', scale, '--all-locations'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`building the ${scale} dataset failed`);
  const build_s = seconds(performance.now() - started);
  writeFileSync(stamp, JSON.stringify({ build_s }));
  return { file, build_s };
}

/** Every (rows/count)th value, deterministic so runs compare, read without loading the whole column. */
function sampleColumn(db: Db, table: 'products' | 'variants', column: 'style_code' | 'gtin', rows: number, count: number): string[] {
  const step = Math.max(1, Math.floor(rows / count));
  return db.prepare(`SELECT ${column} FROM ${table} WHERE id % ? = 0 LIMIT ?`).pluck().all(step, count) as string[];
}

function pick(l: { p50_ms: number; p99_ms: number }): { p50_ms: number; p99_ms: number } {
  return { p50_ms: l.p50_ms, p99_ms: l.p99_ms };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
