// `npm run package [-- --linux] [-- --win]`: Linux AppImage + deb and Windows NSIS installers with
// electron-builder (electron-builder.yml: fuses, asar, better-sqlite3 unpacked), then the packaging
// check's inspection of each app folder it produced. Needs a machine that can download Electron and its
// headers (IT's build machine, a developer laptop); the check that runs everywhere is packaging/check.ts.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, electronVersion, npm, run, runOrExit, say } from './lib.mjs';

const started = Date.now();
const version = electronVersion();
const headers = `https://electronjs.org/headers/v${version}/node-v${version}-headers.tar.gz`;
// electron-builder rebuilds better-sqlite3 for Electron's ABI. Where Electron's headers cannot be reached
// that rebuild fails half-way and leaves the Node build the tests use clobbered, so refuse up front.
const reachable = await fetch(headers, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
  .then((response) => response.ok)
  .catch(() => false);
if (!reachable && process.env.PILLAR_PACKAGE_FORCE !== '1') {
  say(`cannot reach Electron ${version}'s headers (${new URL(headers).host}): packaging needs a machine that can download Electron.`);
  say('nothing was changed; better-sqlite3 is still built for Node. "npx vitest run packaging" checks the packaging here.');
  process.exit(1);
}

await runOrExit(npm, ['run', 'build']);
const args = process.argv.slice(2);
// Installers and their feed files land in release/; HQ serves them from its releases folder.
if (!args.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))) args.push('--publish', 'never');
const code = await run(process.execPath, [`${ROOT}/node_modules/electron-builder/cli.js`, '--config', 'electron-builder.yml', ...args]);
// electron-builder rebuilt better-sqlite3 for Electron (or began to): put the Node build back for the
// tests and tools, whether packaging succeeded or not.
const restored = await run(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0) say('could not rebuild better-sqlite3 for Node: run "npm run setup" before the tests');
if (code !== 0) process.exit(code);

// The same inspection the tests run on the stand-in build, here on the real one (fuses applied).
const built = ['linux-unpacked', 'win-unpacked']
  .map((name) => path.join(ROOT, 'release', name))
  .filter((dir) => existsSync(path.join(dir, 'resources', 'app.asar')) && statSync(path.join(dir, 'resources', 'app.asar')).mtimeMs >= started);
for (const dir of built) {
  const checked = await run(process.execPath, ['--import', 'tsx', 'packaging/check.ts', '--app', dir]);
  if (checked !== 0) {
    say(`the packaged app in ${path.relative(ROOT, dir)} failed the packaging check (above): do not ship these installers`);
    process.exit(checked);
  }
}
say('installers are in release/');
process.exit(restored);
