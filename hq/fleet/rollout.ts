import { createHash } from 'node:crypto';

/** A rollout IT recorded (`npm run hq -- rollout`): `version` to `percent` of the channel's pillars, and to every pillar of `stores`. */
export interface Rollout {
  id: number;
  channel: string;
  version: string;
  percent: number;
  stores: string[];
  createdAt: number;
}

/**
 * A pillar's place in a version's rollout, 0–99: the same for the same pillar and version on every call
 * and every HQ, spread evenly over the fleet, and different per version — so the pillars that go first
 * are not always the same ones.
 */
export function rolloutBucket(kioskId: string, version: string): number {
  return createHash('sha256').update(`${kioskId}${version}`).digest().readUInt32BE(0) % 100;
}

/**
 * The version a pillar of `storeCode` should run on this channel, from its rollouts (oldest first): the
 * newest rollout's version when the pillar's store is listed or its bucket falls under the percentage,
 * else the version of the newest earlier rollout that reached every pillar (100 %); null when there is
 * none — the pillar stays on what it runs.
 */
export function decideVersion(rollouts: readonly Rollout[], kioskId: string, storeCode: string): string | null {
  const current = rollouts.at(-1);
  if (!current) return null;
  if (current.stores.includes(storeCode) || rolloutBucket(kioskId, current.version) < current.percent) return current.version;
  for (let i = rollouts.length - 2; i >= 0; i--) {
    const earlier = rollouts[i];
    if (earlier && earlier.percent === 100) return earlier.version;
  }
  return null;
}
