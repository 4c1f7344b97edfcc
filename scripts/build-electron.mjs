// `npm run build:electron`: bundles the Electron main process and the sandboxed preload with esbuild.
import { build } from 'esbuild';
import path from 'node:path';
import { ROOT, say } from './lib.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  // Native or Electron-provided: loaded at run time from node_modules (better-sqlite3 unpacked from asar).
  external: ['electron', 'better-sqlite3', 'pino'],
};

await build({ ...common, entryPoints: [path.join(ROOT, 'electron/main/index.ts')], outfile: path.join(ROOT, 'dist/main/index.cjs') });
// The sync engine's worker thread, loaded by the kiosk core from beside the main bundle.
await build({ ...common, entryPoints: [path.join(ROOT, 'electron/core/sync/worker.ts')], outfile: path.join(ROOT, 'dist/main/syncWorker.cjs') });
// A sandboxed preload may require only 'electron' (and a few built-ins): everything else is bundled in.
await build({ ...common, external: ['electron'], entryPoints: [path.join(ROOT, 'electron/preload/index.ts')], outfile: path.join(ROOT, 'dist/preload/index.cjs') });
say('built dist/main/index.cjs, dist/main/syncWorker.cjs and dist/preload/index.cjs');
