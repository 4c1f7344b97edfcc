import { existsSync, unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import type { SyncStatus } from '../../shared/api/sync';
import type { SystemInfo } from '../../shared/api/system';
import { createDispatcher, type Dispatcher, type Handlers } from './api/dispatcher';
import { KioskError } from './api/errors';
import { KioskEvents } from './api/events';
import { Catalog } from './catalog/catalog';
import { ensureCatalog } from './catalog/provision';
import { openCache, openLocal, type Db } from './db/open';
import { loadConfig, type ConfigLoad, type ConfigLocation } from './config/load';
import type { Logger } from './log/logger';
import { currentCacheFile, removeStaleCacheFiles } from './sync/cacheFile';
import type { SyncTiming } from './sync/engine';
import { startSyncHost, type SyncHost } from './sync/host';
import { HqClient } from './sync/hqClient';
import { MediaCache } from './sync/media';
import { Coupons, withCouponIssues, type CouponContext } from './coupons/coupons';
import { PoolTopUp } from './coupons/pool';
import { HelpRequests } from './help/helpRequests';
import { activeOffers } from './offers/offers';
import { startOfLocalDay } from './orders/deliveryDates';
import { Orders } from './orders/orders';
import { UpstreamClient } from './outbox/client';
import { OutboxDeliverer, type OutboxTiming } from './outbox/outbox';
import { OutboxStore } from './outbox/store';
import type { StaffHost } from './staff/actions';
import { StaffMode } from './staff/staffMode';
import { systemInfo, type AppIdentity } from './system/info';
import type { RolloutDecision } from '../../shared/sync/fleet';
import { loadWithPushed } from './config/pushed';
import { collectHeartbeat, IDLE_UPDATE, type UpdateReport } from './heartbeat/collect';
import { HeartbeatSender, type HeartbeatTiming } from './heartbeat/sender';
import { readSettings } from './orders/settings';
import { readRollbackState, rollbackReport } from './updates/rollback';
import { storeHours } from './updates/storeHours';
import type { InstallContext } from './updates/policy';

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
  /** Sync with HQ when the configuration has a token (default on); tests of other things may turn it off. */
  sync?: boolean;
  /** The bundled sync worker (Electron builds); tsx runs worker.ts otherwise. */
  syncWorkerFile?: string;
  syncTiming?: Partial<SyncTiming>;
  /** Backoff of the outbox's deliveries to HQ (tests shorten it). */
  outboxTiming?: Partial<OutboxTiming>;
  /** What the host's updater is doing, for the heartbeat (Electron); absent: idle, or the last rollback. */
  updateStatus?: () => UpdateReport;
  heartbeatTiming?: Partial<HeartbeatTiming>;
  /** What the host can do for staff mode's health actions (restart, leave kiosk mode, find USB drives); absent = UNAVAILABLE. */
  host?: StaffHost;
  /** How often the shopper's pillar asks HQ whether staff took its "call staff" request (tests shorten it). */
  helpPollMs?: number;
}

/** Where a kiosk keeps its files inside its data folder. */
export function kioskPaths(dataDir: string): { cache: string; local: string; media: string } {
  return { cache: currentCacheFile(dataDir), local: path.join(dataDir, 'local.db'), media: path.join(dataDir, 'media') };
}

export interface Kiosk {
  readonly dispatcher: Dispatcher;
  readonly events: KioskEvents;
  /** The catalog, once the configuration is valid and the cache is loaded. */
  catalog(): Catalog | null;
  /** The configuration as loaded now, ready or not. */
  configState(): ConfigLoad;
  /** Where sync with HQ stands. */
  syncStatus(): SyncStatus;
  /** A product image's file on disk, fetched from HQ into the capped image cache when needed; null shows the placeholder. */
  media(mediaPath: string): Promise<string | null>;
  /** Re-reads the configuration and tells the UI when what it shows would change. */
  reloadConfig(): void;
  /** The version HQ last said this pillar should run (from the heartbeat's answer); null: none yet. */
  rollout(): RolloutDecision | null;
  /** What the update policy needs from the core: the store's hours and clock, how long a shopper session can last. */
  updateWindow(): Pick<InstallContext, 'openingHours' | 'timeZone' | 'sessionEndsAfterSeconds'> | null;
  /** Stops sync (letting a batch in flight commit) and closes the databases. */
  close(): Promise<void>;
}

