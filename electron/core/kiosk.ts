import { unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import type { SystemInfo } from '../../shared/api/system';
import { createDispatcher, type Dispatcher, type Handlers } from './api/dispatcher';
import { KioskError } from './api/errors';
import { KioskEvents } from './api/events';
import { Catalog } from './catalog/catalog';
import { ensureCatalog } from './catalog/provision';
import { openCache, openLocal, type Db } from './db/open';
import { loadConfig, type ConfigLoad, type ConfigLocation } from './config/load';
import type { Logger } from './log/logger';
import { systemInfo, type AppIdentity } from './system/info';

export interface KioskOptions {
  app: AppIdentity;
  config: ConfigLocation;
  /** The pillar's own folder (databases, logs); one per kiosk, one per test. */
  dataDir: string;
  log: Logger;
  /** Re-read the configuration file when it changes on disk (default: on). */
  watchConfig?: boolean;
  /** better-sqlite3's native module for this runtime, when it is not the one in node_modules (Electron dev runs). */
  sqliteBinding?: string;
}

/** Where a kiosk keeps its files inside its data folder. */
export function kioskPaths(dataDir: string): { cache: string; local: string; media: string } {
  return { cache: path.join(dataDir, 'cache.db'), local: path.join(dataDir, 'local.db'), media: path.join(dataDir, 'media') };
}

export interface Kiosk {
  readonly dispatcher: Dispatcher;
  readonly events: KioskEvents;
  /** The catalog, once the configuration is valid and the cache is loaded. */
  catalog(): Catalog | null;
  /** The configuration as loaded now, ready or not. */
  configState(): ConfigLoad;
  /** Re-reads the configuration and tells the UI when what it shows would change. */
  reloadConfig(): void;
  close(): void;
}

/**
 * The kiosk backend, the same whichever host runs it (Electron main, the preview host, tests, the CLI).
 * A broken configuration does not stop it: `system.info` reports the problems so the screen can show IT
 * exactly what to fix, and the file is watched so the fix applies without a restart.
 */
export function createKiosk(options: KioskOptions): Kiosk {
  const { log } = options;
  const events = new KioskEvents();
  let load = loadConfig(options.config);
  let info: SystemInfo = systemInfo(options.app, load);
  reportConfig(log, load);

  const paths = kioskPaths(options.dataDir);
  const binding = options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {};
  const local: Db = openLocal(paths.local, binding);
  let cache: Db | null = null;
  let catalog: Catalog | null = null;

  /** Opens the cache for the configured store; until HQ sync exists, an empty cache gets the demo chain. */
  const openCatalog = (): void => {
    if (!load.ok || catalog) return;
    cache = openCache(paths.cache, binding);
    ensureCatalog(cache, { storeCode: load.config.store.id, mediaDir: paths.media, log });
    catalog = new Catalog(cache, { storeCode: load.config.store.id });
    if (!catalog.ready) log.warn({ store: load.config.store.id }, 'this store is not in the cached catalog region');
  };
  const closeCatalog = (): void => {
    catalog = null;
    cache?.close();
    cache = null;
  };
  openCatalog();

  const requireCatalog = (): Catalog => {
    if (!catalog) throw new KioskError('UNAVAILABLE', 'The catalog is not available until the configuration is fixed');
    return catalog;
  };

  const handlers: Handlers = {
    'system.info': () => info,
    'catalog.search': (input) => requireCatalog().search(input),
    'catalog.byBarcode': (input) => requireCatalog().byBarcode(input.code),
    'catalog.product': (input) => requireCatalog().product(input.styleCode, input.lang),
    'catalog.availability': (input) => requireCatalog().availability(input.styleCode),
    'catalog.related': (input) => requireCatalog().related(input.styleCode, input.lang, input.kind, input.limit),
    'catalog.categories': (input) => requireCatalog().categories(input.lang),
    'sync.status': () => ({
      phase: 'not-configured',
      live: false,
      cursor: null,
      head: null,
      pendingChanges: 0,
      lastSuccessAt: null,
      lastError: null,
      progress: null,
      source: catalog ? 'demo' : 'empty',
    }),
  };

  const reloadConfig = (): void => {
    load = loadConfig(options.config);
    const next = systemInfo(options.app, load);
    if (JSON.stringify(next) === JSON.stringify(info)) return;
    const storeChanged = !load.ok || next.state !== info.state || (next.state === 'ready' && info.state === 'ready' && next.store.id !== info.store.id);
    info = next;
    reportConfig(log, load);
    if (storeChanged) {
      closeCatalog();
      openCatalog();
    }
    events.emit('system.infoChanged', info);
  };

  const watched = options.watchConfig !== false ? options.config.path : undefined;
  // Polling survives editors and provisioning that replace the file by rename, which fs.watch loses track of.
  if (watched) watchFile(watched, { interval: 1000 }, reloadConfig);

  return {
    dispatcher: createDispatcher(handlers, log),
    events,
    catalog: () => catalog,
    configState: () => load,
    reloadConfig,
    close() {
      if (watched) unwatchFile(watched, reloadConfig);
      closeCatalog();
      local.close();
    },
  };
}

function reportConfig(log: Logger, load: ConfigLoad): void {
  if (load.ok) {
    log.info({ config: load.location, store: load.config.store.id }, 'configuration loaded');
  } else {
    for (const problem of load.problems) {
      log.error({ config: load.location, field: problem.field, problem: problem.problem }, 'configuration problem');
    }
  }
}
