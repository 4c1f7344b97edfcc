import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StockUpdate, StockUpdateResult } from '../shared/sync/protocol';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Scale = 'demo' | 'full';

export interface BenchHq {
  url: string;
  adminToken: string;
  dataDir: string;
  /** Seconds the demo chain took to load into HQ when its data folder was built (reused since). */
  load_s: number;
  /** True when this run built the data folder (the load is in `load_s`), false when it reused it. */
  built: boolean;
  /** A new pillar token for this store, as IT would issue one (`POST /v1/kiosks`). */
  issueKioskToken(store: string): Promise<string>;
  /** `POST /v1/stock`; a body already serialised is sent as it is (a big one, kept out of a measured window). */
  postStock(update: StockUpdate | Uint8Array): Promise<StockUpdateResult>;
  /** GET with a token; throws on a non-2xx answer. */
  getJson<T>(urlPath: string, token: string): Promise<T>;
  stop(): Promise<void>;
}

/** HQ's own log (JSON lines) during a benchmark run: beside its data, never on the benchmark's output. */
const LOG_FILE = 'bench-hq.log';
const STAMP = 'bench-hq.json';

/**
 * The reference HQ in a child process (`hq/cli.ts serve`), so its CPU is not the kiosk's: the kiosk's
 * timings and event-loop delays in this process are the pillar's alone. The data folder
 * `.cache/bench/hq-<scale>` is kept across runs — loading the full chain takes minutes — and rebuilt
 * with `--rebuild`, or when an earlier load never finished (no stamp).
 */
export async function startBenchHq(scale: Scale, rebuild: boolean): Promise<BenchHq> {
  const dataDir = path.join(ROOT, '.cache', 'bench', `hq-${scale}`);
  const stampFile = path.join(dataDir, STAMP);
  const stamped = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { load_s: number }) : null;
  const built = rebuild || stamped === null;
  if (built) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (built) process.stderr.write(`sync bench: loading the demo chain at ${scale} scale into HQ (${scale === 'full' ? 'minutes' : 'seconds'}; log in ${path.join(dataDir, LOG_FILE)})\n`);

  const started = performance.now();
  const log = openSync(path.join(dataDir, LOG_FILE), 'a');
  const env: NodeJS.ProcessEnv = { ...process.env, PILLAR_LOG_LEVEL: process.env['PILLAR_LOG_LEVEL'] ?? 'info' };
  // The admin token comes from the data folder, never from a variable that may belong to another HQ.
  delete env['PILLAR_HQ_ADMIN_TOKEN'];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'hq', 'cli.ts'), 'serve', '--data', dataDir, '--port', '0', '--demo', '--scale', scale], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', log],
    env,
  });
  closeSync(log);
  const exited = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));

  let url: string;
  try {
    url = await listeningUrl(child, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`HQ did not start: ${(error as Error).message}; see ${path.join(dataDir, LOG_FILE)}`);
  }
  const load_s = built ? round1((performance.now() - started) / 1000) : stamped.load_s;
  if (built) writeFileSync(stampFile, JSON.stringify({ load_s, scale }));

  const adminToken = readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  const request = async <T>(method: 'GET' | 'POST', urlPath: string, token: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: body instanceof Uint8Array ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`HQ answered ${response.status} to ${method} ${urlPath}: ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  };

  return {
    url,
    adminToken,
    dataDir,
    load_s,
    built,
    issueKioskToken: async (store) => (await request<{ token: string }>('POST', '/v1/kiosks', adminToken, { store, label: 'sync benchmark' })).token,
    postStock: (update) => request<StockUpdateResult>('POST', '/v1/stock', adminToken, update),
    getJson: (urlPath, token) => request('GET', urlPath, token),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits for the one line tools read (`Pillar HQ: <url>`); standard output is drained after it. */
function listeningUrl(child: ChildProcess, exited: Promise<number>): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^Pillar HQ: (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`it exited with ${code} before listening`)));
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
