import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { UpdateReport } from '../heartbeat/collect';

/**
 * A build that cannot start must not brick a pillar. Before an update installs, the installer of the
 * version running now is kept in `<data>/updates/previous/`, and `<data>/updates/rollback.json` records
 * the version being tried. Each start of that version counts; the main process marks a start healthy once
 * the window loaded and the kiosk answered for a minute. A version with two failed starts is refused
 * from then on and the previous one is put back (the AppImage file, or its NSIS installer run silently).
 * Everything here is plain files and decisions; the Electron glue (electron/main/updater.ts) only acts.
 */
export const MAX_FAILED_STARTS = 2;

export const RollbackState = z.object({
  /** The last version marked healthy on this pillar. */
  healthy: z.string().nullable().default(null),
  /** A version installed and not yet healthy: how many times it has started, and what ran before it. */
  trying: z.object({ version: z.string(), from: z.string(), starts: z.number().int().nonnegative() }).nullable().default(null),
  /** Versions rolled back from: never installed again on this pillar. */
  refused: z.array(z.string()).default([]),
  /** The last rollback, reported in the heartbeat until another update installs. */
  rolledBack: z.object({ from: z.string(), to: z.string(), at: z.number().int() }).nullable().default(null),
});
export type RollbackState = z.infer<typeof RollbackState>;

const EMPTY: RollbackState = { healthy: null, trying: null, refused: [], rolledBack: null };

export function updatesDir(dataDir: string): string {
  return path.join(dataDir, 'updates');
}

export function readRollbackState(dataDir: string): RollbackState {
  try {
    return RollbackState.parse(JSON.parse(readFileSync(path.join(updatesDir(dataDir), 'rollback.json'), 'utf8')));
  } catch {
    return { ...EMPTY };
  }
}

