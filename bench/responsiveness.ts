import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Catalog } from '../electron/core/catalog/catalog';
import { type Db, openCache } from '../electron/core/db/open';
import { DEMO_HOME_STORE } from '../resources/demo/generator';
import { type Scale, ensureBuild } from './catalog';
import { loadQuerySet } from './querySet';
import { latency } from './stats';

/**
 * Whether the kiosk stays responsive while sync changes its cache. The UI's budget is an event loop
 * never stalled for more than 50 ms; this measures the longest stall (`max_event_loop_block_ms`, with
 * `monitorEventLoopDelay`) while the main thread brings the catalog's memory up to date after
 *   (a) a catalog change: the search index rebuilt in slices (`Catalog.refreshAsync`) beside the same
 *       rebuild at once (`Catalog.refresh`), the named alternative;
 *   (b) a stock delta of 50,000 variants: "in this store" re-read in slices (`stockChangedAsync`)
 *       beside the same at once (`stockChanged`) and beside one statement per product (how it was
 *       done before: the naive alternative).
 * The sliced versions also run once more with a shopper's search every 5 ms: `searches_during` is
 * how long one waited for its answer (lateness of the probe plus the search). Those runs are kept out
 * of the stall figures, which would otherwise count the searches' own time as the rebuild's.
 *
 * The cache is opened read-only: re-reading the flags of a variant costs the same whether or not its
 * stock changed, so (b) needs no writes, and the dataset stays as built. The machine's load average
 * is reported beside the numbers: on a shared machine, other processes' work shows up as stalls.
 */

const STOCK_DELTA = 50_000;
const PROBE_EVERY_MS = 5;

interface Observation {
  ms: number;
  maxBlockMs: number;
  delaysMs: number[];
  searchesMs: number[];
}

export async function responsivenessBench(options: { scale: Scale; rebuild: boolean }) {
  const build = ensureBuild(options.scale, options.rebuild);
  const db = openCache(build.file, { readonly: true });
  const counts = db.prepare('SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM variants) AS variants').get() as { products: number; variants: number };
  const full = options.scale === 'full';
  const load_avg_1m_before = round(loadavg()[0] ?? 0);

  const openStarted = performance.now();
  const catalog = await Catalog.open(db, { storeCode: DEMO_HOME_STORE });
  const open_s = round((performance.now() - openStarted) / 1000);
  const queries = loadQuerySet().queries.map((query) => ({ text: query.q, lang: query.lang, limit: 24, offset: 0 }));
  let next = 0;
  const probe = (): void => void catalog.searchIds(queries[next++ % queries.length]!);
  // Warm: the first searches after a start compile the search code, tens of milliseconds each.
  for (let pass = 0; pass < 3; pass++) for (let i = 0; i < queries.length; i++) probe();

  const rebuildRuns = full ? 1 : 5;
  const refreshAsync = () => catalog.refreshAsync();
  const slicedRebuild = await repeat(rebuildRuns, () => observe(refreshAsync, null));
  const rebuildSearches = await repeat(rebuildRuns, () => observe(refreshAsync, probe));
  const atOnceRebuild = await repeat(rebuildRuns, () => observe(() => catalog.refresh(), null));

  const variantIds = spreadVariants(db, counts.variants);
  const stockRuns = full ? 3 : 10;
  let touched = 0;
  const stockChangedAsync = async () => {
    touched = (await catalog.stockChangedAsync(variantIds)).styleCodes.length;
  };
  const slicedStock = await repeat(stockRuns, () => observe(stockChangedAsync, null));
  const stockSearches = await repeat(stockRuns, () => observe(stockChangedAsync, probe));
  const atOnceStock = await repeat(stockRuns, () => observe(() => catalog.stockChanged(variantIds), null));
  const perProduct = perProductStatements(db);
  const perProductStock = await repeat(stockRuns, () => observe(() => perProduct(variantIds), null));
  catalog.close();
  db.close();

  return {
    scale: options.scale,
    ...counts,
    load_avg_1m_before,
    load_avg_1m_after: round(loadavg()[0] ?? 0),
    open_s,
    rebuild: {
      sliced: { ...summary(slicedRebuild), searches_during: searchesDuring(rebuildSearches) },
      at_once: summary(atOnceRebuild),
    },
    stock_update: {
      variants: variantIds.length,
      products: touched,
      sliced: { ...summary(slicedStock), searches_during: searchesDuring(stockSearches) },
      at_once: summary(atOnceStock),
      peer_per_product_statements: { name: 'one statement per product, at once (before this change)', ...summary(perProductStock) },
    },
  };
}

