import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, writeJson } from '../testing/fixtures';
import { DEMO_CONFIG } from './demo';
import { CONFIG_FILE_NAME, loadConfig, locateConfig, type ConfigLoad } from './load';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function loadFile(contents: unknown): ConfigLoad {
  return loadConfig({ source: 'flag', path: writeJson(dir, 'pillar.config.json', contents) });
}

function problemsOf(load: ConfigLoad): { field: string; problem: string }[] {
  if (load.ok) throw new Error('expected the configuration to be refused');
  return load.problems;
}

describe('locating the configuration', () => {
  it('prefers --config, then PILLAR_CONFIG, then the user-data file, then the demo', () => {
    const userFile = writeJson(dir, CONFIG_FILE_NAME, DEMO_CONFIG);
    const env = { PILLAR_CONFIG: 'from-env.json' };
    expect(locateConfig({ argv: ['--config', 'a.json'], env, userDataDir: dir })).toEqual({ source: 'flag', path: path.resolve('a.json') });
    expect(locateConfig({ argv: ['--config=b.json'], env: {}, userDataDir: dir })).toEqual({ source: 'flag', path: path.resolve('b.json') });
    expect(locateConfig({ argv: [], env, userDataDir: dir })).toEqual({ source: 'env', path: path.resolve('from-env.json') });
    expect(locateConfig({ argv: [], env: {}, userDataDir: dir })).toEqual({ source: 'user-data', path: userFile });
    expect(locateConfig({ argv: [], env: {}, userDataDir: path.join(dir, 'empty') })).toEqual({ source: 'demo' });
  });
});

describe('loading the configuration', () => {
  it('runs the built-in demo with no file at all', () => {
    const load = loadConfig({ source: 'demo' });
    expect(load.ok && load.config.store.name).toBe('Stockholm Drottninggatan');
  });

  it('fills defaults for optional settings in a minimal file', () => {
    const load = loadFile({ store: DEMO_CONFIG.store, hq: DEMO_CONFIG.hq, branding: DEMO_CONFIG.branding });
    expect(load.ok && load.config).toMatchObject({
      defaultLanguage: 'en',
      languages: ['en', 'sv', 'pl', 'el'],
      idle: { attractAfterSeconds: 60, warningSeconds: 20 },
      timeZone: 'Europe/Stockholm',
    });
  });

  it('reports a named file that does not exist instead of falling back to the demo', () => {
    const load = loadConfig({ source: 'env', path: path.join(dir, 'missing.json') });
    expect(problemsOf(load)).toEqual([{ field: '(file)', problem: expect.stringContaining('does not exist') }]);
  });

  it('reports where the JSON is broken', () => {
    const problems = problemsOf(loadFile('{\n  "store": {\n    "id": "x",,\n  }\n}'));
    expect(problems[0]?.problem).toMatch(/not valid JSON at line 3, column \d+/);
  });

  it('reports an empty file', () => {
    expect(problemsOf(loadFile(''))[0]?.problem).toMatch(/empty|not valid JSON/);
  });

  it('names each wrong field with what is wrong with it', () => {
    const problems = problemsOf(
      loadFile({
        ...DEMO_CONFIG,
        store: { id: 'bad id with spaces', name: '' },
        hq: { url: 'ftp://hq.example' },
        idle: { attractAfterSeconds: 5, warningSeconds: 10 },
        timeZone: 'Mars/Olympus',
      }),
    );
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.problem]));
    expect(Object.keys(byField).sort()).toEqual(
      ['hq.url', 'idle.attractAfterSeconds', 'idle.warningSeconds', 'store.id', 'store.name', 'timeZone'].sort(),
    );
    expect(byField['idle.warningSeconds']).toBe('must be at least 20');
    expect(byField['hq.url']).toMatch(/http/);
  });

  it('says plainly which required settings are missing and which have the wrong type', () => {
    const problems = problemsOf(loadFile({ store: { id: 'se-x' }, hq: { url: 'http://hq.example' }, branding: { name: 7, accent: '#1f4d3a' } }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'store.name', problem: 'is required' },
        { field: 'branding.name', problem: 'must be a string' },
      ]),
    );
  });

  it('names misspelt settings rather than ignoring them', () => {
    const problems = problemsOf(loadFile({ ...DEMO_CONFIG, idel: {}, branding: { ...DEMO_CONFIG.branding, colour: '#000' } }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'idel', problem: 'is not a known setting' },
        { field: 'branding.colour', problem: 'is not a known setting' },
      ]),
    );
  });

  it('refuses a brand accent too light to carry white text at WCAG AA', () => {
    const problems = problemsOf(loadFile({ ...DEMO_CONFIG, branding: { name: 'Pale', accent: '#f5c842' } }));
    expect(problems).toEqual([{ field: 'branding.accent', problem: expect.stringContaining('contrast') }]);
  });

  it('refuses a default language the pillar does not offer', () => {
    const problems = problemsOf(loadFile({ ...DEMO_CONFIG, languages: ['sv', 'en'], defaultLanguage: 'el' }));
    expect(problems).toEqual([{ field: 'defaultLanguage', problem: expect.stringContaining('languages') }]);
  });

  it('refuses a language it has no translation for', () => {
    const problems = problemsOf(loadFile({ ...DEMO_CONFIG, languages: ['en', 'de'] }));
    expect(problems.map((p) => p.field)).toEqual(['languages.1']);
  });
});
