import { parseArgs } from 'node:util';
import { runSyncFaults } from './sync';

/**
 * `npm run test:faults -- sync [--runs N] [--seed S] [--json]`: the fault harness. Prints
 * `{ "runs", "kills", "mixed", "converged", … }`; exits 1 when any cache was a mix or did not converge.
 */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '20' }, seed: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const [suite] = positionals;
if (suite !== 'sync') {
  console.error('usage: npm run test:faults -- sync [--runs N] [--seed S] [--json]');
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
  process.exit(2);
}
const report = await runSyncFaults({ runs, ...(values.seed ? { seed: Number(values.seed) } : {}), verbose: !values.json });
console.log(values.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
process.exit(report.mixed === 0 && report.converged === report.runs ? 0 : 1);
