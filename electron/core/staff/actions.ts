import type { StaffActionOutput, StaffSession } from '../../../shared/api/staff';
import { STAFF_ROLE_RANK } from '../../../shared/sync/entities';
import { KioskError } from '../api/errors';
import type { StaffAudit } from './audit';
import { exportLogs, writableRoot } from './logs';
import { uploadLogs } from './logUpload';

export type StaffActionName = 'sync-now' | 'resnapshot' | 'restart-app' | 'exit-kiosk' | 'export-logs-usb' | 'export-logs-hq';

/** What the host running the core can do beyond it (Electron can; the preview host cannot restart or leave kiosk mode). */
export interface StaffHost {
  /** Restarts the app (Electron: relaunch, then exit). */
  restart?(): void;
  /** Leaves kiosk mode: the window gets its frame back, for IT at the machine. */
  exitKiosk?(): void;
  /** Mount points of removable drives, for the log export. */
  usbRoots?(): string[];
}

/** `PILLAR_USB_DIR` names the "drive" to export to (tests, and IT on a machine whose drives mount elsewhere). */
export const USB_DIR_ENV = 'PILLAR_USB_DIR';

export interface ActionContext {
  session: StaffSession;
  audit: StaffAudit;
  host: StaffHost;
  dataDir: string;
  store: string | null;
  /** The sync thread, while HQ is configured. */
  sync: { syncNow(): void; resnapshot(): void } | null;
  /** HQ's address and this pillar's token, while HQ is configured (the log export to HQ). */
  hq: { url: string; token: string } | null;
  now: number;
  env?: Readonly<Record<string, string | undefined>>;
}

/** The drives a log export may go to: `PILLAR_USB_DIR` when set, else what the host finds. */
export function usbRoots(host: StaffHost, env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const override = env[USB_DIR_ENV];
  if (override) return [override];
  return host.usbRoots?.() ?? [];
}

/**
 * The health screen's actions. Each is recorded (who, what) before it runs, so even a restart leaves its
 * trace; one the host or the setup cannot do answers UNAVAILABLE with the reason, and exit-kiosk is IT's only.
 */
export async function runStaffAction(action: StaffActionName, ctx: ActionContext): Promise<StaffActionOutput> {
  const { session, audit, host, now } = ctx;
  switch (action) {
    case 'sync-now':
    case 'resnapshot': {
      if (!ctx.sync) throw new KioskError('UNAVAILABLE', 'This pillar does not sync with HQ (no HQ token in its configuration)');
      audit.record(session.staffId, action, {}, now);
      if (action === 'sync-now') ctx.sync.syncNow();
      else ctx.sync.resnapshot();
      return { done: true, message: action === 'sync-now' ? 'Asked HQ for changes now' : 'A fresh snapshot of the catalog is being downloaded; the current one answers meanwhile' };
    }
    case 'restart-app': {
      const restart = host.restart;
      if (!restart) throw new KioskError('UNAVAILABLE', 'This host cannot restart the app (the preview host)');
      audit.record(session.staffId, 'restart-app', {}, now);
      // After this answer has gone back to the screen.
      setTimeout(() => restart(), 250);
      return { done: true, message: 'The app restarts now' };
    }
    case 'exit-kiosk': {
      if (STAFF_ROLE_RANK[session.role] < STAFF_ROLE_RANK.it) throw new KioskError('FORBIDDEN', 'Leaving kiosk mode is for IT');
      const exitKiosk = host.exitKiosk;
      if (!exitKiosk) throw new KioskError('UNAVAILABLE', 'This host has no kiosk mode to leave (the preview host)');
      audit.record(session.staffId, 'exit-kiosk', {}, now);
      exitKiosk();
      return { done: true, message: 'Kiosk mode left: the window has its frame back' };
    }
    case 'export-logs-usb': {
      const root = writableRoot(usbRoots(host, ctx.env));
      if (!root) throw new KioskError('UNAVAILABLE', 'No writable USB drive found: insert one and try again');
      const { folder, files } = exportLogs(ctx.dataDir, root, ctx.store ?? 'unconfigured', now);
      audit.record(session.staffId, 'export-logs', { to: 'usb', files }, now);
      return { done: true, message: `Copied ${files} log file(s) to the USB drive`, path: folder };
    }
    case 'export-logs-hq': {
      if (!ctx.hq) throw new KioskError('UNAVAILABLE', 'This pillar has no HQ to send its logs to (no HQ token in its configuration)');
      let sent: Awaited<ReturnType<typeof uploadLogs>>;
      try {
        sent = await uploadLogs(ctx.dataDir, ctx.hq);
      } catch (error) {
        throw new KioskError('UNAVAILABLE', `The logs could not be sent to HQ: ${(error as Error).message}`);
      }
      audit.record(session.staffId, 'export-logs', { to: 'hq', lines: sent.lines, upload: sent.answer.id.slice(0, 200) }, now);
      return { done: true, message: `Sent ${sent.lines} log lines to HQ (${sent.answer.bytes} bytes)` };
    }
  }
}
