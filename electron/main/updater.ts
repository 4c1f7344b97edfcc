import { spawn } from 'node:child_process';
import { app } from 'electron';
import electronUpdater, { type UpdateDownloadedEvent } from 'electron-updater';
import type { Kiosk } from '../core/kiosk';
import type { Logger } from '../core/log/logger';
import { IDLE_UPDATE, type UpdateReport } from '../core/heartbeat/collect';
import { recordCrash } from '../core/heartbeat/crashes';
import { installDecision, versionToFetch } from '../core/updates/policy';
import {
  beforeInstall,
  keepForRollback,
  markHealthy,
  onStart,
  readRollbackState,
  restoreAppImage,
  restoreCurrentInstaller,
  rollbackPlan,
  rollbackReport,
  writeRollbackState,
} from '../core/updates/rollback';

/**
 * The Electron glue of safe updates: electron-updater against HQ's feed, and the rollback of a build that
 * cannot start. Every decision is made in electron/core/updates (tested there); this file only asks the
 * platform (idle time, the running AppImage) and acts (download, install, relaunch).
 */
const { autoUpdater } = electronUpdater;

/** How often the updater looks at HQ's decision, and whether a downloaded update may install now. */
const CHECK_EVERY_MS = 5 * 60_000;
const INSTALL_CHECK_EVERY_MS = 60_000;
/** A start is healthy once the window loaded and the kiosk still answers this long after. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Called first thing at start: counts this start of a version being tried, and rolls back to the
 * previous version after its second failed start. Returns false when the app is being replaced (the
 * caller stops starting).
 */
export function rollBackIfFailing(dataDir: string, log: Logger): boolean {
  const running = app.getVersion();
  const before = readRollbackState(dataDir);
  const { state, action } = onStart(before, running, Date.now());
  // A start of a version being tried after an earlier start of it: that one never became healthy.
  if (before.trying?.version === running && before.trying.starts > 0) recordCrash(dataDir, Date.now());
  writeRollbackState(dataDir, state);
  if (action.kind === 'run') return true;

  const plan = rollbackPlan(dataDir, { platform: process.platform, appImage: process.env['APPIMAGE'] });
  log.error({ from: action.from, to: action.to, plan: plan.kind }, 'this version failed to start twice; rolling back');
  try {
    if (plan.kind === 'appimage') {
      restoreAppImage(plan);
      // Under systemd (pillar-kiosk.service) the unit starts the restored file again; elsewhere we do.
      if (!process.env['INVOCATION_ID']) app.relaunch({ execPath: plan.target });
      app.exit(0);
      return false;
    }
    if (plan.kind === 'nsis') {
      restoreCurrentInstaller(dataDir, plan);
      spawn(plan.installer, plan.args, { detached: true, stdio: 'ignore' }).unref();
      app.exit(0);
      return false;
    }
    log.error({ reason: plan.reason }, 'the previous version cannot be put back; this version keeps running');
  } catch (error) {
    log.error({ reason: (error as Error).message }, 'the rollback failed; this version keeps running');
  }
  return true;
}

export interface Updater {
  /** What the heartbeat reports. */
  status(): UpdateReport;
  /** The window loaded: the start is marked healthy once the kiosk still answers a minute later. */
  windowLoaded(): void;
  stop(): void;
}

