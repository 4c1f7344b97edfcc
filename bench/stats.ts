/** Latency statistics for benchmarks: medians and tails, never single runs. */
export interface Latency {
  p50_ms: number;
  p99_ms: number;
  mean_ms: number;
  runs: number;
}

export function latency(samplesMs: number[]): Latency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number): number => Math.round(n * 10_000) / 10_000;
  return {
    p50_ms: round(at(0.5)),
    p99_ms: round(at(0.99)),
    mean_ms: round(sorted.reduce((sum, n) => sum + n, 0) / sorted.length),
    runs: sorted.length,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function measure(fn: () => unknown, runs: number, warmup = Math.min(200, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples;
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
