import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { DEMO_HOME_STORE } from '../resources/demo/generator';
import { loadDemo } from './demo';
import { createHqApp } from './http/app';
import { HeadWatch, reportingWrites } from './http/headWatch';
import { type PaymentLinks, referencePaymentPages } from './http/paymentLinks';
import { openSqliteStore } from './store/sqliteStore';
import type { HqStore } from './store/store';

export interface HqOptions {
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Load the demo chain at this scale into an empty store, and write a kiosk configuration for its flagship store. */
  demo?: false | 'demo' | 'full';
  /** Default: env `PILLAR_HQ_ADMIN_TOKEN`, else `<dataDir>/admin-token`, created on first start. */
  adminToken?: string;
  /** Default: JSON lines on standard error; false for none. */
  log?: pino.Logger | false;
  /** How often live streams look for writes by other processes (the import CLI). Default 500 ms. */
  pollHeadMs?: number;
  /**
   * HQ's address as shoppers' phones reach it (behind a proxy, say), for the payment links it issues:
   * `<publicUrl>/pay/<token>`. Default: the address it listens on.
   */
  publicUrl?: string;
  /** Where "pay on your phone" links go. Default: HQ's own reference page, which takes no money. */
  payments?: PaymentLinks;
  /** HQ's clock (epoch ms). Default `Date.now`; tests move it instead of waiting. */
  now?: () => number;
  /** Codes a new check-in or today-only offer starts with (0: none until the admin mints some). Default 2000. */
  initialCouponPool?: number;
  /** electron-builder output to serve as the update feed, one folder per version (`DIR/1.4.0/latest-linux.yml`, …). Default: none. */
  releasesDir?: string;
}

export interface RunningHq {
  url: string;
  adminToken: string;
  /** The store this HQ serves; writes through it reach open live streams at once. */
  store: HqStore;
  issueKioskToken(storeCode: string): Promise<string>;
  /** Ends live streams, stops listening and closes the store. */
  close(): Promise<void>;
}

export const ADMIN_TOKEN_FILE = 'admin-token';
export const DEMO_KIOSK_CONFIG_FILE = 'demo-kiosk.config.json';

/** The reference HQ: its store, opened from `dataDir`, served over HTTP (routes in hq/http/). */
export async function startHq(options: HqOptions): Promise<RunningHq> {
  const configuredUrl = options.publicUrl === undefined ? null : publicUrlOf(options.publicUrl);
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const log = options.log === false ? pino({ level: 'silent' }) : (options.log ?? pino({ level: process.env['PILLAR_LOG_LEVEL'] ?? 'info' }, pino.destination(2)));
  const adminToken = await resolveAdminToken(dataDir, options.adminToken, log);

  const opened = await openSqliteStore({ dataDir, log, ...(options.initialCouponPool === undefined ? {} : { initialCouponPool: options.initialCouponPool }) });
  const watch = new HeadWatch(opened, options.pollHeadMs ?? 500, log);
  const store = reportingWrites(opened, () => void watch.refresh());
  let app: ReturnType<typeof createHqApp>['app'] | null = null;
  try {
    if (options.demo && (await store.head()) === 0) {
      log.info({ scale: options.demo }, 'loading the demo chain into an empty HQ');
      await loadDemo(store, { scale: options.demo, log });
    }
    await watch.refresh();
    // Offers published before HQ kept coupons (an older data folder) get their pools now.
    await store.mintMissingPools((options.now ?? Date.now)());
    // Claims are held only by requests running in this process; any left were cut off by a stop or a crash.
    const released = await store.releaseAllClaims();
    if (released > 0) log.info({ released }, 'claims of requests cut off by the last stop released');
    let url = '';
    const payments = options.payments ?? referencePaymentPages(() => configuredUrl ?? url);
    app = createHqApp({ store, watch, adminToken, dataDir, log, now: options.now ?? Date.now, payments, releasesDir: options.releasesDir ?? null, publicUrl: configuredUrl }).app;
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 8787 });
    url = urlOf(host, (app.server.address() as AddressInfo).port);
    if (options.demo) await writeDemoKioskConfig(dataDir, url, store);
    log.info({ url, dataDir }, 'HQ listening');

    const listening = app;
    let closing: Promise<void> | null = null;
    return {
      url,
      adminToken,
      store,
      issueKioskToken: (storeCode) => store.issueKioskToken(storeCode),
      close: () =>
        (closing ??= (async () => {
          watch.close();
          try {
            await listening.close();
          } finally {
            await opened.close();
          }
        })()),
    };
  } catch (error) {
    watch.close();
    await app?.close();
    await opened.close();
    throw error;
  }
}

