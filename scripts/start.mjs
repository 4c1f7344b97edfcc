// `npm start`: the kiosk in Electron where its binary exists, otherwise the browser preview.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, electronBinary, npm, run, runOrExit, say } from './lib.mjs';

const args = process.argv.slice(2);
// Electron needs its own build of better-sqlite3 (setup makes it beside node_modules' Node build).
const electronSqlite = existsSync(path.join(ROOT, '.cache', 'electron-native', 'better_sqlite3.node'));
const binary = process.env.PILLAR_PREVIEW === '1' || !electronSqlite ? null : electronBinary();

await runOrExit(npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'warn']);
if (binary) {
  await runOrExit(npm, ['run', '--silent', 'build:electron']);
  say('starting the kiosk in Electron');
  process.exit(await run(binary, [ROOT, ...args]));
}

say(
  process.env.PILLAR_PREVIEW === '1'
    ? 'PILLAR_PREVIEW=1: running the browser preview'
    : electronBinary()
      ? 'better-sqlite3 is not built for Electron yet (run "npm run setup"): running the browser preview instead'
      : 'no Electron binary on this machine: running the browser preview instead (open the URL below in Chromium)',
);
process.exit(await run(process.execPath, ['--import', 'tsx', 'electron/preview/main.ts', ...args]));
