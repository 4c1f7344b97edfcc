import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startFaultyProxy, type FaultyProxy, type ProxyFault } from './faultyProxy';
import { mulberry32, sleep } from './util';

/**
 * The orders fault harness (issue 6). Per run, a kiosk core in a child process places a few orders
 * through the kiosk API while its outbox delivers them to the real HQ — HQ in a child process of its own,
 * killed and restarted at random, behind a proxy that answers 500s, never answers, resets connections and
 * drops answers after HQ has committed. The kiosk is SIGKILLed at a random moment; an order counts as
 * confirmed only when the child printed its id after `orders.place` returned. A clean kiosk process then
 * drains the outbox (the faults go on, less often), and at the end what the kiosks confirmed is compared
 * with what HQ holds.
 *
 * Cheap runs: one HQ data folder and one pillar data folder for all runs (a pillar crashing again and
 * again), the small demo chain, HQ restarted only in some runs, the children bundled once with esbuild
 * (a start through tsx costs seconds of module loading), and the drain run by the kiosk's outbox alone.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORE = 'se-sto-drottninggatan';

export interface OrdersFaultReport {
  runs: number;
  /** Orders the kiosk said were confirmed (it printed their id after `orders.place` returned). */
  confirmed: number;
  /** Of those, at HQ after the drain. */
  at_hq: number;
  /** Confirmed, and not at HQ. Must be 0. */
  lost: number;
  /** The same order twice at HQ: one id twice, or one order's content (placed at, lines, quote) under two ids. Must be 0. */
  duplicated: number;
  /** At HQ though never confirmed to the shopper: committed on the pillar, killed before it could say so. Fine. */
  unconfirmed_at_hq: number;
  kills: number;
  hq_restarts: number;
  /** Requests the proxy spoiled, by fault. */
  faults: Record<Exclude<ProxyFault, 'pass'>, number>;
  /** Orders HQ refused (4xx): kept on the pillar, so neither lost nor delivered. Must be 0 here. */
  rejected: number;
  /** Log lines of the kiosks that carried a shopper's details. Must be 0. */
  personal_in_logs: number;
  failures: string[];
}

export interface OrdersFaultOptions {
  runs: number;
  seed?: number;
  /** Orders per run (default 4). */
  orders?: number;
  verbose?: boolean;
}

interface HqOrder {
  id: string;
  code: string;
  placedAt: number;
  lines: unknown;
  quote: unknown;
}

