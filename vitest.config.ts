import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.ts', 'hq/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'faults/**/*.test.ts', 'integration/**/*.test.ts'],
    environment: 'node',
    // Each test builds its own data folder and databases; nothing is shared between files.
    pool: 'forks',
  },
});
