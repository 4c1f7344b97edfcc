// The packaging check: packs the app with electron-builder's `dir` target against a stand-in Electron
// distribution (Electron's binary cannot be downloaded everywhere the tests run) and inspects what it
// produced (inspect.ts). Run by the unit tests (packaging/packaging.test.ts), by `npx tsx packaging/check.ts`,
// and by `npm run package` on its real output (`--app DIR`).
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, Platform, build, type Configuration } from 'electron-builder';
import { makeStandInElectron } from './electronDist';
import { PackagingError, ROOT, inspectApp, type PackagingReport } from './inspect';

/**
 * A project folder to pack: the repository's package.json and lockfile, its node_modules (linked, never
 * copied or rebuilt), and the app built by the project's own build scripts. The renderer is built
 * straight into the stage so the shared dist/renderer other runs serve is never emptied under them;
 * main and preload come from `npm run build:electron` (dist/main, dist/preload: used by Electron only).
 */
export async function stageApp(stageDir: string): Promise<void> {
  mkdirSync(path.join(stageDir, 'dist'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(stageDir, 'package.json'));
  copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(stageDir, 'package-lock.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(stageDir, 'node_modules'), 'dir');
  await runNode([path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', path.join(stageDir, 'dist/renderer'), '--emptyOutDir', '--logLevel', 'warn']);
  await runNode([path.join(ROOT, 'scripts/build-electron.mjs')]);
  for (const part of ['main', 'preload']) cpSync(path.join(ROOT, 'dist', part), path.join(stageDir, 'dist', part), { recursive: true });
}

/**
 * electron-builder's `dir` target for linux-x64 with the project's electron-builder.yml and two
 * changes: Electron comes from `electronDist`; no native rebuild (that needs Electron's headers, and
 * here it would overwrite the Node build of better-sqlite3 the tests use). Fuses are flipped as in
 * `npm run package`, on the stand-in's fuse wire.
 */
export async function packDir(options: { projectDir: string; electronDist: string; outDir: string }): Promise<string> {
  const config: Configuration = {
    extends: path.join(ROOT, 'electron-builder.yml'),
    electronDist: options.electronDist,
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    directories: { output: options.outDir },
    publish: null,
  };
  await build({ projectDir: options.projectDir, targets: Platform.LINUX.createTarget('dir', Arch.x64), config, publish: 'never' });
  const appOutDir = path.join(options.outDir, 'linux-unpacked');
  if (!existsSync(path.join(appOutDir, 'resources', 'app.asar'))) throw new PackagingError(`electron-builder produced no ${appOutDir}/resources/app.asar`);
  return appOutDir;
}

/** Stages, packs and inspects the app inside `workDir` (a fresh temporary folder). */
export async function checkPackaging(workDir: string): Promise<PackagingReport> {
  const electronDist = path.join(workDir, 'electron-dist');
  await makeStandInElectron(electronDist, electronVersion());
  const stage = path.join(workDir, 'stage');
  await stageApp(stage);
  const appOutDir = await packDir({ projectDir: stage, electronDist, outDir: path.join(workDir, 'out') });
  return inspectApp(appOutDir);
}

export function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function runNode([script = '', ...args]: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new PackagingError(`"${path.basename(script)} ${args.join(' ')}" failed (exit ${code}):\n${output.slice(-3000)}`))));
  });
}

// `npx tsx packaging/check.ts [WORKDIR]`: the same check by hand; `--app DIR` inspects an app folder
// electron-builder already produced (`npm run package` runs it on release/linux-unpacked, win-unpacked).
// Prints each problem; exits 1 on any.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [first, second] = process.argv.slice(2);
  const report = await (async (): Promise<PackagingReport> => {
    if (first !== '--app') {
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      return checkPackaging(first ?? mkdtempSync(path.join(tmpdir(), 'pillar-packaging-')));
    }
    if (!second) throw new PackagingError('--app needs the app folder (e.g. release/linux-unpacked)');
    return inspectApp(path.resolve(second));
  })().catch((error: unknown) => {
    console.error(`packaging check: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  console.log(`packaging check: ${report.entries.length} entries in ${report.asarFile}, ${report.unpacked.length} unpacked`);
  for (const problem of report.problems) console.log(`  ✗ ${problem}`);
  console.log(report.problems.length === 0 ? 'packaging check: ok' : `packaging check: ${report.problems.length} problem(s)`);
  process.exit(report.problems.length === 0 ? 0 : 1);
}