/**
 * Runs `work` with the event loop watched: the longest stall and every stall (from a 1 ms-resolution
 * delay histogram), and, with `probe`, a search every few milliseconds timed from when it was due.
 */
async function observe(work: () => unknown, probe: (() => void) | null): Promise<Observation> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const searchesMs: number[] = [];
  let due = 0;
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    probe?.();
    // Late by however long the loop was busy when it fell due, plus the search itself.
    searchesMs.push(performance.now() - due);
    due = performance.now() + PROBE_EVERY_MS;
    timer = setTimeout(tick, PROBE_EVERY_MS);
  };
  histogram.enable();
  // Its first tick only starts the clock: let it pass before the work starts.
  await sleep(3);
  if (probe) {
    due = performance.now() + PROBE_EVERY_MS;
    timer = setTimeout(tick, PROBE_EVERY_MS);
  }
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  clearTimeout(timer);
  // The histogram records a stall when its timer finally fires: give it that turn (work done at once
  // blocks the loop from start to end, and would otherwise go unrecorded).
  await sleep(3 * PROBE_EVERY_MS);
  histogram.disable();
  // The histogram's samples are event loop delays in ns; its percentiles stand in for every sample.
  const delaysMs = [50, 99].map((p) => histogram.percentile(p) / 1e6);
  return { ms, maxBlockMs: histogram.max / 1e6, delaysMs, searchesMs };
}

async function repeat(runs: number, run: () => Promise<Observation>): Promise<Observation[]> {
  const observations: Observation[] = [];
  for (let i = 0; i < runs; i++) observations.push(await run());
  return observations;
}

function summary(observations: Observation[]) {
  const duration = latency(observations.map((o) => o.ms));
  return {
    runs: observations.length,
    duration_ms: { p50_ms: duration.p50_ms, p99_ms: duration.p99_ms },
    max_event_loop_block_ms: round(Math.max(...observations.map((o) => o.maxBlockMs))),
    // Per run, the median and p99 of its event loop delay samples; here the worst run's.
    event_loop_delay: { p50_ms: round(Math.max(...observations.map((o) => o.delaysMs[0] ?? 0))), p99_ms: round(Math.max(...observations.map((o) => o.delaysMs[1] ?? 0))) },
  };
}

function searchesDuring(observations: Observation[]) {
  const searches = observations.flatMap((o) => o.searchesMs);
  return { runs: observations.length, searches: searches.length, ...pick(latency(searches)), max_ms: round(Math.max(...searches)) };
}

/** 50,000 variants spread over the catalog (every nth): a delta touching as many products as such a delta can. */
function spreadVariants(db: Db, variants: number): number[] {
  const step = Math.max(1, Math.floor(variants / STOCK_DELTA));
  return db.prepare('SELECT id FROM variants WHERE id % ? = 0 ORDER BY id LIMIT ?').pluck().all(step, STOCK_DELTA) as number[];
}

/** The naive alternative: the products of the variants in one statement, then one statement per product. */
function perProductStatements(db: Db): (variantIds: readonly number[]) => number {
  const home = db.prepare("SELECT l.id FROM locations l, meta m WHERE m.key = 'region' AND l.code = json_extract(m.value, '$.home')").pluck().get() as number;
  const productsOf = db.prepare('SELECT DISTINCT product_id FROM variants WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const flagsOf = db
    .prepare('SELECT EXISTS (SELECT 1 FROM stock s WHERE s.variant_id = v.id AND s.location_id = ?) FROM variants v WHERE v.product_id = ? ORDER BY product_id, colour_code, size_sort, id')
    .pluck();
  return (variantIds) => {
    let here = 0;
    for (const productId of productsOf.all(JSON.stringify(variantIds)) as number[]) {
      for (const flag of flagsOf.all(home, productId) as number[]) here += flag;
    }
    return here;
  };
}

function pick(l: { p50_ms: number; p99_ms: number }): { p50_ms: number; p99_ms: number } {
  return { p50_ms: l.p50_ms, p99_ms: l.p99_ms };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
