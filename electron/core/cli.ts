import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../shared/languages';
import { KioskError } from './api/errors';
import { CONFIG_FILE_NAME, loadConfig, locateConfig } from './config/load';
import { createKiosk, kioskPaths } from './kiosk';
import { createLogger } from './log/logger';
import { formatOutbox, outboxReport } from './outbox/command';
import { runProvision } from './provision/command';
import { doctor, formatDoctor } from './sync/doctor';
import { runSync } from './sync/syncCommand';
import { appIdentity, systemInfo } from './system/info';

/**
 * `npm run kiosk -- <command>`: the kiosk core from a shell, for IT and debugging — the same code the
 * pillar runs, on the same data folder.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USAGE = `usage: npm run kiosk -- <command> [options]

  config [--config FILE]                 check a settings file and show what the pillar would run with
  search "<text>" [--lang L] [--limit N] search the catalog as a shopper would
  stock <sku|ean>                        where a variant is: this store, nearby stores, online
  sync --hq URL --token T [--store ID]   provision the cache from HQ (snapshot, then changes) and exit;
       [--follow]                        with --follow, keep following HQ until stopped
  provision --hq URL --enrol-code CODE  enrol this pillar with HQ (a one-time code from "npm run hq -- enrol"),
       [--config FILE] [--force]         write its configuration (default: pillar.config.json in the data folder;
                                         an existing one is kept unless --force) and pre-sync its cache
  doctor [--digest]                      sync state, cursor, freshness, row counts, integrity check
  outbox                                 what is still on its way to HQ (orders, ratings, help requests), the
                                         last error, and rows HQ refused (exit 1 when there are any); no personal data

options: --data DIR (the kiosk's data folder; default .pillar-data/preview), --config FILE, --json`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    config: { type: 'string' },
    data: { type: 'string', default: process.env['PILLAR_DATA'] ?? path.join(ROOT, '.pillar-data', 'preview') },
    lang: { type: 'string', default: 'en' },
    limit: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    hq: { type: 'string' },
    token: { type: 'string', default: process.env['PILLAR_HQ_TOKEN'] },
    store: { type: 'string' },
    follow: { type: 'boolean', default: false },
    'enrol-code': { type: 'string' },
    force: { type: 'boolean', default: false },
    digest: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

const [command, argument] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const app = appIdentity(ROOT, 'preview');
const location = locateConfig({ argv: values.config ? ['--config', values.config] : [], env: process.env, userDataDir: path.resolve(values.data) });
const print = (value: unknown, text: () => string): void => console.log(values.json ? JSON.stringify(value, null, 2) : text());

try {
  process.exit(await main());
} catch (error) {
  if (error instanceof KioskError) {
    console.error(`${error.code}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

async function main(): Promise<number> {
  switch (command) {
    case 'config': {
      const info = systemInfo(app, loadConfig(location));
      print(info, () =>
        info.state === 'ready'
          ? `OK  ${info.config.path ?? 'built-in demo configuration'}\n    store ${info.store.id} (${info.store.name}), brand ${info.branding.name}, languages ${info.languages.join(' ')}`
          : `NOT OK  ${info.config.path ?? ''}\n${info.problems.map((p) => `    ${p.field}: ${p.problem}`).join('\n')}`,
      );
      return info.state === 'ready' ? 0 : 1;
    }
    case 'search':
    case 'stock': {
      if (argument === undefined) {
        console.error(USAGE);
        return 2;
      }
      const lang = values.lang as Language;
      if (!LANGUAGES.includes(lang)) {
        console.error(`--lang must be one of ${LANGUAGES.join(', ')}`);
        return 2;
      }
      const dataDir = path.resolve(values.data);
      mkdirSync(dataDir, { recursive: true });
      const kiosk = createKiosk({ app, config: location, dataDir, log: createLogger({ level: 'warn', stdout: !values.json }), watchConfig: false, sync: false });
      try {
        const catalog = kiosk.catalog();
        if (!catalog) throw new KioskError('UNAVAILABLE', 'The configuration is not valid: run "npm run kiosk -- config" to see why');
        if (command === 'search') {
          const result = catalog.search({ text: argument, lang, limit: Number(values.limit), offset: 0 });
          print(result, () =>
            [
              `${result.total} found${result.corrected ? ` (showing results for "${result.corrected}")` : ''}`,
              ...result.items.map((p) => `  ${p.styleCode.padEnd(10)} ${p.name} — ${p.brand}, ${(p.price.minor / 100).toFixed(2)} ${p.price.currency}, ${p.status}`),
            ].join('\n'),
          );
          return 0;
        }
        const variant = /^[\d\s-]+$/.test(argument) ? catalog.byBarcode(argument) : catalog.bySku(argument);
        const availability = catalog.availability(variant.styleCode);
        const row = availability.variants.find((v) => v.sku === variant.sku);
        if (!row) throw new KioskError('NOT_FOUND', 'That variant has no availability row');
        print({ ...variant, ...row, lastSyncAt: availability.lastSyncAt }, () =>
          [
            `${variant.sku}  ${variant.styleCode}  colour ${variant.colourCode}  size ${variant.size}  → ${row.status}`,
            `  here (${availability.store.name}): ${row.here}`,
            ...row.nearby.map((s) => `  ${s.name}, ${s.city} (${s.distanceKm} km${s.openNow ? ', open now' : ''}): ${s.quantity}`),
            `  online: ${row.online}`,
            `  stock as of ${availability.lastSyncAt ? new Date(availability.lastSyncAt).toISOString() : 'never synced'}`,
          ].join('\n'),
        );
        return 0;
      } finally {
        kiosk.close();
      }
    }
    case 'sync': {
      if (!values.hq || !values.token) {
        console.error(`sync needs --hq URL and --token T (or PILLAR_HQ_TOKEN)\n${USAGE}`);
        return 2;
      }
      return runSync({ hq: values.hq, token: values.token, store: values.store, dataDir: path.resolve(values.data), follow: values.follow, json: values.json });
    }
    case 'provision': {
      if (!values.hq || !values['enrol-code']) {
        console.error(`provision needs --hq URL and --enrol-code CODE\n${USAGE}`);
        return 2;
      }
      const dataDir = path.resolve(values.data);
      return runProvision({
        hq: values.hq,
        code: values['enrol-code'],
        dataDir,
        configFile: values.config ? path.resolve(values.config) : path.join(dataDir, CONFIG_FILE_NAME),
        force: values.force,
        appVersion: app.version,
        json: values.json,
      });
    }
    case 'outbox': {
      const config = loadConfig(location);
      const timeZone = config.ok ? config.config.timeZone : 'UTC';
      const report = outboxReport(kioskPaths(path.resolve(values.data)).local, timeZone);
      print(report, () => formatOutbox(report, timeZone));
      return report.rejected.length > 0 ? 1 : 0;
    }
    case 'doctor': {
      const report = doctor(path.resolve(values.data), { digest: values.digest });
      print(report, () => formatDoctor(report));
      return report.healthy ? 0 : 1;
    }
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