export async function runOrderFaults(options: OrdersFaultOptions): Promise<OrdersFaultReport> {
  const random = mulberry32(options.seed ?? 20_261_123);
  // The proxy draws per request, as many times as requests happen to come: its own stream, so the runs'
  // own choices (kill times, HQ restarts) stay the same for a seed.
  const faultRandom = mulberry32((options.seed ?? 20_261_123) + 1);
  const perRun = options.orders ?? 4;
  const work = mkdtempSync(path.join(tmpdir(), 'pillar-faults-orders-'));
  const hqDir = path.join(work, 'hq');
  const kioskDir = path.join(work, 'kiosk');
  const report: OrdersFaultReport = {
    runs: 0,
    confirmed: 0,
    at_hq: 0,
    lost: 0,
    duplicated: 0,
    unconfirmed_at_hq: 0,
    kills: 0,
    hq_restarts: 0,
    faults: { down: 0, '500': 0, timeout: 0, reset: 0, 'drop-after': 0 },
    rejected: 0,
    personal_in_logs: 0,
    failures: [],
  };
  const confirmed = new Set<string>();
  const bundle = await bundleChildren();
  let hq = await startHqProcess(bundle, hqDir, true);
  const token = hq.token as string;
  const proxy = await startFaultyProxy(hq.url);
  // HQ's admin token is in its data folder (created on its first start).
  const adminToken = readFileSync(path.join(hqDir, 'admin-token'), 'utf8').trim();
  const config = path.join(work, 'pillar.config.json');
  writeFileSync(config, JSON.stringify({ store: { id: STORE, name: 'Stockholm Drottninggatan' }, hq: { url: proxy.url, token }, branding: { name: 'NORRVIK', accent: '#1f4d3a' } }));
  const restartHq = async (): Promise<void> => {
    hq.process.kill('SIGKILL');
    await hq.exited;
    hq = await startHqProcess(bundle, hqDir, false);
    proxy.retarget(hq.url);
    report.hq_restarts++;
  };

  try {
    const startKiosk = (mode: 'provision' | 'place' | 'drain', run: number, orders: number): KioskChild => kioskChild(bundle, kioskDir, config, mode, run, orders);
    // The pillar's first provisioning, once, without faults.
    const first = startKiosk('provision', 0, 0);
    if ((await first.exited) !== 0 || !first.lines.includes('ready')) throw new Error(`the first kiosk start failed: ${first.stderr().slice(-2_000)}`);

    for (let run = 1; run <= options.runs; run++) {
      report.runs++;
      const rate = 0.5 * random();
      setFaults(proxy, faultRandom, rate);

      const child = startKiosk('place', run, perRun);
      // Kill somewhere in placing and delivering: a little after the start, after the n-th confirmation, or
      // after the last while the outbox delivers (and now and then not at all: it exits by itself).
      const killAt = random() < 0.1 ? null : { after: Math.floor(random() * (perRun + 2)), delayMs: random() * 150 };
      const hqRestart = random() < 0.2 ? random() * 1_500 : null;
      await child.ready;
      const restarting = hqRestart === null ? Promise.resolve() : sleep(hqRestart).then(restartHq);
      if (killAt) {
        await Promise.race([killAt.after === 0 ? Promise.resolve() : child.progress(killAt.after <= perRun ? `confirmed-${killAt.after}` : 'placed'), child.exited]);
        await Promise.race([sleep(killAt.delayMs), child.exited]);
        if (child.process.exitCode === null && child.process.signalCode === null) {
          child.process.kill('SIGKILL');
          report.kills++;
        }
      }
      await child.exited;
      await restarting;
      for (const line of child.lines) if (line.startsWith('confirmed ')) confirmed.add(line.slice('confirmed '.length));
      report.personal_in_logs += personalLines(child.stderr());

      // A clean restart of the pillar drains its outbox, through fewer faults.
      setFaults(proxy, faultRandom, rate / 3);
      const drain = startKiosk('drain', run, 0);
      const code = await drain.exited;
      report.personal_in_logs += personalLines(drain.stderr());
      const result = drain.lines.find((l) => l.startsWith('drained') || l.startsWith('stuck'));
      if (code !== 0 || !result?.startsWith('drained')) report.failures.push(`run ${run}: the drain ended with ${code}: ${result ?? drain.stderr().slice(-500)}`);
      else if (result !== 'drained 0') report.rejected = Number(result.split(' ')[1]);
      if (options.verbose) process.stderr.write(`faults orders: run ${run}/${options.runs}: confirmed ${confirmed.size}, kills ${report.kills}, HQ restarts ${report.hq_restarts}\n`);
    }

    proxy.decide(() => 'pass');
    const orders = await hqOrders(proxy.url, adminToken);
    const ids = new Map<string, number>();
    const contents = new Map<string, number>();
    for (const order of orders) {
      ids.set(order.id, (ids.get(order.id) ?? 0) + 1);
      const content = createHash('sha256').update(JSON.stringify([order.placedAt, order.lines, order.quote])).digest('hex');
      contents.set(content, (contents.get(content) ?? 0) + 1);
    }
    report.confirmed = confirmed.size;
    report.at_hq = [...confirmed].filter((id) => ids.has(id)).length;
    report.lost = report.confirmed - report.at_hq;
    report.duplicated = [...ids.values(), ...contents.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
    report.unconfirmed_at_hq = [...ids.keys()].filter((id) => !confirmed.has(id)).length;
    const counts = proxy.counts();
    for (const fault of Object.keys(report.faults) as (keyof OrdersFaultReport['faults'])[]) report.faults[fault] = counts[fault];
    if (report.lost > 0) report.failures.push(`${report.lost} confirmed orders never reached HQ: ${[...confirmed].filter((id) => !ids.has(id)).slice(0, 5).join(', ')}`);
    return report;
  } finally {
    await proxy.close();
    hq.process.kill('SIGTERM');
    await hq.exited;
    rmSync(bundle.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Faults for the next requests. An upstream post is spoiled with probability `rate` (any fault); sync's
 * reads less often and only by HQ being away or failing (a read HQ answered but the pillar never heard is
 * the sync harness's business).
 */
function setFaults(proxy: FaultyProxy, random: () => number, rate: number): void {
  const posts: ProxyFault[] = ['down', '500', 'timeout', 'reset', 'drop-after'];
  const reads: ProxyFault[] = ['down', '500'];
  proxy.decide(({ method }) => {
    const kinds = method === 'POST' ? posts : reads;
    const chance = method === 'POST' ? rate : rate / 4;
    return random() < chance ? (kinds[Math.floor(random() * kinds.length)] ?? 'pass') : 'pass';
  });
}

/** Every order HQ holds for the store, through its admin API, page by page. */
async function hqOrders(url: string, adminToken: string): Promise<HqOrder[]> {
  const orders: HqOrder[] = [];
  let before: number | null = null;
  do {
    const response = await fetch(`${url}/v1/orders?store=${STORE}&limit=500${before === null ? '' : `&before=${before}`}`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (!response.ok) throw new Error(`HQ answered ${response.status} to the order list`);
    const page = (await response.json()) as { orders: HqOrder[]; next: number | null };
    orders.push(...page.orders);
    before = page.next;
  } while (before !== null);
  return orders;
}

/** The shoppers' details the kiosk child types: none may reach a log line. */
const PERSONAL = /Faultrun Shopper|shopper\.\d+\.\d+@example\.se|46701234567|070-123 45 67|Testgatan|By the door/;

function personalLines(text: string): number {
  return text.split('\n').filter((line) => PERSONAL.test(line)).length;
}

interface HqChild {
  process: ChildProcess;
  url: string;
  token: string | null;
  exited: Promise<number>;
}

async function startHqProcess(bundle: Bundles, dataDir: string, issueToken: boolean): Promise<HqChild> {
  const child = spawn(process.execPath, [bundle.hq, dataDir, STORE], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PILLAR_FAULTS_ISSUE_TOKEN: issueToken ? '1' : '0', PILLAR_LOG_LEVEL: 'error' },
  });
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 137 : 1))));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  let token: string | null = null;
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.startsWith('token ')) token = line.slice(6);
      if (line.startsWith('url ')) resolve(line.slice(4));
    });
    void exited.then((code) => reject(new Error(`HQ exited with ${code} before it listened: ${stderr.slice(-1_000)}`)));
  });
  return { process: child, url, token, exited };
}