export function startUpdater(options: { kiosk: Kiosk; dataDir: string; log: Logger; staffSignedIn: () => boolean; idleSeconds: () => number }): Updater {
  const { kiosk, dataDir, log } = options;
  const running = app.getVersion();
  let status: UpdateReport = IDLE_UPDATE;
  let downloaded: UpdateDownloadedEvent | null = null;
  let configuredFor = '';
  const timers: NodeJS.Timeout[] = [];

  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  // HQ's feed serves the version it decided for this pillar: an older one is a rollout taken back.
  autoUpdater.allowDowngrade = true;
  autoUpdater.logger = {
    info: (message?: unknown) => log.debug({ updater: scrub(message) }, 'updater'),
    warn: (message?: unknown) => log.warn({ updater: scrub(message) }, 'updater'),
    error: (message?: unknown) => log.error({ updater: scrub(message) }, 'updater'),
  };

  const hq = (): { url: string; token: string } | null => {
    const load = kiosk.configState();
    return load.ok && load.config.hq.token ? { url: load.config.hq.url.replace(/\/+$/, ''), token: load.config.hq.token } : null;
  };
  /** Tokens never reach the log, whatever electron-updater puts in a message. */
  const scrub = (message: unknown): string => {
    const text = message instanceof Error ? message.message : String(message);
    const token = hq()?.token;
    return (token ? text.split(token).join('[redacted]') : text).slice(0, 500);
  };

  autoUpdater.on('download-progress', () => {
    if (status.state !== 'downloading') status = { state: 'downloading', version: status.version, message: null };
  });
  autoUpdater.on('update-available', (info) => {
    status = { state: 'downloading', version: info.version, message: null };
  });
  autoUpdater.on('update-downloaded', (event) => {
    if (!readRollbackState(dataDir).refused.includes(event.version)) {
      downloaded = event;
      status = { state: 'downloaded', version: event.version, message: null };
      log.info({ version: event.version }, 'update downloaded; it installs when the pillar is idle and the store is closed');
    }
  });
  autoUpdater.on('error', (error) => {
    status = { state: 'failed', version: status.version, message: scrub(error) };
    log.warn({ reason: status.message }, 'update failed; trying again at the next check');
  });

  const check = (): void => {
    const target = hq();
    const rollout = kiosk.rollout();
    const version = versionToFetch(rollout, running, readRollbackState(dataDir).refused);
    if (!target || !rollout || !version || downloaded?.version === version) return;
    const feed = `${target.url}/v1/updates ${rollout.channel} ${target.token}`;
    if (feed !== configuredFor) {
      autoUpdater.setFeedURL({ provider: 'generic', url: `${target.url}/v1/updates`, channel: rollout.channel });
      autoUpdater.requestHeaders = { authorization: `Bearer ${target.token}` };
      autoUpdater.allowDowngrade = true;
      configuredFor = feed;
    }
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      status = { state: 'failed', version, message: scrub(error) };
    });
  };

  const maybeInstall = (): void => {
    const ready = downloaded;
    const window = kiosk.updateWindow();
    if (!ready || !window) return;
    const decision = installDecision({ now: Date.now(), downloaded: ready.version, staffSession: options.staffSignedIn(), idleSeconds: options.idleSeconds(), ...window });
    if (!decision.install) return;
    try {
      const kept = keepForRollback(dataDir, { platform: process.platform, appImage: process.env['APPIMAGE'], downloadedInstaller: ready.downloadedFile });
      if (kept.reason) log.warn({ reason: kept.reason }, 'installing without a way back');
      writeRollbackState(dataDir, beforeInstall(readRollbackState(dataDir), running, ready.version));
    } catch (error) {
      status = { state: 'failed', version: ready.version, message: `the running version could not be kept for a rollback: ${(error as Error).message}` };
      log.error({ reason: status.message }, 'update not installed');
      downloaded = null;
      return;
    }
    status = { state: 'installing', version: ready.version, message: null };
    log.info({ from: running, to: ready.version }, 'installing the update');
    autoUpdater.quitAndInstall(true, true);
  };

  timers.push(setInterval(check, CHECK_EVERY_MS), setInterval(maybeInstall, INSTALL_CHECK_EVERY_MS));
  // HQ's first answer comes with the first heartbeat, moments after start.
  timers.push(setTimeout(check, 15_000));

  return {
    status: () => (status.state === 'idle' ? (rollbackReport(readRollbackState(dataDir)) ?? status) : status),
    windowLoaded() {
      timers.push(
        setTimeout(() => {
          void kiosk.dispatcher.dispatch('system.info', {}).then((answer) => {
            if (!answer.ok) return;
            writeRollbackState(dataDir, markHealthy(readRollbackState(dataDir), running));
            log.info({ version: running }, 'this start is healthy');
          });
        }, HEALTHY_AFTER_MS),
      );
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
