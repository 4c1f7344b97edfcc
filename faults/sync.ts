import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { canonicalLines } from '../shared/sync/digest';
import type { Product } from '../shared/sync/entities';
import { MAX_LEVELS_PER_CHANGE, type Region } from '../shared/sync/protocol';
import { currentCacheFile } from '../electron/core/sync/cacheFile';
import { cacheDigest } from '../electron/core/sync/state';
import { startHq, type RunningHq } from '../hq/server';
import { mulberry32, sleep } from './util';

/**
 * The sync fault harness (issue 4): HQ in this process, the pillar's sync in a child process that is
 * killed with SIGKILL at random moments while it loads a snapshot or applies deltas. After every kill the
 * cache must equal HQ's state at the cursor it records — compared by digest, never a mix of two
 * moments — and after a restart without a kill it must converge to HQ's head.
 *
 * Every change the harness makes at HQ is one log entry (a stock update of at most one change's worth of
 * levels, or one product), and the digest of HQ's region is recorded after each, so every cursor a cache
 * can stand at has a known expected state.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE = 'se-sto-drottninggatan';

export interface FaultReport {
  runs: number;
  kills: number;
  mixed: number;
  converged: number;
  /** Kills that hit before the first snapshot was in place (nothing to compare: the pillar had no cache yet). */
  killedBeforeCache: number;
  /** Kills that interrupted work: the cache was left behind HQ's head (mid-snapshot or mid-catch-up). */
  killedMidway: number;
  /** Runs that went through a snapshot (first provisioning or after HQ compacted its log). */
  snapshotRuns: number;
  failures: string[];
}

export interface FaultOptions {
  runs: number;
  seed?: number;
  /** Progress lines on stderr. */
  verbose?: boolean;
}

export async function runSyncFaults(options: FaultOptions): Promise<FaultReport> {
  const random = mulberry32(options.seed ?? 20_261_122);
  const hqDir = mkdtempSync(path.join(tmpdir(), 'pillar-faults-hq-'));
  const kioskDir = mkdtempSync(path.join(tmpdir(), 'pillar-faults-kiosk-'));
  const report: FaultReport = { runs: 0, kills: 0, mixed: 0, converged: 0, killedBeforeCache: 0, killedMidway: 0, snapshotRuns: 0, failures: [] };
  const hq = await startHq({ dataDir: hqDir, port: 0, demo: 'demo', log: false });
  try {
    const token = await hq.issueKioskToken(STORE);
    const region = (await hq.store.region(STORE)) as Region;
    const expected = new Map<number, string>();
    const record = async (): Promise<void> => {
      const state = await hq.store.regionState(region);
      expected.set(state.cursor, digest(state));
    };
    await record();
    const skus = (await hq.store.regionState(region)).products.flatMap((p) => p.variants.map((v) => v.sku));
    const locations = [region.home, ...region.nearby, ...(region.warehouse ? [region.warehouse] : [])];

    for (let run = 1; run <= options.runs; run++) {
      report.runs++;
      // Some runs start from nothing or find their cursor compacted away: both go through a snapshot.
      const kind = run === 1 || random() < 0.15 ? 'fresh' : random() < 0.1 ? 'compacted' : 'delta';
      if (kind === 'fresh') rmSync(kioskDir, { recursive: true, force: true });
      const changes = 1 + Math.floor(random() * 4);
      for (let i = 0; i < changes; i++) {
        if (random() < 0.2) await changeProduct(hq, random);
        else await changeStock(hq, skus, locations, random);
        await record();
      }
      if (kind === 'compacted') await hq.store.compact(await hq.store.head());
      if (kind !== 'delta') report.snapshotRuns++;

      // Sync, killed at a random moment once it has started working.
      const child = startSync(hq.url, token, kioskDir, true);
      await child.working;
      await sleep(random() * (kind === 'delta' ? 400 : 1200));
      child.process.kill('SIGKILL');
      await child.exited;
      report.kills++;
      const after = inspect(kioskDir);
      if (after === null || after.cursor !== (await hq.store.head())) report.killedMidway++;
      if (after === null) report.killedBeforeCache++;
      else if (expected.get(after.cursor ?? -1) !== after.digest) {
        report.mixed++;
        report.failures.push(`run ${run} (${kind}): after the kill the cache at cursor ${after.cursor} matches no state HQ had at that cursor`);
      }

      // Restarted and left alone, it must reach HQ's head.
      const finish = startSync(hq.url, token, kioskDir, false);
      const code = await finish.exited;
      const final = inspect(kioskDir);
      const head = await hq.store.head();
      if (code === 0 && final !== null && final.cursor === head && final.digest === expected.get(head)) report.converged++;
      else report.failures.push(`run ${run} (${kind}): after a clean restart the cache is at ${final?.cursor ?? 'nothing'} (HQ at ${head}), exit ${code}${final && final.digest !== expected.get(head) ? ', content differs' : ''}`);
      if (options.verbose) process.stderr.write(`faults: run ${run}/${options.runs} ${kind}: ${JSON.stringify({ kills: report.kills, mixed: report.mixed, converged: report.converged })}\n`);
    }
    return report;
  } finally {
    await hq.close();
    rmSync(hqDir, { recursive: true, force: true });
    rmSync(kioskDir, { recursive: true, force: true });
  }
}

function startSync(url: string, token: string, dataDir: string, follow: boolean): { process: ChildProcess; working: Promise<void>; exited: Promise<number> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli.ts', 'sync', '--hq', url, '--token', token, '--store', STORE, '--data', dataDir, ...(follow ? ['--follow'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PILLAR_LOG_LEVEL: 'error' },
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 137 : 1))));
  // The first status line means the engine runs (module loading is over): kills land in real work.
  const working = new Promise<void>((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('pillar sync:')) resolve();
    });
    void exited.then(() => resolve());
  });
  return { process: child, working, exited };
}

function inspect(dataDir: string): { cursor: number | null; digest: string } | null {
  if (!existsSync(dataDir)) return null;
  const file = currentCacheFile(dataDir);
  if (!existsSync(file)) return null;
  const db = new Database(file);
  try {
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get();
    return hasMeta ? cacheDigest(db) : null;
  } finally {
    db.close();
  }
}

async function changeStock(hq: RunningHq, skus: string[], locations: string[], random: () => number): Promise<void> {
  const count = 1 + Math.floor(random() * MAX_LEVELS_PER_CHANGE);
  const changes = Array.from({ length: count }, () => ({
    sku: skus[Math.floor(random() * skus.length)] as string,
    location: locations[Math.floor(random() * locations.length)] as string,
    quantity: random() < 0.2 ? 0 : Math.floor(random() * 40),
  }));
  await hq.store.updateStock({ reason: 'count', changes });
}

async function changeProduct(hq: RunningHq, random: () => number): Promise<void> {
  const [product] = await hq.store.getProducts([`NV-${10_001 + Math.floor(random() * 600)}`]);
  if (!product) return;
  const changed: Product = { ...product, priceMinor: 10_000 + Math.floor(random() * 90_000), popularity: Math.floor(random() * 1000) };
  await hq.store.publishCatalog({ products: [changed] });
}

function digest(state: Parameters<typeof canonicalLines>[0]): string {
  const hash = createHash('sha256');
  for (const line of canonicalLines(state)) hash.update(`${line}\n`);
  return hash.digest('hex');
}
