import { execFile } from 'node:child_process';

/**
 * systemd's watchdog for a pillar run by resources/linux/pillar-kiosk.service (WatchdogSec=): the main
 * process tells systemd it is alive, and a main process whose event loop is stuck stops telling it, so
 * systemd restarts the whole kiosk session. A hung renderer is crashRecovery's job, not this.
 *
 * Node cannot write to systemd's notify socket (a Unix datagram socket) without a native module, so each
 * ping runs `systemd-notify WATCHDOG=1`. The unit sets NotifyAccess=all because neither this process nor
 * systemd-notify is the unit's main process (cage is); since systemd 246 systemd-notify waits until
 * systemd has taken the message, so a short-lived sender is attributed to the unit reliably.
 */
export type Notify = (state: string, env: Readonly<Record<string, string | undefined>>) => Promise<void>;

export interface WatchdogLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * How often to ping, from what systemd put in the environment: half of WATCHDOG_USEC (sd_watchdog_enabled(3)
 * advises pinging well within it), at least once a second; null when systemd asked for no watchdog.
 * WATCHDOG_PID names the unit's main process (cage), so it is not compared with our own.
 */
export function watchdogIntervalMs(env: Readonly<Record<string, string | undefined>>): number | null {
  const usec = Number(env['WATCHDOG_USEC']);
  if (!env['NOTIFY_SOCKET'] || !Number.isSafeInteger(usec) || usec <= 0) return null;
  return Math.max(1000, Math.floor(usec / 2000));
}

export const systemdNotify: Notify = (state, env) =>
  new Promise((resolve, reject) => {
    execFile('systemd-notify', [state], { env: { ...env }, timeout: 10_000 }, (error) => (error ? reject(error) : resolve()));
  });

/** Pings at once and then every interval; returns a stop function. Does nothing outside a watchdog unit. */
export function startSystemdWatchdog(options: { env: Readonly<Record<string, string | undefined>>; log: WatchdogLog; notify?: Notify }): () => void {
  const { env, log, notify = systemdNotify } = options;
  const intervalMs = watchdogIntervalMs(env);
  if (intervalMs === null) return () => undefined;
  log.info({ intervalMs }, 'systemd watchdog on');
  let failing = false;
  const ping = (): void => {
    notify('WATCHDOG=1', env).then(
      () => {
        if (failing) log.info({}, 'systemd watchdog reached again');
        failing = false;
      },
      (error: unknown) => {
        // Once per outage: systemd will restart us if this keeps failing, and the log says why.
        if (!failing) log.warn({ error: error instanceof Error ? error.message : String(error) }, 'systemd watchdog ping failed');
        failing = true;
      },
    );
  };
  ping();
  const timer = setInterval(ping, intervalMs);
  return () => clearInterval(timer);
}
