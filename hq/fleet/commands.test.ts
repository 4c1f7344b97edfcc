import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROL_CODE } from '../../shared/sync/fleet';
import { openSqliteStore } from '../store/sqliteStore';
import type { HqStore } from '../store/store';
import { HOME, LOCATIONS } from '../store/testFixtures';
import { enrolCodeHash } from '../enrol/codes';
import { allStores, enrolCommand, rolloutCommand } from './commands';

let dir: string;
let store: HqStore;
const NOW = Date.UTC(2030, 0, 1);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-fleet-cli-'));
  store = await openSqliteStore({ dataDir: dir });
  await store.publishCatalog({ locations: LOCATIONS });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the fleet commands', () => {
  it('enrol prints a code HQ keeps only as a hash, for one store, until its expiry', async () => {
    const before = (await store.fleet.pillars()).length;
    const stores = HOME;
    const text = await enrolCommand(store, { store: stores, label: 'Entrance left', validHours: 72 }, NOW);
    const code = text.split('\n')[0]!;
    expect(code).toMatch(ENROL_CODE);
    expect(text).toContain(`for a pillar of store ${stores} ("Entrance left"), once, until 2030-01-04T00:00:00.000Z`);
    expect(text).toContain(`provision --hq <HQ address> --enrol-code ${code}`);
    const outcome = await store.fleet.enrol(code, { hostname: 'p', platform: 'linux', appVersion: '1.0.0' }, NOW + 1);
    expect(outcome).toMatchObject({ ok: true, storeCode: stores, label: 'Entrance left' });
    expect(await store.fleet.enrol(code, { hostname: 'p', platform: 'linux', appVersion: '1.0.0' }, NOW + 2)).toEqual({ ok: false, reason: 'used' });
    expect((await store.fleet.pillars()).length).toBe(before + 1);
    // hq.db (and its write-ahead log) holds the code's hash, never the code.
    const files = Buffer.concat(['hq.db', 'hq.db-wal'].filter((name) => existsSync(path.join(dir, name))).map((name) => readFileSync(path.join(dir, name))));
    expect(files.includes(enrolCodeHash(code))).toBe(true);
    expect(files.includes(code)).toBe(false);
    expect(files.includes(code.slice(4))).toBe(false);
  });

  it('rollout reads every --store and says who gets what', async () => {
    expect(allStores(['rollout', '--version', '1.0.0', '--store', 'a', '--percent', '5', '--store', 'b'])).toEqual(['a', 'b']);
    const home = HOME;
    expect(await rolloutCommand(store, { version: '1.0.0', percent: 100, stores: [], channel: 'latest' }, NOW)).toBe('rollout 1 on channel "latest": 1.0.0 for every pillar\n');
    expect(await rolloutCommand(store, { version: '1.1.0', percent: 10, stores: [home], channel: 'latest' }, NOW)).toBe(`rollout 2 on channel "latest": 1.1.0 for 10% of the pillars and every pillar of ${home}; the others stay on 1.0.0\n`);
    expect(await rolloutCommand(store, { version: '2.0.0-beta.1', percent: 50, stores: [], channel: 'beta' }, NOW)).toBe('rollout 3 on channel "beta": 2.0.0-beta.1 for 50% of the pillars; the others are told of no version and stay as they are\n');
    await expect(rolloutCommand(store, { version: 'latest', percent: 10, stores: [], channel: 'latest' }, NOW)).rejects.toThrow('is not a version');
    await expect(rolloutCommand(store, { version: '1.2.0', percent: 10, stores: ['no-such-store'], channel: 'latest' }, NOW)).rejects.toThrow('There is no store "no-such-store"');
    await expect(rolloutCommand(store, { version: '1.2.0', percent: 10, stores: [], channel: 'Beta Two' }, NOW)).rejects.toThrow('is not a channel name');
    expect((await store.fleet.rollouts('latest')).map((r) => r.version)).toEqual(['1.0.0', '1.1.0']);
  });
});

