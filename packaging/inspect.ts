// The packaging check's inspection of a packed app: what app.asar must hold and must not, native modules
// unpacked, fuses flipped. Pure reading: it builds nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as asar from '@electron/asar';
import { readFuseWire } from './electronDist';

export const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Files the packaged app cannot start without (paths inside app.asar). */
export const REQUIRED_ENTRIES = ['/package.json', '/dist/main/index.cjs', '/dist/main/syncWorker.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/renderer/recovery.html'];

/** The only top-level entries an app.asar may hold: the built app and its production node_modules. */
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'dist', 'node_modules']);
const ALLOWED_DIST = new Set(['main', 'preload', 'renderer']);
/** C/C++ sources, node-gyp's makefiles and object files: built once, never needed at run time. */
const BUILD_LEFTOVER = /(\.(c|cc|cpp|h|hpp|gyp|gypi|mk|a|o)|\/Makefile)$/;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
/** Folders that never belong in a kiosk, wherever they appear outside node_modules. */
const FORBIDDEN_FOLDERS = new Set(['e2e', 'integration', 'faults', 'bench', 'hq', '__tests__', 'test-results']);

const FORBIDDEN_BUNDLED_SOURCE = /^\/\/ ((?:hq|bench|e2e|integration|faults|scripts|packaging|renderer)\/\S+|\S+\.(?:test|spec)\.[cm]?[jt]sx?|resources\/demo\/cli\.ts)$/gm;

export class PackagingError extends Error {
  override name = 'PackagingError';
}

export interface PackagingReport {
  /** The unpacked app electron-builder produced (linux-unpacked). */
  appOutDir: string;
  asarFile: string;
  /** Every path in app.asar, with a leading slash. */
  entries: string[];
  /** Files beside the archive in app.asar.unpacked, relative to it, with forward slashes. */
  unpacked: string[];
  /** What is wrong, one line each; empty when the package is right. */
  problems: string[];
}

/** The fuses README's Security section promises, by their index in the wire. */
export const REQUIRED_FUSES = [
  { name: 'runAsNode', index: 0, on: false },
  { name: 'enableNodeOptionsEnvironmentVariable', index: 2, on: false },
  { name: 'enableNodeCliInspectArguments', index: 3, on: false },
  { name: 'enableEmbeddedAsarIntegrityValidation', index: 4, on: true },
  { name: 'onlyLoadAppFromAsar', index: 5, on: true },
] as const;

/** Inspects a packed app folder (`…/linux-unpacked`): see `inspectAsar`. */
export function inspectApp(appOutDir: string): PackagingReport {
  if (!existsSync(path.join(appOutDir, 'resources', 'app.asar'))) throw new PackagingError(`${appOutDir} holds no resources/app.asar: not an app folder electron-builder produced`);
  const report = inspectAsar(path.join(appOutDir, 'resources', 'app.asar'), productionPackages(ROOT));
  const executable = ['pillar', 'Pillar.exe'].map((name) => path.join(appOutDir, name)).find((file) => existsSync(file));
  if (!executable) return { ...report, appOutDir, problems: [...report.problems, `${appOutDir} has no executable (pillar, Pillar.exe)`] };
  return { ...report, appOutDir, problems: [...report.problems, ...fuseProblems(readFuseWire(executable), path.basename(executable))] };
}

function fuseProblems(wire: string | null, executable: string): string[] {
  if (wire === null) return [`${executable} carries no fuse wire`];
  return REQUIRED_FUSES.filter(({ index, on }) => wire[index] !== (on ? '1' : '0')).map(({ name, on }) => `${executable}: fuse ${name} is not ${on ? 'on' : 'off'}`);
}

/**
 * Everything the kiosk needs is in the archive and nothing else is: the entry files; every package the
 * main bundles require at run time; native modules unpacked beside the archive (a .node file cannot be
 * loaded from inside it); no tests, benchmarks, HQ, sources, source maps or development dependencies;
 * a package.json without devDependencies whose `main` is the main bundle.
 */
