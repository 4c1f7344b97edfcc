import type { Fleet, FleetEntry, FleetState } from '../../shared/sync/fleet';
import type { FleetStore, PillarRecord } from './fleetStore';
import { decideVersion, type Rollout } from './rollout';
import { judge } from './state';

/** The version HQ wants this pillar to run: its channel's rollouts decide (the channel of its last heartbeat, else `latest`). */
export async function wantedVersion(fleet: FleetStore, pillar: { kioskId: string; storeCode: string; channel: string }, cache?: Map<string, Rollout[]>): Promise<string | null> {
  let rollouts = cache?.get(pillar.channel);
  if (!rollouts) {
    rollouts = await fleet.rollouts(pillar.channel);
    cache?.set(pillar.channel, rollouts);
  }
  return decideVersion(rollouts, pillar.kioskId, pillar.storeCode);
}

/** `GET /v1/fleet`: every pillar with its state and why, at HQ's `now`. */
export async function fleetView(fleet: FleetStore, now: number): Promise<Fleet> {
  const records = await fleet.pillars();
  const rollouts = new Map<string, Rollout[]>();
  const pillars: FleetEntry[] = [];
  for (const record of records) pillars.push(await entryOf(fleet, record, now, rollouts));
  const counts: Record<FleetState, number> = { healthy: 0, stale: 0, offline: 0, failing: 0, 'never-seen': 0 };
  for (const pillar of pillars) counts[pillar.state] += 1;
  return { at: now, pillars, counts };
}

async function entryOf(fleet: FleetStore, record: PillarRecord, now: number, rollouts: Map<string, Rollout[]>): Promise<FleetEntry> {
  const { state, reasons } = judge(record.last, now);
  const channel = record.last?.heartbeat.channel ?? 'latest';
  return {
    kioskId: record.kioskId,
    label: record.label,
    store: record.storeCode,
    storeName: record.location?.name ?? record.storeCode,
    device: record.device,
    version: record.last?.heartbeat.version ?? null,
    wantedVersion: await wantedVersion(fleet, { kioskId: record.kioskId, storeCode: record.storeCode, channel }, rollouts),
    state,
    reasons,
    lastSeenAt: record.last?.receivedAt ?? null,
    heartbeat: record.last?.heartbeat ?? null,
  };
}
