import { startHq } from '../hq/server';

/**
 * The reference HQ in a process of its own, for the orders fault harness to kill and restart:
 * `tsx faults/hqProcess.ts <dataDir> <store>`. Prints `token <t>` (a new pillar token, only when
 * `PILLAR_FAULTS_ISSUE_TOKEN=1`) and then `url <url>` once it listens; runs until killed.
 */
const [dataDir, store] = process.argv.slice(2);
if (!dataDir || !store) {
  console.error('usage: tsx faults/hqProcess.ts <dataDir> <store>');
  process.exit(2);
}
const hq = await startHq({ dataDir, port: 0, demo: 'demo', log: false });
if (process.env['PILLAR_FAULTS_ISSUE_TOKEN'] === '1') console.log(`token ${await hq.issueKioskToken(store)}`);
console.log(`url ${hq.url}`);
process.once('SIGTERM', () => void hq.close().then(() => process.exit(0)));
