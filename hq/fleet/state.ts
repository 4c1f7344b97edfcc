import type { FleetState, Heartbeat } from '../../shared/sync/fleet';

const MINUTE = 60_000;
/** No heartbeat for longer than this: offline (pillars beat about once a minute). */
export const OFFLINE_AFTER_MS = 3 * MINUTE;
/** A sync that last reached HQ's head, or an outbox row waiting, longer ago than this: stale. */
export const STALE_AFTER_MS = 15 * MINUTE;
/** An error logged within this: failing. */
export const RECENT_ERROR_MS = 10 * MINUTE;

export interface Judgement {
  state: FleetState;
  reasons: string[];
}

/**
 * A pillar's state at HQ's `now` from its last heartbeat (received at HQ's `receivedAt`). Times the pillar
 * reports are read against the heartbeat's own `at`, plus the time since HQ received it: a pillar whose
 * clock is off by an hour is judged as fairly as one whose clock is right.
 */
export function judge(last: { heartbeat: Heartbeat; receivedAt: number } | null, now: number): Judgement {
  if (!last) return { state: 'never-seen', reasons: ['No heartbeat yet'] };
  const { heartbeat, receivedAt } = last;
  const since = Math.max(0, now - receivedAt);
  const ageOf = (at: number): number => Math.max(0, heartbeat.at - at) + since;

  const offline: string[] = [];
  const failing: string[] = [];
  const stale: string[] = [];
  if (since > OFFLINE_AFTER_MS) offline.push(`No heartbeat for ${duration(since)}`);
  if (heartbeat.crashCount > 0) failing.push(`${heartbeat.crashCount === 1 ? '1 crash' : `${heartbeat.crashCount} crashes`} in the last hour`);
  if (heartbeat.lastError && ageOf(heartbeat.lastError.at) <= RECENT_ERROR_MS) failing.push(`Error ${duration(ageOf(heartbeat.lastError.at))} ago: ${heartbeat.lastError.message}`);
  if (heartbeat.update.state === 'failed') failing.push(`Update${heartbeat.update.version ? ` to ${heartbeat.update.version}` : ''} failed${heartbeat.update.message ? `: ${heartbeat.update.message}` : ''}`);
  if (heartbeat.update.state === 'rolled-back') failing.push(`Update${heartbeat.update.version ? ` to ${heartbeat.update.version}` : ''} rolled back${heartbeat.update.message ? `: ${heartbeat.update.message}` : ''}`);
  const { lastSuccessAt } = heartbeat.sync;
  if (lastSuccessAt === null) stale.push('Has never finished a sync');
  else if (ageOf(lastSuccessAt) > STALE_AFTER_MS) stale.push(`Last successful sync ${duration(ageOf(lastSuccessAt))} ago`);
  const { oldestPendingAt, pending } = heartbeat.outbox;
  if (oldestPendingAt !== null && ageOf(oldestPendingAt) > STALE_AFTER_MS) {
    stale.push(`${pending === 1 ? '1 item' : `${pending} items`} waiting to reach HQ, the oldest for ${duration(ageOf(oldestPendingAt))}`);
  }

  const state: FleetState = offline.length > 0 ? 'offline' : failing.length > 0 ? 'failing' : stale.length > 0 ? 'stale' : 'healthy';
  return { state, reasons: [...offline, ...failing, ...stale] };
}

/** "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long, as IT reads it at a glance. */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