/** Products whose first image per colour is fetched as soon as the cache is there. */
const PREFETCH_PRODUCTS = 300;

const NOT_CONFIGURED: SyncStatus = {
  phase: 'not-configured',
  live: false,
  cursor: null,
  head: null,
  pendingChanges: 0,
  lastSuccessAt: null,
  lastError: null,
  progress: null,
  source: 'empty',
};

/** Whether a cache came from HQ for this store (rather than the demo chain or another store's region). */
function syncedFor(db: Db, storeCode: string): boolean {
  const meta = new Map((db.prepare("SELECT key, value FROM meta WHERE key IN ('source', 'hq_store')").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  return meta.get('source') === 'hq' && meta.get('hq_store') === storeCode;
}

/** Whether the HQ address or token changed: sync restarts with the new ones. */
function hqChanged(before: ConfigLoad, after: ConfigLoad): boolean {
  const hq = (load: ConfigLoad): string => (load.ok ? `${load.config.hq.url} ${load.config.hq.token ?? ''}` : '');
  return hq(before) !== hq(after);
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

  const binding = options.sqliteBinding ? { nativeBinding: options.sqliteBinding } : {};
  const local: Db = openLocal(kioskPaths(options.dataDir).local, binding);
  const outbox = new OutboxStore(local);
  /** Delivers the outbox while HQ is configured (started and stopped with sync). */
  let deliverer: OutboxDeliverer | null = null;
  /** Keeps the coupon pools topped up from HQ, started and stopped with sync. */
  let pools: PoolTopUp | null = null;
  const storeCode = (): string | null => (load.ok ? load.config.store.id : null);
  const queued = (): void => {
    deliverer?.wake();
    events.emit('outbox.changed', { pending: outbox.pendingCount() });
  };
  const help = new HelpRequests(local, { outbox, storeCode, onQueued: queued, onRequested: () => staff.help.follow() });
  let cache: Db | null = null;
  let catalog: Catalog | null = null;
  let sync: SyncHost | null = null;
  let syncStatus: SyncStatus = NOT_CONFIGURED;
  /** Posts the pillar's health to HQ while HQ is configured (started and stopped with sync). */
  let heartbeat: HeartbeatSender | null = null;
  let rollout: RolloutDecision | null = null;
  /** The configuration with what HQ pushed in its settings laid over the file's (issue 9). */
  const effective = (current: ConfigLoad): ConfigLoad => loadWithPushed(current, cache && hqOf() ? readSettings(cache, Date.now()).settings.pillar : undefined);
  /** HQ's settings changed under the screen: it shows the new idle times, branding and language at once. */
  const refreshInfo = (): void => {
    const next = systemInfo(options.app, effective(load));
    if (JSON.stringify(next) === JSON.stringify(info)) return;
    info = next;
    events.emit('system.infoChanged', info);
  };

  /** With an HQ token the cache comes from HQ through sync; without one, from the built-in demo chain. */
  const hqOf = (): { url: string; token: string } | null => (load.ok && load.config.hq.token && options.sync !== false ? { url: load.config.hq.url, token: load.config.hq.token } : null);

  /** Opens the current cache file, if it holds this store's catalog (sync swaps files under us). */
  const openCatalog = (): void => {
    if (!load.ok || catalog) return;
    const file = currentCacheFile(options.dataDir);
    const hq = hqOf();
    if (hq && !existsSync(file)) return; // first provisioning still to come
    cache = openCache(file, binding);
    if (hq && !syncedFor(cache, load.config.store.id)) {
      // A cache from the demo chain or another store: this store's snapshot replaces it.
      closeCatalog();
      return;
    }
    if (!hq) ensureCatalog(cache, { storeCode: load.config.store.id, mediaDir: kioskPaths(options.dataDir).media, log });
    catalog = new Catalog(cache, { storeCode: load.config.store.id, ...binding });
    if (!catalog.ready) {
      log.warn({ store: load.config.store.id }, 'this store is not in the cached catalog region');
      // A cache from sync for another store (or a demo cache): wait for this store's snapshot.
      if (hq) closeCatalog();
    }
  };
  const closeCatalog = (): void => {
    catalog?.close();
    catalog = null;
    cache?.close();
    cache = null;
  };
  /** Bumped by every swap: a swap overtaken by a newer one discards what it opened. */
  let generation = 0;
  /** While a new cache's index builds: what sync changed in it meanwhile. */
  let opening: { variantIds: number[]; catalogChanged: boolean } | null = null;

  let media = new MediaCache({ dir: kioskPaths(options.dataDir).media, log });
  /** The images shoppers see first — the most popular products' — fetched ahead, so they show at once and offline. */
  const prefetchMedia = (): void => {
    if (!cache || !hqOf()) return;
    const rows = cache.prepare('SELECT images FROM products ORDER BY popularity DESC LIMIT ?').pluck().all(PREFETCH_PRODUCTS) as string[];
    const paths = rows.flatMap((json) => Object.values(JSON.parse(json) as Record<string, string[]>).map((list) => list[0]).filter((p): p is string => !!p));
    void media.prefetch(paths).catch((error: unknown) => log.warn({ reason: (error as Error).message }, 'image prefetch stopped'));
  };

  const startSync = (): void => {
    const hq = hqOf();
    if (!hq && load.ok) log.info('coupons: no HQ configured, so this pillar has no coupon codes to hand out; a claim answers "empty" (npm start runs the demo HQ)');
    if (!hq || !load.ok || sync) return;
    const upstream = new UpstreamClient({ url: hq.url, token: hq.token, ...(options.outboxTiming?.requestTimeoutMs ? { timeoutMs: options.outboxTiming.requestTimeoutMs } : {}) });
    deliverer = new OutboxDeliverer({
      store: outbox,
      client: upstream,
      hooks: withCouponIssues(orders.deliveryHooks()),
      log,
      ...(options.outboxTiming ? { timing: options.outboxTiming } : {}),
      onChanged: (pending) => events.emit('outbox.changed', { pending }),
      onOrderUpdated: (id) => events.emit('orders.updated', { id }),
    });
    deliverer.start();
    heartbeat = new HeartbeatSender({
      url: hq.url,
      token: hq.token,
      log,
      ...(options.heartbeatTiming ? { timing: options.heartbeatTiming } : {}),
      onAnswer: (answer) => {
        rollout = answer.rollout;
      },
      collect: (now) =>
        collectHeartbeat(
          {
            dataDir: options.dataDir,
            version: options.app.version,
            uptimeSeconds: () => process.uptime(),
            sync: () => syncStatus,
            outbox: () => outbox.status(startOfLocalDay(now, load.ok ? load.config.timeZone : 'UTC')),
            update: () => options.updateStatus?.() ?? rollbackReport(readRollbackState(options.dataDir)) ?? IDLE_UPDATE,
          },
          now,
        ),
    });
    heartbeat.start();
    pools = new PoolTopUp({ store: coupons.store, client: upstream, context: couponContextOrNull, log, ...(options.outboxTiming ? { timing: options.outboxTiming } : {}) });
    pools.request();
    const client = new HqClient({ url: hq.url, token: hq.token, store: load.config.store.id });
    media = new MediaCache({ dir: kioskPaths(options.dataDir).media, log, fetch: (mediaPath) => client.media(mediaPath, AbortSignal.timeout(10_000)) });
    prefetchMedia();
    syncStatus = { ...NOT_CONFIGURED, phase: 'provisioning' };
    sync = startSyncHost({
      dataDir: options.dataDir,
      hq,
      storeCode: load.config.store.id,
      log,
      ...(options.syncWorkerFile ? { workerFile: options.syncWorkerFile } : {}),
      ...(options.sqliteBinding ? { sqliteBinding: options.sqliteBinding } : {}),
      ...(options.syncTiming ? { timing: options.syncTiming } : {}),
      onStatus: (status) => {
        // Sync reached HQ again: whatever waits in the outbox goes now, not after its backoff.
        const reached = (status.phase === 'following' && syncStatus.phase !== 'following') || (status.live && !syncStatus.live);
        syncStatus = status;
        if (reached) {
          deliverer?.wake({ hqBack: true });
          pools?.wake();
        }
        events.emit('sync.statusChanged', status);
      },
      onApplied: (applied) => {
        if (applied.settingsChanged) refreshInfo();
        if (opening) {
          opening.catalogChanged ||= applied.catalogChanged;
          for (const id of applied.variantIds) opening.variantIds.push(id);
        }
        // New or changed offers may need codes; withdrawn ones' codes are dropped.
        if (applied.offersChanged) pools?.request();
        const current = catalog;
        if (!current) return;
        const at = Date.now();
        // In slices: a big delta never holds up the shopper's next tap.
        if (applied.catalogChanged) {
          current.refreshAsync().then(
            () => events.emit('catalog.changed', { at }),
            (error: unknown) => log.error({ reason: (error as Error).message }, 'catalog refresh after sync failed; the previous index still answers'),
          );
        }
        const stockChanged = (styleCodes: readonly string[]): void => {
          for (let i = 0; i < styleCodes.length; i += 5_000) events.emit('catalog.stockChanged', { styleCodes: styleCodes.slice(i, i + 5_000), at });
        };
        if (applied.stock.length > 0) {
          // The sync thread named each variant's product and its level here: flags set from memory.
          const { styleCodes, unplaced } = current.stockLevelsChanged(applied.stock);
          stockChanged(styleCodes);
          // Products newer than the search index: read from the cache, in slices.
          if (unplaced.length > 0) {
            current.stockChangedAsync(unplaced).then(
              (update) => stockChanged(update.styleCodes),
              (error: unknown) => log.error({ reason: (error as Error).message }, 'stock update after sync failed'),
            );
          }
        }
      },
      onSwapped: () => {
        if (!load.ok) return;
        const mine = ++generation;
        const file = currentCacheFile(options.dataDir);
        const db = openCache(file, binding);
        if (!syncedFor(db, load.config.store.id)) {
          db.close();
          return;
        }
        // The new cache's index is built in slices while the old one keeps answering, then swapped whole.
        // Batches the worker commits to the new file while its index builds are replayed onto it after.
        const missed = { variantIds: [] as number[], catalogChanged: false };
        opening = missed;
        Catalog.open(db, { storeCode: load.config.store.id, ...binding }).then(
          (next) => {
            if (opening === missed) opening = null;
            if (mine !== generation || !load.ok) {
              next.close();
              db.close();
              return;
            }
            closeCatalog();
            catalog = next;
            cache = db;
            if (missed.catalogChanged) void next.refreshAsync().catch(() => undefined);
            if (missed.variantIds.length > 0) void next.stockChangedAsync(missed.variantIds).catch(() => undefined);
            removeStaleCacheFiles(options.dataDir);
            prefetchMedia();
            pools?.request();
            events.emit('catalog.changed', { at: Date.now() });
            refreshInfo();
          },
          (error: unknown) => {
            if (opening === missed) opening = null;
            db.close();
            log.error({ reason: (error as Error).message }, 'the new cache could not be opened; the previous one still answers');
          },
        );
      },
    });
  };
  const stopSync = async (): Promise<void> => {
    const running = sync;
    const delivering = deliverer;
    const topping = pools;
    const beating = heartbeat;
    heartbeat = null;
    sync = null;
    deliverer = null;
    pools = null;
    syncStatus = NOT_CONFIGURED;
    await Promise.all([running?.stop(), delivering?.close(), topping?.close(), beating?.close()]);
  };

  const staff = new StaffMode({
    local,
    outbox,
    events,
    log,
    app: options.app,
    dataDir: options.dataDir,
    databaseFiles: () => [currentCacheFile(options.dataDir), kioskPaths(options.dataDir).local],
    config: () => load,
    cache: () => cache,
    hq: hqOf,
    sync: () => sync,
    syncStatus: () => (sync ? syncStatus : { ...NOT_CONFIGURED, source: catalog ? 'demo' : 'empty' }),
    outboxStatus: () => outbox.status(startOfLocalDay(Date.now(), load.ok ? load.config.timeZone : 'UTC')),
    ...(options.host ? { host: options.host } : {}),
    ...(options.helpPollMs ? { helpPollMs: options.helpPollMs } : {}),
    onQueued: queued,
  });

  const orders = new Orders({
    local,
    outbox,
    storeCode,
    log,
    onQueued: queued,
    staff: () => {
      const session = staff.session();
      return session ? { staffId: session.staffId } : null;
    },
    onAssisted: (order) => staff.audit.record(order.staffId, 'place-assisted-order', { order: order.code }, order.at),
    context: () => {
      const current = requireCatalog();
      if (!cache || !load.ok) throw new KioskError('UNAVAILABLE', 'The catalog is not available until the configuration is fixed');
      return { catalog: current, cache, storeCode: load.config.store.id, now: Date.now() };
    },
  });

  /** The cache and store clock coupons work with; null while there is no catalog. */
  const couponContextOrNull = (): CouponContext | null => (catalog && cache && load.ok ? { cache, storeCode: load.config.store.id, timeZone: load.config.timeZone } : null);
  const coupons = new Coupons({
    local,
    outbox,
    log,
    onQueued: queued,
    onLow: () => pools?.request(),
    context: () => {
      requireCatalog();
      const context = couponContextOrNull();
      if (!context) throw new KioskError('UNAVAILABLE', 'The catalog is not available until the configuration is fixed');
      return context;
    },
  });

  openCatalog();
  startSync();
  info = systemInfo(options.app, effective(load));

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
    'catalog.stores': (input) => requireCatalog().stores(input.sku),
    'catalog.facets': (input) => requireCatalog().facets(input.lang, input.category),
    'help.request': (input) => help.request(input.screen, input.styleCode),
    'offers.active': (input) => {
      requireCatalog();
      if (!cache || !load.ok) return [];
      return activeOffers(cache, { storeCode: load.config.store.id, timeZone: load.config.timeZone, lang: input.lang, ...(input.styleCode ? { styleCode: input.styleCode } : {}) });
    },
    'coupons.claim': (input) => coupons.claim(input),
    'coupons.pools': () => coupons.pools(),
    'sync.status': () => (sync ? syncStatus : { ...NOT_CONFIGURED, source: catalog ? 'demo' : 'empty' }),
    'orders.quote': (input) => orders.quote(input),
    'orders.checkDetails': (input) => orders.checkDetails(input),
    'orders.place': (input) => {
      const placed = orders.place(input);
      // An order placed for a shopper is staff at work: staff mode stays.
      if (staff.session()) staff.touch();
      return placed;
    },
    'orders.get': (input) => orders.get(input.id, input.lang),
    'orders.complements': (input) => orders.complements(input),
    'orders.rate': (input) => orders.rate(input),
    'outbox.status': () => outbox.status(startOfLocalDay(Date.now(), load.ok ? load.config.timeZone : 'UTC')),
    ...staff.handlers(),
  };

  const reloadConfig = (): void => {
    const previous = load;
    load = loadConfig(options.config);
    const next = systemInfo(options.app, effective(load));
    const infoChanged = JSON.stringify(next) !== JSON.stringify(info);
    // The token is not part of what the screen shows, but a new one restarts sync all the same.
    const hqMoved = hqChanged(previous, load);
    if (!infoChanged && !hqMoved) return;
    // Staff sign in again under the new configuration (another store's accounts, another HQ).
    staff.endForConfigChange();
    const storeChanged = !load.ok || next.state !== info.state || (next.state === 'ready' && info.state === 'ready' && next.store.id !== info.store.id);
    info = next;
    reportConfig(log, load);
    if (storeChanged || hqMoved) {
      // The catalog switches now; a running sync thread finishes its batch before the new one starts.
      const stopping = stopSync();
      closeCatalog();
      openCatalog();
      void stopping.then(startSync);
    }
    if (infoChanged) events.emit('system.infoChanged', info);
  };

  const watched = options.watchConfig !== false ? options.config.path : undefined;
  // Polling survives editors and provisioning that replace the file by rename, which fs.watch loses track of.
  if (watched) watchFile(watched, { interval: 1000 }, reloadConfig);

  return {
    dispatcher: createDispatcher(handlers, log, () => staff.role()),
    events,
    catalog: () => catalog,
    configState: () => load,
    syncStatus: () => (sync ? syncStatus : { ...NOT_CONFIGURED, source: catalog ? 'demo' : 'empty' }),
    media: (mediaPath) => media.file(mediaPath),
    reloadConfig,
    rollout: () => rollout,
    updateWindow: () => {
      const current = effective(load);
      if (!current.ok) return null;
      const { idle, store, timeZone } = current.config;
      return { openingHours: cache ? storeHours(cache, store.id) : null, timeZone, sessionEndsAfterSeconds: idle.attractAfterSeconds + idle.warningSeconds };
    },
    async close() {
      if (watched) unwatchFile(watched, reloadConfig);
      staff.close();
      await stopSync();
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
