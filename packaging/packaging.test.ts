import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPackaging } from './check';
import { makeStandInElectron, readFuseWire } from './electronDist';
import { REQUIRED_ENTRIES, REQUIRED_FUSES, ROOT, inspectApp, inspectAsar, type PackagingReport } from './inspect';

const NODE_SQLITE = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the packaged app (electron-builder dir target, stand-in Electron)', () => {
  let workDir: string;
  let report: PackagingReport;
  let sqliteBefore: string;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'pillar-packaging-'));
    sqliteBefore = sha256(NODE_SQLITE);
    report = await checkPackaging(workDir);
  }, 240_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('passes every check of the archive', () => {
    expect(report.problems).toEqual([]);
  });

  it('holds the main process, the sync worker, the preload and the renderer', () => {
    for (const entry of REQUIRED_ENTRIES) expect(report.entries).toContain(entry);
    expect(report.entries.some((entry) => /^\/dist\/renderer\/assets\/.+\.js$/.test(entry))).toBe(true);
    const pkg = JSON.parse(asar.extractFile(report.asarFile, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg['main']).toBe('dist/main/index.cjs');
    expect(pkg).not.toHaveProperty('devDependencies');
  });

  it("unpacks better-sqlite3's native module beside the archive, and nothing of its C sources", () => {
    expect(report.unpacked).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(report.unpacked.filter((file) => /\.(c|h|gyp)$/.test(file))).toEqual([]);
    expect(asar.statFile(report.asarFile, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toMatchObject({ unpacked: true });
  });

  it('ships no tests, benchmarks, HQ, sources, source maps or development dependencies', () => {
    const offending = report.entries.filter(
      (entry) =>
        /^\/(hq|bench|e2e|integration|faults|shared|electron|renderer|resources|scripts|packaging)(\/|$)/.test(entry) ||
        /\.(test|spec)\.|\.map$/.test(entry) ||
        /^\/node_modules\/(electron|vite|vitest|react|fastify|typescript|esbuild|electron-builder|@playwright)(\/|$)/.test(entry),
    );
    expect(offending).toEqual([]);
  });

  it("flips Electron's fuses as electron-builder.yml says: no run-as-node, NODE_OPTIONS or inspector; asar integrity and asar-only on", () => {
    const wire = readFuseWire(path.join(report.appOutDir, 'pillar')) ?? '';
    for (const { index, on } of REQUIRED_FUSES) expect(wire[index]).toBe(on ? '1' : '0');
  });

  it('renames the stand-in Electron to the executable and keeps its licence', () => {
    accessSync(path.join(report.appOutDir, 'pillar'), constants.X_OK);
    expect(readFileSync(path.join(report.appOutDir, 'LICENSE.electron.txt'), 'utf8')).toMatch(/stand-in/i);
  });

  it("leaves node_modules' better-sqlite3 built for Node, loadable by the tests", () => {
    expect(sha256(NODE_SQLITE)).toBe(sqliteBefore);
    const probe = spawnSync(process.execPath, ['-e', "console.log(new (require('better-sqlite3'))(':memory:').prepare('select 41 + 1 as n').get().n)"], { cwd: ROOT, encoding: 'utf8' });
    expect(probe.stderr).toBe('');
    expect(probe.stdout.trim()).toBe('42');
  });
});

describe('the archive inspection', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pillar-asar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names everything wrong with a badly packed app', async () => {
    const app = path.join(dir, 'app');
    const put = (file: string, text = ''): void => {
      mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      writeFileSync(path.join(app, file), text);
    };
    put('package.json', JSON.stringify({ name: 'pillar', main: 'dist/main/app.js', devDependencies: { vite: '8.3.8' } }));
    put('dist/main/index.cjs', 'const pino = require("pino"); const fs = require("node:fs"); const { app } = require("electron");\n// hq/store/store.ts\nclass HqStore {}\n');
    put('dist/main/index.cjs.map', '{}');
    put('dist/renderer/index.html', '<script type="module" src="/assets/index-abc.js"></script>');
    put('hq/server.js');
    put('bench/run.js');
    put('e2e/shopper.spec.js');
    put('resources/demo/generator.ts');
    put('node_modules/vite/package.json', '{}');
    put('node_modules/better-sqlite3/package.json', '{}');
    put('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    put('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c');
    const archive = path.join(dir, 'app.asar');
    await asar.createPackage(app, archive);

    const problems = inspectAsar(archive, new Set(['better-sqlite3'])).problems.join('\n');

    for (const expected of [
      'missing /dist/main/syncWorker.cjs',
      'missing /dist/preload/index.cjs',
      '/dist/renderer/index.html refers to /assets/index-abc.js, which is not in the archive',
      '/hq/server.js is not part of the app',
      '/bench/run.js comes from tests, benchmarks or HQ',
      '/e2e/shopper.spec.js is a test',
      '/resources/demo/generator.ts is a source file',
      '/dist/main/index.cjs.map is a source map',
      'node_modules/vite is not a production dependency',
      'the main process requires "pino" at run time, but node_modules/pino is not shipped',
      '/node_modules/better-sqlite3/build/Release/better_sqlite3.node is a native module packed inside the archive',
      "better-sqlite3's better_sqlite3.node is not in app.asar.unpacked",
      '/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c is a native build\'s source or leftover',
      'package.json in the archive lists devDependencies',
      '/dist/main/index.cjs bundles hq/store/store.ts, which comes from tests, benchmarks, HQ or tools',
      'package.json in the archive has main "dist/main/app.js"',
    ]) {
      expect(problems).toContain(expected);
    }
    expect(problems).not.toContain('"electron"');
    expect(problems).not.toContain('"node:fs"');

    // The same archive in an app folder whose Electron nobody flipped the fuses of.
    const electron = path.join(dir, 'electron-dist');
    await makeStandInElectron(electron, '45.0.0');
    const appOutDir = path.join(dir, 'linux-unpacked');
    mkdirSync(path.join(appOutDir, 'resources'), { recursive: true });
    copyFileSync(archive, path.join(appOutDir, 'resources', 'app.asar'));
    copyFileSync(path.join(electron, 'electron'), path.join(appOutDir, 'pillar'));
    const appProblems = inspectApp(appOutDir).problems;
    for (const name of ['runAsNode', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar']) {
      expect(appProblems.some((problem) => problem.startsWith(`pillar: fuse ${name} is not`))).toBe(true);
    }
  });

  it('refuses a folder that is not a packed app, with the reason', () => {
    expect(() => inspectApp(dir)).toThrow(/holds no resources\/app.asar/);
  });
});
