import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemoChain } from '../../electron/core/catalog/demoLoader';
import { openCache } from '../../electron/core/db/open';
import { DEMO_HOME_STORE, type DemoScale } from './generator';

/**
 * `npm run demo-data -- --out DIR [--scale demo|full] [--store CODE] [--all-locations] [--seed N] [--force]`
 *
 * Builds DIR/cache.db with the NORRVIK demo chain (and its drawings in DIR/media/demo/), then prints one
 * JSON line: counts, seconds, file size and peak memory.
 */
const USAGE = 'usage: npm run demo-data -- --out DIR [--scale demo|full] [--store CODE] [--all-locations] [--seed N] [--force]';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    scale: { type: 'string', default: 'demo' },
    store: { type: 'string', default: DEMO_HOME_STORE },
    'all-locations': { type: 'boolean', default: false },
    seed: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help || !values.out || (values.scale !== 'demo' && values.scale !== 'full')) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const out = path.resolve(values.out);
const file = path.join(out, 'cache.db');
if (existsSync(file)) {
  if (!values.force) {
    console.error(`${file} already exists; remove it or pass --force to replace it`);
    process.exit(1);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

const started = performance.now();
const db = openCache(file);
let counts;
try {
  counts = loadDemoChain(db, {
    scale: values.scale as DemoScale,
    homeStore: values.store,
    allLocations: values['all-locations'],
    mediaDir: path.join(out, 'media'),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
} catch (error) {
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
db.close();

console.log(
  JSON.stringify({
    out: file,
    scale: values.scale,
    store: values.store,
    ...counts,
    seconds: Math.round(performance.now() - started) / 1000,
    dbMB: Math.round(statSync(file).size / 1048576),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
