import type { StockChanged } from '../shared/api/sync';
import { Catalog } from '../electron/core/catalog/catalog';
import { openCache } from '../electron/core/db/open';
import type { Kiosk } from '../electron/core/kiosk';
import type { Logger } from '../electron/core/log/logger';
import { currentCacheFile } from '../electron/core/sync/cacheFile';
import { SyncEngine } from '../electron/core/sync/engine';
import type { BenchHq } from './syncHq';
import { loopMonitor, percentiles, seededRandom, sleep } from './syncMeasure';

/** Live-stock samples per channel (fewer with `--runs N`); each a sale 200 ms–1.2 s after the last was seen. */
export const LIVE_SAMPLES = 100;
/** The polling alternative's interval. */
export const POLL_MS = 1_000;
const SALE_SPACING_MS = 200;
const LIVE_TIMEOUT_MS = 10_000;

export interface Pick {
  sku: string;
  styleCode: string;
  variantId: number;
}

/** Variants with stock in the home store, one per product, spread over the catalog. */
export function salePicks(cacheFile: string, store: string, count: number): Pick[] {
  const db = openCache(cacheFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT v.sku, p.style_code AS styleCode, v.id AS variantId FROM stock_now s
         JOIN locations l ON l.id = s.location_id JOIN variants v ON v.id = s.variant_id JOIN products p ON p.id = v.product_id
         WHERE l.code = ? AND s.quantity >= 2 ORDER BY s.variant_id`,
      )
      .all(store) as Pick[];
    const byProduct = [...new Map(rows.map((row) => [row.styleCode, row])).values()];
    const step = Math.max(1, Math.floor(byProduct.length / count));
    const picks = byProduct.filter((_, i) => i % step === 0).slice(0, count);
    if (picks.length < count) throw new Error(`only ${picks.length} products have stock at ${store}; ${count} needed`);
    return picks;
  } finally {
    db.close();
  }
}

/** The kiosk's live path: a sale at HQ until `catalog.stockChanged` names the product and `catalog.availability` shows it. */
export async function liveThroughKiosk(kiosk: Kiosk, hq: BenchHq, store: string, picks: Pick[]) {
  const loop = loopMonitor();
  const here = async (pick: Pick): Promise<number> => {
    const answer = await kiosk.dispatcher.dispatch('catalog.availability', { styleCode: pick.styleCode });
    if (!answer.ok) throw new Error(`catalog.availability failed: ${answer.error.message}`);
    return (answer.value as { variants: { sku: string; here: number }[] }).variants.find((v) => v.sku === pick.sku)?.here ?? 0;
  };
  const result = await sampleSales(hq, store, picks, here, (pick, onSeen) =>
    kiosk.events.onAny((name, payload) => {
      if (name === 'catalog.stockChanged' && (payload as StockChanged).styleCodes.includes(pick.styleCode)) onSeen();
    }),
  );
  return { ...result, loop: await loop.stop() };
}

/** The alternative: the engine polling HQ every second, no live channel; the same sales, other products. */
export async function liveByPolling(dir: string, hq: { url: string; token: string }, log: Logger, benchHq: BenchHq, store: string, picks: Pick[]) {
  const applied = new Set<(variantIds: readonly number[]) => void>();
  const engine = new SyncEngine({
    dataDir: dir,
    hq,
    storeCode: store,
    log,
    live: false,
    timing: { pollMs: POLL_MS },
    onApplied: (a) => {
      for (const listener of applied) listener(a.variantIds);
    },
  });
  const db = openCache(currentCacheFile(dir), { readonly: true });
  try {
    // Catch up on the sales of the live run first: every sample below starts from a current cache.
    await engine.syncOnce();
    const catalog = new Catalog(db, { storeCode: store });
    engine.start();
    const here = async (pick: Pick): Promise<number> => catalog.availability(pick.styleCode).variants.find((v) => v.sku === pick.sku)?.here ?? 0;
    return await sampleSales(benchHq, store, picks, here, (pick, onSeen) => {
      const listener = (variantIds: readonly number[]): void => {
        if (variantIds.includes(pick.variantId)) onSeen();
      };
      applied.add(listener);
      return () => applied.delete(listener);
    });
  } finally {
    await engine.stop();
    db.close();
  }
}

/**
 * One sale per pick (`delta: -1` at the home store), one at a time 200 ms–1.2 s apart; each timed from HQ's
 * answer until the notification has come and the quantity read back is one less. A sale not seen within
 * 10 s counts as a timeout, not as a sample.
 */
async function sampleSales(
  hq: BenchHq,
  store: string,
  picks: Pick[],
  here: (pick: Pick) => Promise<number>,
  watch: (pick: Pick, onSeen: () => void) => () => void,
) {
  const samples: number[] = [];
  let timeouts = 0;
  const jitter = seededRandom(picks.length);
  for (const pick of picks) {
    const before = await here(pick);
    if (before < 1) continue;
    let notified = false;
    const unwatch = watch(pick, () => (notified = true));
    try {
      await hq.postStock({ reason: 'sale', changes: [{ sku: pick.sku, location: store, delta: -1 }] });
      const answered = performance.now();
      let seen = false;
      while (performance.now() - answered < LIVE_TIMEOUT_MS) {
        if (notified && (await here(pick)) === before - 1) {
          seen = true;
          break;
        }
        await sleep(notified ? 2 : 1);
      }
      if (seen) samples.push(performance.now() - answered);
      else timeouts++;
    } finally {
      unwatch();
    }
    // A random part on top, so the sales do not fall into step with the polling alternative's timer.
    await sleep(SALE_SPACING_MS + jitter() * POLL_MS);
  }
  const p = percentiles(samples);
  return { p50_ms: p.p50, p95_ms: p.p95, p99_ms: p.p99, samples: samples.length, timeouts };
}