export function writeRollbackState(dataDir: string, state: RollbackState): void {
  const file = path.join(updatesDir(dataDir), 'rollback.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${file}.tmp`, file);
}

export type StartAction = { kind: 'run' } | { kind: 'roll-back'; from: string; to: string };

/** A start of `running`: counts it when it is the version being tried, and says whether to roll back. */
export function onStart(state: RollbackState, running: string, now: number): { state: RollbackState; action: StartAction } {
  const trying = state.trying;
  if (!trying) return { state, action: { kind: 'run' } };
  if (trying.version !== running) {
    // The install did not happen, or the rollback put the previous version back: nothing is being tried.
    return { state: { ...state, trying: null }, action: { kind: 'run' } };
  }
  const starts = trying.starts + 1;
  if (starts - 1 >= MAX_FAILED_STARTS) {
    return {
      state: { ...state, trying: null, refused: [...new Set([...state.refused, running])], rolledBack: { from: running, to: trying.from, at: now } },
      action: { kind: 'roll-back', from: running, to: trying.from },
    };
  }
  return { state: { ...state, trying: { ...trying, starts } }, action: { kind: 'run' } };
}

/** The start was healthy: the version stays. */
export function markHealthy(state: RollbackState, running: string): RollbackState {
  return { ...state, healthy: running, trying: state.trying?.version === running ? null : state.trying };
}

/** An update to `to` is about to install over `from`. */
export function beforeInstall(state: RollbackState, from: string, to: string): RollbackState {
  return { ...state, trying: { version: to, from, starts: 0 }, rolledBack: null };
}

/** Whether this pillar may install `version` (not one it rolled back from). */
export function mayInstall(state: RollbackState, version: string): boolean {
  return !state.refused.includes(version);
}

/** What the heartbeat says about a rollback, when the updater itself has nothing newer to say. */
export function rollbackReport(state: RollbackState): UpdateReport | null {
  if (!state.rolledBack) return null;
  const { from, to } = state.rolledBack;
  return { state: 'rolled-back', version: from, message: `${from} failed to start ${MAX_FAILED_STARTS} times; back on ${to}` };
}

// ── Installers kept for a rollback ──────────────────────────────────────────────────────────────────

/**
 * Keeps what can put the running version back, before the update replaces it. An AppImage is its own
 * installer: the running file is copied. On Windows the running version's NSIS installer is the one kept
 * in `updates/current/` when it was downloaded (none for the version IT installed by hand: that pillar
 * cannot roll back its first update, and says so). The update's own installer then becomes `current/`.
 */
export function keepForRollback(dataDir: string, options: { platform: NodeJS.Platform; appImage?: string | undefined; downloadedInstaller?: string | undefined }): { kept: string | null; reason: string | null } {
  const previous = path.join(updatesDir(dataDir), 'previous');
  const current = path.join(updatesDir(dataDir), 'current');
  rmSync(previous, { recursive: true, force: true });
  mkdirSync(previous, { recursive: true });
  let kept: string | null = null;
  let reason: string | null = null;
  if (options.platform === 'linux' && options.appImage) {
    kept = path.join(previous, path.basename(options.appImage));
    copyFileSync(options.appImage, kept);
  } else if (options.platform === 'win32') {
    const installer = firstFile(current, '.exe');
    if (installer) {
      kept = path.join(previous, path.basename(installer));
      copyFileSync(installer, kept);
    } else {
      reason = 'the running version was not installed by an update, so its installer is not on this pillar';
    }
  } else {
    reason = `updates cannot be rolled back on this kind of install (${options.platform}${options.appImage ? '' : ', not an AppImage'})`;
  }
  if (options.downloadedInstaller && options.platform === 'win32') {
    rmSync(current, { recursive: true, force: true });
    mkdirSync(current, { recursive: true });
    copyFileSync(options.downloadedInstaller, path.join(current, path.basename(options.downloadedInstaller)));
  }
  return { kept, reason };
}

export type RollbackPlan =
  | { kind: 'appimage'; source: string; target: string }
  | { kind: 'nsis'; installer: string; args: string[] }
  | { kind: 'impossible'; reason: string };

/** How to put the previous version back on this pillar. */
export function rollbackPlan(dataDir: string, options: { platform: NodeJS.Platform; appImage?: string | undefined }): RollbackPlan {
  const previous = path.join(updatesDir(dataDir), 'previous');
  if (options.platform === 'linux' && options.appImage) {
    const source = firstFile(previous, '.AppImage');
    return source ? { kind: 'appimage', source, target: options.appImage } : { kind: 'impossible', reason: 'no previous AppImage is kept' };
  }
  if (options.platform === 'win32') {
    const installer = firstFile(previous, '.exe');
    // Silent, for this user as it was installed, and start the app when done (electron-updater's own flags).
    return installer ? { kind: 'nsis', installer, args: ['/S', '--force-run'] } : { kind: 'impossible', reason: 'no previous installer is kept' };
  }
  return { kind: 'impossible', reason: `rollback is not supported on ${options.platform}${options.appImage ? '' : ' outside an AppImage'}` };
}

/** Puts the previous AppImage in place of the running one (copy beside it, then rename over: never half a file). */
export function restoreAppImage(plan: Extract<RollbackPlan, { kind: 'appimage' }>): void {
  const temp = `${plan.target}.rollback`;
  copyFileSync(plan.source, temp);
  chmodSync(temp, 0o755);
  renameSync(temp, plan.target);
}

/** Before the previous NSIS installer runs: it is the running version's installer again (`current/`). */
export function restoreCurrentInstaller(dataDir: string, plan: Extract<RollbackPlan, { kind: 'nsis' }>): void {
  const current = path.join(updatesDir(dataDir), 'current');
  rmSync(current, { recursive: true, force: true });
  mkdirSync(current, { recursive: true });
  copyFileSync(plan.installer, path.join(current, path.basename(plan.installer)));
}

function firstFile(dir: string, extension: string): string | null {
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir).find((file) => file.endsWith(extension));
  return name ? path.join(dir, name) : null;
}
