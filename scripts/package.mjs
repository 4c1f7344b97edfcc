// `npm run package`: Linux AppImage + deb and Windows NSIS installers with electron-builder.
// Needs a machine that can download Electron and its headers (IT's build machine, a developer laptop).
import { ROOT, electronVersion, npm, run, runOrExit, say } from './lib.mjs';

const version = electronVersion();
const headers = `https://electronjs.org/headers/v${version}/node-v${version}-headers.tar.gz`;
// electron-builder rebuilds better-sqlite3 for Electron's ABI. Where Electron's headers cannot be reached
// that rebuild fails half-way and leaves the Node build the tests use clobbered, so refuse up front.
const reachable = await fetch(headers, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
  .then((response) => response.ok)
  .catch(() => false);
if (!reachable && process.env.PILLAR_PACKAGE_FORCE !== '1') {
  say(`cannot reach Electron ${version}'s headers (${new URL(headers).host}): packaging needs a machine that can download Electron.`);
  say('nothing was changed; better-sqlite3 is still built for Node');
  process.exit(1);
}

await runOrExit(npm, ['run', 'build']);
const code = await run(process.execPath, [`${ROOT}/node_modules/electron-builder/cli.js`, '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
if (code === 0) {
  say('installers are in release/');
  // electron-builder rebuilt better-sqlite3 for Electron; put the Node build back for tests and tools.
  await runOrExit(npm, ['rebuild', 'better-sqlite3']);
}
process.exit(code);
