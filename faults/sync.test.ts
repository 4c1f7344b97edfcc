import { expect, it } from 'vitest';
import { runSyncFaults } from './sync';

// The full harness runs 200 times on request (npm run test:faults -- sync --runs 200); a few runs here
// keep the guarantee checked on every test run.
it('a sync killed at random moments never leaves a mixed cache, and converges on restart', async () => {
  const report = await runSyncFaults({ runs: 5, seed: 7 });
  expect(report.failures).toEqual([]);
  expect(report.mixed).toBe(0);
  expect(report.kills).toBe(5);
  expect(report.converged).toBe(5);
}, 180_000);
