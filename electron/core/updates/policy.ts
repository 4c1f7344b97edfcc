import type { Location } from '../../../shared/sync/entities';
import { localClock } from '../catalog/region';

/**
 * When a downloaded update may install. Installing restarts the app, so it waits for a moment nobody can
 * notice: no shopper and no staff member at the pillar, the screen untouched long enough that the
 * attract loop is showing, and the store closed (with a margin for the last shopper and the early staff).
 */
export interface InstallContext {
  now: number;
  /** The version downloaded and ready; null while there is none. */
  downloaded: string | null;
  /** A staff member is signed in on this pillar. */
  staffSession: boolean;
  /** Seconds since the screen was last touched (the host's idle time). */
  idleSeconds: number;
  /**
   * Seconds without a touch after which the UI is certainly back on the attract loop (the idle timeout
   * plus its warning): a longer timeout than the 5 minutes asks for a longer wait.
   */
  sessionEndsAfterSeconds: number;
  /** This store's opening hours from the cache (seven days, Monday first); null when the cache has none. */
  openingHours: Location['openingHours'] | null;
  timeZone: string;
  marginMinutes?: number;
  /** Local window used for a store without opening hours. */
  nightWindow?: { from: string; to: string };
}

export type InstallDecision = { install: true } | { install: false; reason: string };

export const MIN_IDLE_SECONDS = 5 * 60;
export const DEFAULT_MARGIN_MINUTES = 30;
export const DEFAULT_NIGHT_WINDOW = { from: '02:00', to: '05:00' } as const;

export function installDecision(context: InstallContext): InstallDecision {
  if (!context.downloaded) return { install: false, reason: 'no update is downloaded' };
  if (context.staffSession) return { install: false, reason: 'a staff member is signed in' };
  const idleNeeded = Math.max(MIN_IDLE_SECONDS, context.sessionEndsAfterSeconds);
  if (context.idleSeconds < idleNeeded) return { install: false, reason: `the screen was touched ${Math.floor(context.idleSeconds)} s ago (waiting for ${idleNeeded} s)` };
  if (!storeClosed(context)) {
    return { install: false, reason: context.openingHours ? 'the store is open (or within 30 minutes of opening or closing)' : 'outside the night window for a store without opening hours' };
  }
  return { install: true };
}

/**
 * Whether the store is closed at `now` on its own clock: outside every day's opening hours widened by the
 * margin on both sides (yesterday's late closing and tomorrow's early opening count across midnight).
 * Without hours, only the night window counts as closed. Wall-clock minutes, so DST needs no special case:
 * "02:00–05:00" is whatever the store's clocks say, even on the night they jump.
 */
export function storeClosed(context: Pick<InstallContext, 'now' | 'openingHours' | 'timeZone' | 'marginMinutes' | 'nightWindow'>): boolean {
  const clock = localClock(context.timeZone, new Date(context.now));
  const minute = minutes(clock.time);
  if (!context.openingHours || context.openingHours.every((day) => day === null)) {
    const window = context.nightWindow ?? DEFAULT_NIGHT_WINDOW;
    const from = minutes(window.from);
    const to = minutes(window.to);
    return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  }
  const margin = context.marginMinutes ?? DEFAULT_MARGIN_MINUTES;
  for (const offset of [-1, 0, 1]) {
    const hours = context.openingHours[(clock.day + offset + 7) % 7];
    if (!hours) continue;
    const open = offset * 1440 + minutes(hours[0]) - margin;
    const close = offset * 1440 + minutes(hours[1]) + margin;
    if (minute >= open && minute < close) return false;
  }
  return true;
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Which version to fetch, if any: the one HQ decided for this pillar (its feed serves that version's
 * yml, so electron-updater takes it, older or newer), unless it is the running one or one this pillar
 * rolled back from.
 */
export function versionToFetch(rollout: { version: string } | null, running: string, refused: readonly string[]): string | null {
  if (!rollout || rollout.version === running || refused.includes(rollout.version)) return null;
  return rollout.version;
}
