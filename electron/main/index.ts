import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session } from 'electron';
import { locateConfig } from '../core/config/load';
import { linuxRemovableRoots } from '../core/staff/logs';
import { createKiosk, kioskPaths, type Kiosk } from '../core/kiosk';
import { createLogger } from '../core/log/logger';
import { IDLE_UPDATE } from '../core/heartbeat/collect';
import { recordCrash } from '../core/heartbeat/crashes';
import { RENDERER_SECURITY_HEADERS } from '../core/security/csp';
import { CrashPolicy } from './crashRecovery';
import { forwardEvents, registerKioskApi } from './ipc';
import { kioskWindowOptions } from './kioskWindow';
import { lockDownContents, lockDownSession } from './lockdown';
import { mimeType, resolveAppPath } from './protocol';
import { APP_ENTRY, APP_RECOVERY, APP_SCHEME } from './security';
import { startSystemdWatchdog } from './systemdWatchdog';
import { rollBackIfFailing, startUpdater, type Updater } from './updater';

/**
 * The Electron main process: composition only. Every policy lives in a module of its own and is tested
 * there; the kiosk's behaviour lives in electron/core.
 */
const production = app.isPackaged;
// IT can run a packaged build windowed for diagnosis with PILLAR_KIOSK=0; developers get it windowed.
const kioskMode = process.env['PILLAR_KIOSK'] ? process.env['PILLAR_KIOSK'] !== '0' : production;
const devTools = !production && process.env['PILLAR_DEVTOOLS'] !== '0';
const BACKGROUND = '#f6f4f0';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start).catch((error: unknown) => {
    // E.g. a database written by another version of Pillar: IT needs the reason, not a blank pillar.
    dialog.showErrorBox('Pillar cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createLogger({ dataDir });
  // A build that failed to start twice is replaced by the previous one before anything else runs.
  if (!rollBackIfFailing(dataDir, log)) return;
  let updater: Updater | null = null;
  let staffSignedIn = false;
  /**
   * The last touch, key or scan on any of our pages: the update policy's idle time. Counted here rather
   * than asked of the OS (powerMonitor), which cannot tell under some Wayland compositors (cage).
   */
  let lastInputAt = Date.now();
  app.on('web-contents-created', (_event, contents) =>
    contents.on('input-event', () => {
      lastInputAt = Date.now();
    }),
  );
  /** The kiosk window; replaced by a framed one when IT leaves kiosk mode (a frame cannot be added to a live window). */
  let window: BrowserWindow | null = null;
  const kiosk = createKiosk({
    app: { name: app.getName(), version: app.getVersion(), runtime: 'electron' },
    config: locateConfig({ argv: process.argv, env: process.env, userDataDir: dataDir }),
    dataDir,
    log,
    ...electronSqliteBinding(),
    // Bundled beside this file by scripts/build-electron.mjs.
    syncWorkerFile: path.join(__dirname, 'syncWorker.cjs'),
    updateStatus: () => updater?.status() ?? IDLE_UPDATE,
    // Staff mode's health actions (managers and IT).
    host: {
      restart: () => {
        app.relaunch();
        // quit, not exit: 'will-quit' below lets sync finish its batch and closes the databases first.
        app.quit();
      },
      exitKiosk: () => {
        const old = window;
        window = openKioskWindow(kiosk, log, false);
        old?.destroy();
      },
      usbRoots: () => (process.platform === 'linux' ? linuxRemovableRoots() : []),
    },
  });

  Menu.setApplicationMenu(null);
  const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const mediaDir = kioskPaths(dataDir).media;
    let file = resolveAppPath(rendererDir, request.url, mediaDir);
    if (!file) return new Response('Not found', { status: 404 });
    // A product image not on disk yet comes from HQ into the image cache; none shows the UI's placeholder.
    if (file.startsWith(mediaDir + path.sep)) file = await kiosk.media(path.relative(mediaDir, file).split(path.sep).join('/'));
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': mimeType(file), ...RENDERER_SECURITY_HEADERS } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

  lockDownSession(session.defaultSession, { devTools }, log);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, { devTools }, log));
  registerKioskApi(ipcMain, kiosk.dispatcher, log);

  window = openKioskWindow(kiosk, log, kioskMode);
  kiosk.events.onAny((name, payload) => {
    if (name === 'staff.sessionChanged') staffSignedIn = (payload as { session: unknown }).session !== null;
  });
  // electron-updater works on packaged builds only (a development run has no installer to update).
  if (production) {
    updater = startUpdater({ kiosk, dataDir, log, staffSignedIn: () => staffSignedIn, idleSeconds: () => (Date.now() - lastInputAt) / 1000 });
    const started = updater;
    window.webContents.once('did-finish-load', () => started.windowLoaded());
  }
  // Under resources/linux/pillar-kiosk.service (WatchdogSec=): a stuck main process gets the session restarted.
  startSystemdWatchdog({ env: process.env, log });
  app.on('second-instance', () => window?.focus());
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    updater?.stop();
    // Let sync finish the batch in flight and close the databases before the process goes.
    event.preventDefault();
    void kiosk.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

/**
 * In a development run, better-sqlite3 in node_modules is built for Node (the tests use it); setup builds
 * a second copy for Electron's ABI into .cache/ (scripts/setup.mjs). Packaged builds are rebuilt in place.
 */
function electronSqliteBinding(): { sqliteBinding?: string } {
  if (app.isPackaged) return {};
  const binding = path.join(app.getAppPath(), '.cache', 'electron-native', 'better_sqlite3.node');
  return existsSync(binding) ? { sqliteBinding: binding } : {};
}

function openKioskWindow(kiosk: Kiosk, log: ReturnType<typeof createLogger>, fullScreenKiosk: boolean): BrowserWindow {
  const window = new BrowserWindow(
    kioskWindowOptions({
      preload: path.join(app.getAppPath(), 'dist', 'preload', 'index.cjs'),
      kiosk: fullScreenKiosk,
      devTools,
      backgroundColor: BACKGROUND,
    }),
  );
  window.once('ready-to-show', () => window.show());
  const stopForwarding = forwardEvents(kiosk.events, window.webContents);
  window.once('closed', stopForwarding);

  const crashes = new CrashPolicy();
  let hangTimer: NodeJS.Timeout | undefined;
  const recoverFromCrash = (reason: string): void => {
    const decision = crashes.record(Date.now());
    recordCrash(app.getPath('userData'), Date.now());
    log.error({ reason, decision }, 'renderer lost');
    if (decision.action === 'reload') {
      setTimeout(() => void window.loadURL(APP_ENTRY), decision.delayMs);
    } else {
      void window.loadURL(APP_RECOVERY);
      setTimeout(() => void window.loadURL(APP_ENTRY), decision.retryAfterMs);
    }
  };
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') recoverFromCrash(details.reason);
  });
  window.webContents.on('unresponsive', () => {
    hangTimer ??= setTimeout(() => {
      hangTimer = undefined;
      log.error('renderer hung; restarting it');
      window.webContents.forcefullyCrashRenderer();
    }, 10_000);
  });
  window.webContents.on('responsive', () => {
    clearTimeout(hangTimer);
    hangTimer = undefined;
  });

  void window.loadURL(APP_ENTRY);
  return window;
}
