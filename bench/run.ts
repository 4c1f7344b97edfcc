import { parseArgs } from 'node:util';
import { apiBench } from './api';
import { catalogBench, type Scale } from './catalog';
import { responsivenessBench } from './responsiveness';
import { rssMb } from './stats';
import { syncBench } from './sync';
import { uiBench } from './ui';

/**
 * `npm run bench -- [suite …] [--scale demo|full] [--runs N] [--rebuild]`: prints one JSON object on
 * standard output. Suites: api, catalog, responsiveness, sync, ui. Benchmarks measure; they never pass or fail on a timing.
 */
const SUITES = {
  api: (o: Options) => apiBench(o),
  catalog: (o: Options) => catalogBench(o),
  responsiveness: (o: Options) => responsivenessBench(o),
  sync: (o: Options) => syncBench(o),
  ui: () => uiBench(),
} as const;

interface Options {
  runs: number;
  scale: Scale;
  rebuild: boolean;
}
type Suite = keyof typeof SUITES;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5000' },
    scale: { type: 'string', default: 'demo' },
    rebuild: { type: 'boolean', default: false },
    // Output is always JSON; the flag is accepted for scripts that pass it.
    json: { type: 'boolean', default: true },
  },
});

const chosen = (positionals.length ? positionals : Object.keys(SUITES)) as Suite[];
const unknown = chosen.filter((name) => !(name in SUITES));
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

if (values.scale !== 'demo' && values.scale !== 'full') {
  console.error('--scale must be demo or full');
  process.exit(2);
}
const options: Options = { runs: Number(values.runs), scale: values.scale, rebuild: values.rebuild };
const results: Record<string, unknown> = {};
// A suite that awaits something nothing will ever settle lets Node exit quietly, as if it had finished:
// say so instead of leaving an empty output that looks like success.
let printed = false;
process.on('exit', (code) => {
  if (!printed) console.error(`bench: exited (code ${code}) before printing its results, during or after suite(s) ${Object.keys(results).join(', ') || chosen[0]}`);
});
for (const name of chosen) {
  results[name] = await SUITES[name](options);
  console.error(`bench: suite ${name} done`);
}
printed = true;
console.log(JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, rss_mb: rssMb(), ...results }, null, 2));
