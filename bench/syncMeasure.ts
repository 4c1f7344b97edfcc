import { readFileSync } from 'node:fs';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import type { SyncStatus } from '../shared/api/sync';
import type { Kiosk } from '../electron/core/kiosk';

/** monitorEventLoopDelay's timer period: every recorded delay includes it, a stall is what lies beyond it. */
export const RESOLUTION_MS = 10;

/** Resolves (with the time) once the kiosk's sync status passes `test`. */
export function statusReaches(kiosk: Kiosk, test: (status: SyncStatus) => boolean, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (test(kiosk.syncStatus())) return resolve(performance.now());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the kiosk's sync did not get there within ${timeoutMs / 1000} s; status: ${JSON.stringify(kiosk.syncStatus())}`));
    }, timeoutMs);
    const off = kiosk.events.onAny((name, payload) => {
      if (name !== 'sync.statusChanged' || !test(payload as SyncStatus)) return;
      const at = performance.now();
      clearTimeout(timer);
      off();
      resolve(at);
    });
  });
}

export interface LoopDelay {
  max_block_ms: number;
  p99_block_ms: number;
  max_delay_ms: number;
  /** The longest garbage-collection pause of this thread in the window: a stall of its own kind. */
  max_gc_ms: number;
}

/** The main thread's event-loop delay from now until `stop()`: the longest stall and the 99th percentile, in ms. */
export function loopMonitor(): { stop(): Promise<LoopDelay> } {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  let maxGc = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGc = Math.max(maxGc, entry.duration);
  });
  gc.observe({ entryTypes: ['gc'] });
  histogram.enable();
  return {
    async stop() {
      // A stall is recorded when the timer fires after it: let it fire once more before looking.
      await sleep(2 * RESOLUTION_MS);
      histogram.disable();
      gc.disconnect();
      const ms = (ns: number): number => ns / 1e6;
      return {
        max_block_ms: round(Math.max(0, ms(histogram.max) - RESOLUTION_MS), 1),
        p99_block_ms: round(Math.max(0, ms(histogram.percentile(99)) - RESOLUTION_MS), 1),
        max_delay_ms: round(ms(histogram.max), 1),
        max_gc_ms: round(maxGc, 1),
      };
    },
  };
}

/**
 * How much of the run some runnable task waited for a CPU (Linux PSI, `/proc/pressure/cpu`), in percent:
 * other work on a shared machine inflates every timing, and this says how busy it was.
 * Null where the kernel does not report it.
 */
export function cpuPressure(): () => number | null {
  const read = (): number | null => {
    try {
      const some = /^some .*total=(\d+)$/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
      return some ? Number(some[1]) : null;
    } catch {
      return null;
    }
  };
  const started = performance.now();
  const before = read();
  return () => {
    const after = read();
    if (before === null || after === null) return null;
    return round(((after - before) / 1000 / (performance.now() - started)) * 100, 1);
  };
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN, 1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1) ?? Number.NaN, 1) };
}

/** mulberry32: the same spacing every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function seconds(ms: number): number {
  return round(ms / 1000, 2);
}

export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
