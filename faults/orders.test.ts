import { expect, it } from 'vitest';
import { runOrderFaults } from './orders';

// The full harness runs 1,000 times on request (npm run test:faults -- orders --runs 1000); a few runs
// here keep the guarantee checked on every test run.
it('orders confirmed by a kiosk killed at random, with HQ restarting and answers lost, all reach HQ exactly once', async () => {
  const report = await runOrderFaults({ runs: 4, seed: 11 });
  expect(report.failures).toEqual([]);
  expect(report.confirmed).toBeGreaterThan(0);
  expect(report.lost).toBe(0);
  expect(report.duplicated).toBe(0);
  expect(report.at_hq).toBe(report.confirmed);
  expect(report.personal_in_logs).toBe(0);
}, 300_000);
