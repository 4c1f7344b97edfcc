import { parseArgs } from 'node:util';
import { apiBench } from './api';
import { rssMb } from './stats';

/**
 * `npm run bench -- [suite …] [--runs N]`: prints one JSON object per run on standard output.
 * Suites: api. Benchmarks measure; they never pass or fail on a timing.
 */
const SUITES = { api: apiBench } as const;
type Suite = keyof typeof SUITES;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '5000' }, json: { type: 'boolean', default: true } },
});

const chosen = (positionals.length ? positionals : Object.keys(SUITES)) as Suite[];
const unknown = chosen.filter((name) => !(name in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const runs = Number(values.runs);
const results: Record<string, unknown> = {};
for (const name of chosen) results[name] = await SUITES[name]({ runs });
console.log(JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, rss_mb: rssMb(), ...results }, null, 2));
