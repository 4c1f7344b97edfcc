import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, locateConfig } from './config/load';
import { systemInfo } from './system/info';

/**
 * `npm run kiosk -- <command>`: the kiosk core from a shell, for IT and debugging.
 *   config [--config FILE] [--json]   check a configuration file and show what the pillar would run with
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = `usage: npm run kiosk -- config [--config FILE] [--json]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { config: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});

const [command] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

switch (command) {
  case 'config': {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { productName: string; version: string };
    const location = locateConfig({ argv: values.config ? ['--config', values.config] : [], env: process.env });
    const info = systemInfo({ name: pkg.productName, version: pkg.version, runtime: 'preview' }, loadConfig(location));
    if (values.json) {
      console.log(JSON.stringify(info, null, 2));
    } else if (info.state === 'ready') {
      console.log(`OK  ${info.config.path ?? 'built-in demo configuration'}`);
      console.log(`    store ${info.store.id} (${info.store.name}), brand ${info.branding.name}, languages ${info.languages.join(' ')}`);
    } else {
      console.log(`NOT OK  ${info.config.path ?? ''}`);
      for (const problem of info.problems) console.log(`    ${problem.field}: ${problem.problem}`);
    }
    process.exit(info.state === 'ready' ? 0 : 1);
    break;
  }
  default:
    console.error(`unknown command "${command}"\n${USAGE}`);
    process.exit(2);
}
