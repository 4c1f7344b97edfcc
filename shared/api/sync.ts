import { z } from 'zod';

/**
 * What the pillar tells the UI (and staff, and IT) about its sync with HQ: whether it is connected, how
 * fresh its data is, and what went wrong last. The screen shows freshness quietly ("stock updated 2 min
 * ago") and staleness honestly.
 */
export const SyncPhase = z.enum([
  /** No HQ configured (no token yet): the pillar serves whatever its cache holds. */
  'not-configured',
  /** First provisioning or a resnapshot: downloading and loading the region's snapshot. */
  'provisioning',
  /** Following HQ: the live channel is open, or polling works. */
  'following',
  /** HQ cannot be reached or answers wrongly; retrying with backoff, serving the last good cache. */
  'retrying',
]);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncProgress = z.object({
  stage: z.enum(['download', 'load', 'check', 'swap']),
  /** 0–1 over the whole provisioning. */
  fraction: z.number().min(0).max(1),
  /** Seconds left, estimated from the rate so far; null until there is a rate to go by. */
  etaSeconds: z.number().nonnegative().nullable(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const SyncStatus = z.object({
  phase: SyncPhase,
  /** The live channel is open (stock reaches the pillar within seconds); false while polling or down. */
  live: z.boolean(),
  /** Where the cache stands in HQ's change log; null before the first snapshot. */
  cursor: z.number().int().nonnegative().nullable(),
  /** HQ's newest change as last heard: `head - cursor` changes are still to apply. */
  head: z.number().int().nonnegative().nullable(),
  pendingChanges: z.number().int().nonnegative(),
  /** Epoch ms of the last time the pillar was known to be up to date with HQ. */
  lastSuccessAt: z.number().int().nonnegative().nullable(),
  /** The last failure, in words for IT (never personal data), and when. Cleared by the next success. */
  lastError: z.object({ at: z.number().int().nonnegative(), message: z.string() }).nullable(),
  /** Set while provisioning. */
  progress: SyncProgress.nullable(),
  /** Where the cache's data came from: HQ, the built-in demo chain (no HQ), or nothing yet. */
  source: z.enum(['hq', 'demo', 'empty']),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Stock moved for these products: an open product page or result list re-reads them. */
export const StockChanged = z.object({ styleCodes: z.array(z.string()).max(5_000), at: z.number().int() });
export type StockChanged = z.infer<typeof StockChanged>;