/** An http(s) address without a trailing slash, or an error that says what is wrong with it. */
function publicUrlOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`The public URL "${text}" is not an address such as https://hq.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`The public URL "${text}" must start with http:// or https://`);
  if (url.search !== '' || url.hash !== '') throw new Error(`The public URL "${text}" must have no ?query or #fragment`);
  return url.href.replace(/\/+$/, '');
}

function urlOf(host: string, port: number): string {
  // Bound to every interface, HQ is still reachable on loopback: that is the address to print.
  const shown = host === '0.0.0.0' || host === '::' || host === 'localhost' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

const TOKEN_SHAPE = /^[\x21-\x7e]{16,512}$/;

async function resolveAdminToken(dataDir: string, given: string | undefined, log: pino.Logger): Promise<string> {
  const fromEnv = process.env['PILLAR_HQ_ADMIN_TOKEN'] || undefined;
  const source = given !== undefined ? 'the adminToken option' : fromEnv !== undefined ? 'PILLAR_HQ_ADMIN_TOKEN' : path.join(dataDir, ADMIN_TOKEN_FILE);
  const token = given ?? fromEnv ?? (await readOrCreateTokenFile(path.join(dataDir, ADMIN_TOKEN_FILE), log));
  if (!TOKEN_SHAPE.test(token)) throw new Error(`The admin token from ${source} must be 16–512 visible ASCII characters (no spaces)`);
  return token;
}

async function readOrCreateTokenFile(file: string, log: pino.Logger): Promise<string> {
  try {
    await writeFile(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    log.info({ file }, 'admin token created');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (((await stat(file)).mode & 0o077) !== 0) log.warn({ file }, 'the admin token file can be read by other users; chmod 600 it');
  return (await readFile(file, 'utf8')).trim();
}

/**
 * A kiosk configuration for the demo chain's flagship store, ready for `pillar.config.json` (its schema
 * is electron/core/config/schema.ts). A token that still opens the store is kept, so a pillar already
 * set up with this file goes on working across HQ restarts; only the address is brought up to date.
 */
async function writeDemoKioskConfig(dataDir: string, url: string, store: HqStore): Promise<void> {
  const file = path.join(dataDir, DEMO_KIOSK_CONFIG_FILE);
  const existing = await readJson(file);
  const hq = isRecord(existing) && isRecord(existing['hq']) ? existing['hq'] : null;
  const oldToken = hq && typeof hq['token'] === 'string' ? hq['token'] : null;
  const stillValid = oldToken !== null && (await store.authenticateKiosk(oldToken))?.storeCode === DEMO_HOME_STORE;

  const config =
    stillValid && isRecord(existing)
      ? { ...existing, hq: { ...hq, url } }
      : {
          store: { id: DEMO_HOME_STORE, name: 'Stockholm Drottninggatan' },
          hq: { url, token: await store.issueKioskToken(DEMO_HOME_STORE, 'demo kiosk') },
          locale: 'sv-SE',
          currency: 'SEK',
          timeZone: 'Europe/Stockholm',
          defaultLanguage: 'en',
          branding: { name: 'NORRVIK', accent: '#1f4d3a' },
        };
  // Written aside and renamed: a pillar reading the file never sees half of it, and the new file is 0600 from birth.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
