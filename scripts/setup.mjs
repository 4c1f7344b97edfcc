// `npm run setup`: installs everything Pillar needs on a fresh machine, with or without access to
// Electron's download host. See README.md, "Set-up".
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, capture, chromiumBinary, electronBinary, electronVersion, npm, runOrExit, say } from './lib.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  say(`Node ${process.versions.node} is too old: Pillar needs Node 20.19 or newer (22 LTS recommended).`);
  process.exit(1);
}

const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

// better-sqlite3 compiles from source where no prebuilt binary is reachable; point node-gyp at the
// headers of the Node that runs us, when they are installed beside it and are the same version.
const headers = nodeHeaders();
if (headers) {
  env.npm_config_nodedir = headers;
  say(`native modules build against Node's installed headers in ${headers}`);
}

say('installing dependencies (Electron binary download skipped; tried separately below)');
const lockfile = existsSync(path.join(ROOT, 'package-lock.json'));
await runOrExit(npm, [lockfile ? 'ci' : 'install', '--no-audit', '--no-fund'], { env });

await ensureSqlite();
await tryElectron();
await ensureChromium();
say('set-up complete: "npm start" runs the kiosk, "npm test" runs every check');

function nodeHeaders() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  const versionFile = path.join(prefix, 'include', 'node', 'node_version.h');
  if (!existsSync(versionFile)) return null;
  const text = readFileSync(versionFile, 'utf8');
  const part = (name) => new RegExp(`#define\\s+NODE_${name}_VERSION\\s+(\\d+)`).exec(text)?.[1];
  const version = `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}`;
  return version === process.versions.node ? prefix : null;
}

async function ensureSqlite() {
  const probe = () => capture(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"]);
  let result = await probe();
  if (result.code !== 0) {
    say('better-sqlite3 does not load under this Node; rebuilding it from source');
    await runOrExit(npm, ['rebuild', 'better-sqlite3'], { env });
    result = await probe();
  }
  if (result.code !== 0) {
    say(`better-sqlite3 still does not load:\n${result.output}`);
    say('install a C++ toolchain and Python 3 (Debian: apt-get install -y build-essential python3), then run "npm run setup" again');
    process.exit(1);
  }
  say('better-sqlite3 ready for Node');
}

async function tryElectron() {
  const version = electronVersion();
  if (electronBinary()) {
    say(`Electron ${version} is installed: "npm start" opens the kiosk window`);
    await buildSqliteForElectron(version);
    return;
  }
  if (process.env.PILLAR_SKIP_ELECTRON === '1') {
    say('Electron binary not fetched (PILLAR_SKIP_ELECTRON=1): the kiosk will run as the browser preview');
    return;
  }
  const withDownload = { ...process.env };
  delete withDownload.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = await capture(process.execPath, [path.join(ROOT, 'node_modules', 'electron', 'install.js')], {
    env: withDownload,
    timeoutMs: 180_000,
  });
  if (result.code === 0 && electronBinary()) {
    say(`Electron ${version} downloaded: "npm start" opens the kiosk window`);
    await buildSqliteForElectron(version);
  } else {
    const reason = /(fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|\b\d{3}\b[^\n]*)/.exec(result.output)?.[0] ?? 'download failed';
    say(`Electron's binary could not be downloaded (${reason.trim()}): the kiosk will run as the browser preview ("npm start" prints its URL)`);
  }
}

/**
 * A second better-sqlite3 build for Electron's ABI, in .cache/electron-native/, which the main process
 * loads in development runs (electron/main/index.ts). node_modules keeps the Node build the tests use.
 */
async function buildSqliteForElectron(version) {
  const out = path.join(ROOT, '.cache', 'electron-native');
  const target = path.join(out, 'better_sqlite3.node');
  const stamp = path.join(out, 'electron-version');
  if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  const src = path.join(out, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(path.join(ROOT, 'node_modules', 'better-sqlite3'), src, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  const gypEnv = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  delete gypEnv.npm_config_nodedir;
  const result = await capture(npm, ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release', `--target=${version}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'], { cwd: src, env: gypEnv, timeoutMs: 600_000 });
  if (result.code !== 0) {
    say(`could not build better-sqlite3 for Electron ${version}, so "npm start" will run the browser preview:\n${result.output.slice(-2000)}`);
    return;
  }
  copyFileSync(path.join(src, 'build', 'Release', 'better_sqlite3.node'), target);
  writeFileSync(stamp, version);
  rmSync(src, { recursive: true, force: true });
  say(`better-sqlite3 built for Electron ${version} in .cache/electron-native`);
}

async function ensureChromium() {
  if (chromiumBinary()) {
    say(`Chromium for the end-to-end tests: ${chromiumBinary()}`);
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    say('installing Debian\'s Chromium and Noto fonts for the end-to-end tests');
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await runOrExit('apt-get', ['update', '-qq'], { env: aptEnv });
    await runOrExit('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { env: aptEnv });
    return;
  }
  say(
    hasApt
      ? 'Chromium is missing for the end-to-end tests: run "sudo apt-get install -y chromium fonts-noto-core", then "npm test"'
      : 'Chromium is missing for the end-to-end tests: install Chromium and set PILLAR_CHROMIUM to its path',
  );
}
