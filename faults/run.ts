import { parseArgs } from 'node:util';
import { runOrderFaults } from './orders';
import { runSyncFaults } from './sync';

/**
 * `npm run test:faults -- sync|orders [--runs N] [--seed S] [--json]`: the fault harnesses.
 * sync prints `{ "runs", "kills", "mixed", "converged", … }` and exits 1 when any cache was a mix or did
 * not converge; orders prints `{ "runs", "confirmed", "at_hq", "lost", "duplicated", "unconfirmed_at_hq", … }`
 * and exits 1 when an order was lost or duplicated (or a shopper's details reached a log).
 */
const USAGE = 'usage: npm run test:faults -- sync|orders [--runs N] [--seed S] [--json]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '20' }, seed: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const [suite] = positionals;
if (suite !== 'sync' && suite !== 'orders') {
  console.error(USAGE);
  process.exit(2);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs must be a whole number of at least 1, not "${values.runs}"`);
  process.exit(2);
}
const options = { runs, ...(values.seed ? { seed: Number(values.seed) } : {}), verbose: !values.json };
const print = (report: object): void => console.log(values.json ? JSON.stringify(report) : JSON.stringify(report, null, 2));
if (suite === 'sync') {
  const report = await runSyncFaults(options);
  print(report);
  process.exit(report.mixed === 0 && report.converged === report.runs ? 0 : 1);
} else {
  const report = await runOrderFaults(options);
  print(report);
  process.exit(report.lost === 0 && report.duplicated === 0 && report.personal_in_logs === 0 && report.failures.length === 0 ? 0 : 1);
}
