import { execFile } from 'node:child_process';

/**
 * systemd's watchdog for a pillar run by resources/linux/pillar-kiosk.service (Type=notify, WatchdogSec=):
 * once the kiosk window is open the main process tells systemd it is up (READY=1, which arms the watchdog:
 * a slow first start — an AppImage unpacking itself — is covered by the start timeout instead), then that
 * it is alive; a main process whose event loop is stuck stops telling it, so systemd restarts the whole
 * kiosk session. A hung renderer is crashRecovery's job, not this.
 *
 * Node cannot write to systemd's notify socket (a Unix datagram socket) without a native module, so each
 * ping runs `systemd-notify WATCHDOG=1`. The unit sets NotifyAccess=all because neither this process nor
 * systemd-notify is the unit's main process (cage is); since systemd 246 systemd-notify waits until
 * systemd has taken the message, so a short-lived sender is attributed to the unit reliably.
 */
export type Notify = (states: string[], env: Readonly<Record<string, string | undefined>>) => Promise<void>;

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

export const systemdNotify: Notify = (states, env) =>
  new Promise((resolve, reject) => {
    execFile('systemd-notify', states, { env: { ...env }, timeout: 10_000 }, (error) => (error ? reject(error) : resolve()));
  });

/**
 * Says READY=1 (with the first ping) under any systemd unit that listens (NOTIFY_SOCKET), then pings every
 * interval when the unit has a watchdog; returns a stop function. Does nothing outside systemd.
 */
export function startSystemdWatchdog(options: { env: Readonly<Record<string, string | undefined>>; log: WatchdogLog; notify?: Notify }): () => void {
  const { env, log, notify = systemdNotify } = options;
  if (!env['NOTIFY_SOCKET']) return () => undefined;
  const intervalMs = watchdogIntervalMs(env);
  log.info({ intervalMs }, intervalMs === null ? 'told systemd the kiosk is up' : 'told systemd the kiosk is up; systemd watchdog on');
  let failing = false;
  const send = (states: string[]): void => {
    notify(states, env).then(
      () => {
        if (failing) log.info({}, 'systemd watchdog reached again');
        failing = false;
      },
      (error: unknown) => {
        // Once per outage: systemd will restart us if this keeps failing, and the log says why.
        if (!failing) log.warn({ error: error instanceof Error ? error.message : String(error) }, 'systemd-notify failed');
        failing = true;
      },
    );
  };
  if (intervalMs === null) {
    send(['READY=1']);
    return () => undefined;
  }
  send(['READY=1', 'WATCHDOG=1']);
  const timer = setInterval(() => send(['WATCHDOG=1']), intervalMs);
  return () => clearInterval(timer);
}
