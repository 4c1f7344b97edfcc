import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigProblem, ConfigSource } from '../../../shared/api/system';
import { DEMO_CONFIG } from './demo';
import { KioskConfig } from './schema';

export const CONFIG_FILE_NAME = 'pillar.config.json';
export const CONFIG_ENV = 'PILLAR_CONFIG';

export interface ConfigLocation {
  source: ConfigSource;
  /** Absent for the demo configuration. */
  path?: string;
}

export type ConfigLoad =
  | { ok: true; location: ConfigLocation; config: KioskConfig }
  | { ok: false; location: ConfigLocation; problems: ConfigProblem[] };

/**
 * Where the configuration comes from: `--config PATH`, then `PILLAR_CONFIG`, then `pillar.config.json` in
 * the user-data folder, then the built-in demo. A path given explicitly that does not exist is a problem
 * to report, not a reason to fall back to the demo: a pillar must never quietly pretend to be another store.
 */
export function locateConfig(options: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataDir?: string;
}): ConfigLocation {
  const flag = flagValue(options.argv, '--config');
  if (flag) return { source: 'flag', path: path.resolve(flag) };
  const fromEnv = options.env[CONFIG_ENV];
  if (fromEnv) return { source: 'env', path: path.resolve(fromEnv) };
  if (options.userDataDir) {
    const candidate = path.join(options.userDataDir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return { source: 'user-data', path: candidate };
  }
  return { source: 'demo' };
}

/** Reads and validates the configuration; every problem found is named by field, never thrown. */
export function loadConfig(location: ConfigLocation): ConfigLoad {
  if (!location.path) return { ok: true, location, config: KioskConfig.parse(DEMO_CONFIG) };

  let text: string;
  try {
    text = readFileSync(location.path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : 'the file cannot be read';
    return { ok: false, location, problems: [{ field: '(file)', problem: `${reason}: ${location.path}` }] };
  }

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, location, problems: [{ field: '(file)', problem: describeJsonError(text, error) }] };
  }

  const parsed = KioskConfig.safeParse(json);
  if (parsed.success) return { ok: true, location, config: parsed.data };
  return {
    ok: false,
    location,
    problems: parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      // Unknown keys come as one issue on the parent naming the keys; name them as the fields IT typed.
      if (issue.code === 'unrecognized_keys') {
        const prefix = field ? `${field}.` : '';
        return { field: issue.keys.map((key) => prefix + key).join(', '), problem: 'is not a known setting' };
      }
      if (issue.code === 'invalid_type') {
        const missing = /received undefined/.test(issue.message);
        return { field: field || '(file)', problem: missing ? 'is required' : `must be ${article(issue.expected)}` };
      }
      return { field: field || '(file)', problem: issue.message };
    }),
  };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === flag) return argv[i + 1];
    if (arg?.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

/** "not valid JSON at line 3, column 14: …", from whichever position format this Node's parser reports. */
function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `not valid JSON at line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `not valid JSON at line ${line}, column ${column}`;
  }
  return text.trim() === '' ? 'the file is empty' : 'not valid JSON';
}
