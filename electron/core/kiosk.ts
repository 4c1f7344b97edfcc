import { unwatchFile, watchFile } from 'node:fs';
import type { SystemInfo } from '../../shared/api/system';
import { createDispatcher, type Dispatcher, type Handlers } from './api/dispatcher';
import { KioskEvents } from './api/events';
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
}

export interface Kiosk {
  readonly dispatcher: Dispatcher;
  readonly events: KioskEvents;
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

  const handlers: Handlers = {
    'system.info': () => info,
  };

  const reloadConfig = (): void => {
    load = loadConfig(options.config);
    const next = systemInfo(options.app, load);
    if (JSON.stringify(next) === JSON.stringify(info)) return;
    info = next;
    reportConfig(log, load);
    events.emit('system.infoChanged', info);
  };

  const watched = options.watchConfig !== false ? options.config.path : undefined;
  // Polling survives editors and provisioning that replace the file by rename, which fs.watch loses track of.
  if (watched) watchFile(watched, { interval: 1000 }, reloadConfig);

  return {
    dispatcher: createDispatcher(handlers, log),
    events,
    configState: () => load,
    reloadConfig,
    close() {
      if (watched) unwatchFile(watched, reloadConfig);
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
