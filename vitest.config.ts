import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'hq/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'faults/**/*.test.ts', 'integration/**/*.test.ts', 'packaging/**/*.test.ts'],
    environment: 'node',
    // Each test builds its own data folder and databases; nothing is shared between files.
    pool: 'forks',
    // Tests run real SQLite files, HTTP servers and worker threads: on a busy two-core machine a heavy
    // one (a demo-chain index built twice) can pass 5 s without anything being wrong. Timings belong in
    // the benchmarks, not here.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
