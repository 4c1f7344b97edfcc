// `npm start`: the reference HQ with the demo chain, and the kiosk synced from it — in Electron where its
// binary exists, otherwise the browser preview. Extra arguments go to the kiosk (e.g. --port for the preview).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, electronBinary, npm, run, runOrExit, say, startDemoHq } from './lib.mjs';

const args = process.argv.slice(2);
// Electron needs its own build of better-sqlite3 (setup makes it beside node_modules' Node build).
const electronSqlite = existsSync(path.join(ROOT, '.cache', 'electron-native', 'better_sqlite3.node'));
const binary = process.env.PILLAR_PREVIEW === '1' || !electronSqlite ? null : electronBinary();

await runOrExit(npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);

// A newcomer sees the real sync path: HQ publishes the demo chain, the pillar provisions from it.
const hq = await startDemoHq();
say(`demo HQ at ${hq.url} (admin token in .pillar-data/hq/admin-token); the pillar syncs from it`);
const kioskArgs = ['--config', hq.config, ...args];
const dataDir = path.join(ROOT, '.pillar-data', 'kiosk');

let code;
if (binary) {
  await runOrExit(npm, ['run', '--silent', 'build:electron']);
  say('starting the kiosk in Electron');
  code = await run(binary, [ROOT, ...kioskArgs]);
} else {
  say(
    process.env.PILLAR_PREVIEW === '1'
      ? 'PILLAR_PREVIEW=1: running the browser preview'
      : electronBinary()
        ? 'better-sqlite3 is not built for Electron yet (run "npm run setup"): running the browser preview instead'
        : 'no Electron binary on this machine: running the browser preview instead (open the URL below in Chromium)',
  );
  code = await run(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts', '--data', dataDir, ...kioskArgs]);
}
hq.stop();
process.exit(code);