export function inspectAsar(asarFile: string, production: ReadonlySet<string>): PackagingReport {
  const entries = asar.listPackage(asarFile, { isPack: false }).map((entry) => entry.split(path.sep).join('/'));
  const files = entries.filter((entry) => !isDirectory(asarFile, entry));
  const has = new Set(entries);
  const unpackedDir = `${asarFile}.unpacked`;
  const unpacked = existsSync(unpackedDir) ? listFiles(unpackedDir) : [];
  const unpackedSet = new Set(unpacked);
  const problems: string[] = [];

  for (const entry of REQUIRED_ENTRIES) if (!has.has(entry)) problems.push(`missing ${entry}`);
  if (!files.some((file) => /^\/dist\/renderer\/assets\/[^/]+\.js$/.test(file))) problems.push('missing the renderer\'s script bundle in /dist/renderer/assets');
  for (const ref of rendererReferences(asarFile, has)) if (!has.has(`/dist/renderer${ref}`)) problems.push(`/dist/renderer/index.html refers to ${ref}, which is not in the archive`);

  for (const file of files) {
    const parts = file.slice(1).split('/');
    const inModules = parts.includes('node_modules');
    const [top = '', second = ''] = parts;
    if (!ALLOWED_TOP_LEVEL.has(top)) problems.push(`${file} is not part of the app (only package.json, dist/ and node_modules/ ship)`);
    else if (top === 'dist' && !ALLOWED_DIST.has(second)) problems.push(`${file} is not part of the app (dist/ ships main, preload and renderer only)`);
    if (TEST_FILE.test(file)) problems.push(`${file} is a test`);
    if (file.endsWith('.map')) problems.push(`${file} is a source map`);
    if (!inModules && parts.some((part) => FORBIDDEN_FOLDERS.has(part))) problems.push(`${file} comes from tests, benchmarks or HQ`);
    if (!inModules && /\.tsx?$/.test(file)) problems.push(`${file} is a source file`);
    const markedUnpacked = statEntry(asarFile, file)?.unpacked === true;
    if (file.endsWith('.node') && !markedUnpacked) problems.push(`${file} is a native module packed inside the archive (it cannot be loaded from there)`);
    if (markedUnpacked && !unpackedSet.has(file.slice(1))) problems.push(`${file} is marked unpacked but is missing from app.asar.unpacked`);
  }

  const shipped = shippedPackages(files);
  for (const name of shipped) if (!production.has(name)) problems.push(`node_modules/${name} is not a production dependency`);
  for (const [bundle, source] of bundledForbiddenSources(asarFile, has)) problems.push(`${bundle} bundles ${source}, which comes from tests, benchmarks, HQ or tools`);
  for (const name of runtimeRequires(asarFile, has)) {
    if (!has.has(`/node_modules/${name}/package.json`)) problems.push(`the main process requires "${name}" at run time, but node_modules/${name} is not shipped`);
  }
  for (const file of files) if (BUILD_LEFTOVER.test(file)) problems.push(`${file} is a native build's source or leftover`);
  for (const file of unpacked) if (BUILD_LEFTOVER.test(`/${file}`)) problems.push(`app.asar.unpacked/${file} is a native build's source or leftover`);
  const natives = unpacked.filter((file) => file.endsWith('.node'));
  if (!natives.some((file) => file.startsWith('node_modules/better-sqlite3/') && file.endsWith('/better_sqlite3.node'))) {
    problems.push('better-sqlite3\'s better_sqlite3.node is not in app.asar.unpacked');
  }

  if (has.has('/package.json')) {
    const pkg = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8')) as Record<string, unknown>;
    if ('devDependencies' in pkg) problems.push('package.json in the archive lists devDependencies');
    if (pkg['main'] !== 'dist/main/index.cjs') problems.push(`package.json in the archive has main ${JSON.stringify(pkg['main'])}, not "dist/main/index.cjs"`);
  }
  return { appOutDir: path.dirname(path.dirname(asarFile)), asarFile, entries, unpacked, problems };
}

/**
 * The names of the production dependencies and theirs, resolved as Node resolves them (nested first,
 * then hoisted): what may ship in node_modules. Optional dependencies count when installed.
 */