interface KioskChild {
  process: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  /** Resolves once the child got that far: `confirmed-<n>` (its n-th confirmation) or `placed`. */
  progress(mark: string): Promise<void>;
  exited: Promise<number>;
  stderr: () => string;
}

/**
 * The children as plain JavaScript, bundled once per harness run with esbuild: a start through tsx spends
 * seconds compiling and resolving TypeScript, and the harness starts hundreds of processes. Only this
 * repository's sources go into the bundles; packages stay imports from node_modules (hence the folder).
 */
interface Bundles {
  dir: string;
  kiosk: string;
  worker: string;
  hq: string;
}

async function bundleChildren(): Promise<Bundles> {
  mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'pillar-faults-'));
  const out = { dir, kiosk: path.join(dir, 'ordersKiosk.mjs'), worker: path.join(dir, 'syncWorker.mjs'), hq: path.join(dir, 'hqProcess.mjs') };
  const common = { bundle: true, packages: 'external' as const, platform: 'node' as const, format: 'esm' as const, target: 'node20', logLevel: 'warning' as const };
  await build({ ...common, entryPoints: [path.join(ROOT, 'faults/ordersKiosk.ts')], outfile: out.kiosk });
  await build({ ...common, entryPoints: [path.join(ROOT, 'electron/core/sync/worker.ts')], outfile: out.worker });
  await build({ ...common, entryPoints: [path.join(ROOT, 'faults/hqProcess.ts')], outfile: out.hq });
  return out;
}

function kioskChild(bundle: Bundles, dataDir: string, config: string, mode: 'provision' | 'place' | 'drain', run: number, orders: number): KioskChild {
  const child = spawn(process.execPath, [bundle.kiosk, '--data', dataDir, '--config', config, '--mode', mode, '--run', String(run), '--orders', String(orders), '--sync-worker', bundle.worker], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PILLAR_LOG_LEVEL: 'warn' },
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  // 'close' comes after the last of its output has been read: every whole line it printed is in `lines`.
  const exited = new Promise<number>((resolve) => child.once('close', (code, signal) => resolve(code ?? (signal ? 137 : 1))));
  const reached = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const mark = (name: string): void => {
    reached.add(name);
    for (const resolve of waiting.get(name) ?? []) resolve();
    waiting.delete(name);
  };
  let confirmations = 0;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    if (line.startsWith('confirmed ')) mark(`confirmed-${++confirmations}`);
    else mark(line);
  });
  const progress = (name: string): Promise<void> =>
    reached.has(name) ? Promise.resolve() : new Promise((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), resolve]));
  const ready = Promise.race([progress('ready'), exited.then(() => undefined)]);
  return { process: child, lines, ready, progress, exited, stderr: () => stderr };
}
