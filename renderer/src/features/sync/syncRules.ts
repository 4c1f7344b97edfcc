import type { SyncStatus } from '../../../../shared/api/sync';

/** After this long without a success while HQ cannot be reached, stock may have moved under the pillar. */
export const STALE_AFTER_MS = 5 * 60_000;

/** What the freshness line says: nothing, when stock was last confirmed, or that it may be out of date. */
export type Freshness = { kind: 'hidden' } | { kind: 'fresh'; at: number } | { kind: 'stale'; at: number | null };

/**
 * How fresh the stock on screen is. Only data from HQ has a freshness worth telling a shopper: the demo
 * chain's stock is made up, and an empty cache shows no stock at all. A pillar that is following HQ is up
 * to date whatever the clock says; one that cannot reach HQ (or no longer has HQ configured, so nothing
 * will ever refresh it) turns stale once its last success is more than five minutes old.
 */
export function freshnessOf(status: SyncStatus | null, now: number): Freshness {
  if (!status || status.source !== 'hq') return { kind: 'hidden' };
  const { phase, lastSuccessAt } = status;
  const cutOff = phase === 'retrying' || phase === 'not-configured';
  if (lastSuccessAt === null) return phase === 'retrying' ? { kind: 'stale', at: null } : { kind: 'hidden' };
  if (cutOff && now - lastSuccessAt > STALE_AFTER_MS) return { kind: 'stale', at: lastSuccessAt };
  return { kind: 'fresh', at: lastSuccessAt };
}

/**
 * Whether the pillar must show its "getting ready" screen instead of the shop: it is provisioning (or
 * retrying a failed first provisioning) and has no catalog to serve yet. A resnapshot while an older
 * cache still answers never interrupts a shopper.
 */
export function needsSetupScreen(status: SyncStatus | null, catalogAnswers: boolean | null): boolean {
  if (!status || (status.phase !== 'provisioning' && status.phase !== 'retrying')) return false;
  return status.source === 'empty' || catalogAnswers === false;
}