export function productionPackages(projectDirectory: string): Set<string> {
  const projectDir = path.resolve(projectDirectory);
  const found = new Set<string>();
  const visit = (fromDir: string, name: string): void => {
    const dir = resolvePackageDir(projectDir, fromDir, name);
    if (!dir) return;
    const key = `${name}@${dir}`;
    if (found.has(key)) return;
    found.add(key);
    const pkg = readJson(path.join(dir, 'package.json'));
    for (const dep of Object.keys({ ...(pkg['dependencies'] as object), ...(pkg['optionalDependencies'] as object) })) visit(dir, dep);
  };
  const root = readJson(path.join(projectDir, 'package.json'));
  for (const dep of Object.keys({ ...(root['dependencies'] as object), ...(root['optionalDependencies'] as object) })) visit(projectDir, dep);
  return new Set([...found].map((key) => key.slice(0, key.indexOf('@', 1))));
}

function resolvePackageDir(projectDir: string, fromDir: string, name: string): string | null {
  for (let dir = fromDir; dir.startsWith(projectDir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir) break;
  }
  return null;
}

/** Package names in the archive's node_modules, nested ones included (`a/node_modules/@s/b` → `@s/b`). */
function shippedPackages(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const parts = file.slice(1).split('/');
    parts.forEach((part, i) => {
      const [name = '', scopedName = ''] = parts.slice(i + 1);
      if (part !== 'node_modules' || !name) return;
      // Only a file inside a package names it (the folder entries alone could be empty scopes).
      if (name.startsWith('@')) {
        if (scopedName && i + 3 < parts.length) names.add(`${name}/${scopedName}`);
      } else if (i + 2 < parts.length) names.add(name);
    });
  }
  return names;
}

/** Bare packages the main-process bundles `require` (esbuild's externals): each must ship. */
function runtimeRequires(asarFile: string, has: Set<string>): Set<string> {
  const names = new Set<string>();
  const builtins = new Set(builtinModules);
  for (const bundle of ['/dist/main/index.cjs', '/dist/main/syncWorker.cjs']) {
    if (!has.has(bundle)) continue;
    const text = asar.extractFile(asarFile, bundle.slice(1)).toString('utf8');
    for (const match of text.matchAll(/\brequire\((["'])([^"'./][^"']*)\1\)/g)) {
      const specifier = match[2] ?? '';
      const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
      if (name === 'electron' || name.startsWith('node:') || builtins.has(name)) continue;
      names.add(name);
    }
  }
  return names;
}

/**
 * Sources esbuild bundled that never belong in the kiosk: it marks each module of a bundle with a
 * `// path/to/module.ts` line, so HQ code pulled in through an import shows even though no hq/ folder ships.
 */
function bundledForbiddenSources(asarFile: string, has: Set<string>): [string, string][] {
  const found: [string, string][] = [];
  for (const bundle of ['/dist/main/index.cjs', '/dist/main/syncWorker.cjs', '/dist/preload/index.cjs']) {
    if (!has.has(bundle)) continue;
    const text = asar.extractFile(asarFile, bundle.slice(1)).toString('utf8');
    for (const match of text.matchAll(FORBIDDEN_BUNDLED_SOURCE)) found.push([bundle, match[1] ?? '']);
  }
  return found;
}

/** Root-relative script and style references of the renderer's index.html (`/assets/…`). */
function rendererReferences(asarFile: string, has: Set<string>): string[] {
  if (!has.has('/dist/renderer/index.html')) return [];
  const html = asar.extractFile(asarFile, 'dist/renderer/index.html').toString('utf8');
  return [...html.matchAll(/\s(?:src|href)="(\/[^"]+)"/g)].flatMap((match) => (match[1] ? [match[1]] : []));
}

function statEntry(asarFile: string, entry: string): { unpacked?: boolean; files?: unknown } | null {
  try {
    return asar.statFile(asarFile, entry.slice(1), false) as { unpacked?: boolean; files?: unknown };
  } catch {
    return null;
  }
}

function isDirectory(asarFile: string, entry: string): boolean {
  return statEntry(asarFile, entry)?.files !== undefined;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const relative = prefix ? `${prefix}/${item.name}` : item.name;
    return item.isDirectory() ? listFiles(path.join(dir, item.name), relative) : [relative];
  });
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
