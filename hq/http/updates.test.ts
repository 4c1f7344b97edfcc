import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet, HeartbeatAnswer } from '../../shared/sync/fleet';
import { startHq } from '../server';
import { readChannelFile } from '../updates/channelFile';
import { FAR_STORE, HOME, startTestHq, type TestHq } from './testing';

let t: TestHq;
let releases: string;
let farToken: string;
const clock = Date.UTC(2030, 0, 10, 9);
const installers = new Map<string, Buffer>();

/** A release folder as electron-builder leaves it: the feed file beside the installer it names. */
async function release(version: string): Promise<void> {
  const dir = path.join(releases, version);
  await mkdir(dir, { recursive: true });
  const name = `Pillar-${version}.AppImage`;
  const bytes = Buffer.from(`installer of ${version} `.repeat(5000));
  installers.set(version, bytes);
  await writeFile(path.join(dir, name), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  await writeFile(
    path.join(dir, 'latest-linux.yml'),
    `version: ${version}\nfiles:\n  - url: ${name}\n    sha512: ${sha512}\n    size: ${bytes.length}\n    blockMapSize: 1234\npath: ${name}\nsha512: ${sha512}\nreleaseDate: '2030-01-05T10:00:00.000Z'\n`,
  );
}

beforeAll(async () => {
  releases = await mkdtemp(path.join(tmpdir(), 'pillar-releases-'));
  await release('1.0.0');
  await release('1.1.0');
  t = await startTestHq({ now: () => clock, releasesDir: releases });
  farToken = await t.hq.issueKioskToken(FAR_STORE);
});
afterAll(async () => {
  await t.close();
  await rm(releases, { recursive: true, force: true });
});

const feed = async (token: string, file = 'latest-linux.yml') => {
  const response = await t.call(`/v1/updates/${file}?noCache=1abc`, { token });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('the update feed per pillar', () => {
  it('says nothing before a rollout', async () => {
    expect((await feed(t.kioskToken)).status).toBe(404);
  });

  it("answers each pillar the feed of the version its rollout decides, with the installer's address behind HQ", async () => {
    await t.hq.store.fleet.recordRollout({ version: '1.0.0', percent: 100, stores: [], channel: 'latest' }, clock);
    // 1.1.0 to no share of the fleet but every pillar of the far store.
    await t.hq.store.fleet.recordRollout({ version: '1.1.0', percent: 0, stores: [FAR_STORE], channel: 'latest' }, clock);

    const home = await feed(t.kioskToken);
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toContain('no-store');
    expect(readChannelFile(home.text)).toMatchObject({ version: '1.0.0', files: [{ url: 'files/1.0.0/Pillar-1.0.0.AppImage' }] });
    expect(home.text).toContain('path: files/1.0.0/Pillar-1.0.0.AppImage');
    expect(home.text).toContain("releaseDate: '2030-01-05T10:00:00.000Z'");

    const far = await feed(farToken);
    const info = readChannelFile(far.text);
    expect(info.version).toBe('1.1.0');

    // electron-updater resolves the file against the feed's address and checks size and sha512: so does this.
    const file = new URL(info.files[0]!.url, `${t.url}/v1/updates/`);
    expect(file.pathname).toBe('/v1/updates/files/1.1.0/Pillar-1.1.0.AppImage');
    const download = await t.call(file.pathname, { token: farToken });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(info.files[0]!.size);
    expect(createHash('sha512').update(bytes).digest('base64')).toBe(info.files[0]!.sha512);

    // The heartbeat answer and the fleet say the same.
    const beat = { at: clock, version: '1.0.0', uptimeSeconds: 1, sync: { phase: 'live', live: true, cursor: 1, head: 1, pendingChanges: 0, lastSuccessAt: clock }, outbox: { pending: 0, oldestPendingAt: null }, diskFreeBytes: null, crashCount: 0, lastError: null, update: { state: 'idle', version: null, message: null } };
    const answer = await t.json('/v1/heartbeat', { method: 'POST', token: farToken, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(beat) });
    expect(HeartbeatAnswer.parse(answer.body).rollout).toEqual({ version: '1.1.0', channel: 'latest' });
    const fleet = Fleet.parse((await t.json('/v1/fleet', { token: t.adminToken })).body);
    const holder = (await t.hq.store.authenticateKiosk(farToken))!.kioskId;
    expect(fleet.pillars.find((entry) => entry.kioskId === holder)).toMatchObject({ version: '1.0.0', wantedVersion: '1.1.0' });
    expect(fleet.pillars.find((entry) => entry.store === HOME)?.wantedVersion).toBe('1.0.0');
  });

  it('resumes an installer download from a byte range', async () => {
    const whole = installers.get('1.1.0')!;
    const response = await t.call('/v1/updates/files/1.1.0/Pillar-1.1.0.AppImage', { token: farToken, headers: { Range: 'bytes=100-' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 100-${whole.length - 1}/${whole.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(whole.subarray(100))).toBe(true);
  });

  it('needs a token for the feed and the files, and keeps to the release folder', async () => {
    expect((await t.call('/v1/updates/latest-linux.yml', { token: null })).status).toBe(401);
    expect((await t.call('/v1/updates/files/1.1.0/Pillar-1.1.0.AppImage', { token: null })).status).toBe(401);
    expect((await t.call('/v1/updates/files/1.1.0/Pillar-1.1.0.AppImage', { token: 'not-a-token-at-all-0123' })).status).toBe(401);
    expect((await t.call('/v1/updates/files/1.1.0/..%2F..%2Fhq.db', { token: farToken })).status).toBe(400);
    expect((await t.call('/v1/updates/files/..%2F..%2Fetc/passwd', { token: farToken })).status).toBe(400);
    expect((await t.call('/v1/updates/files/1.1.0/missing.exe', { token: farToken })).status).toBe(404);
    expect((await feed(farToken, 'latest-mac.yml')).status).toBe(404);
    expect((await feed(farToken, 'notes.txt')).status).toBe(404);
  });

  it('a feed file of another shape is a clear 503, not a guess', async () => {
    await writeFile(path.join(releases, '1.1.0', 'latest.yml'), 'version: 1.1.0\nfiles: []\n');
    const broken = await feed(farToken, 'latest.yml');
    expect(broken.status).toBe(503);
    expect(broken.text).toContain('lists no files');
  });

  it('a releases folder that is not there stops HQ at start, saying so', async () => {
    const data = await mkdtemp(path.join(tmpdir(), 'pillar-hq-norel-'));
    try {
      await expect(startHq({ dataDir: data, port: 0, log: false, releasesDir: path.join(releases, 'no-such-folder') })).rejects.toThrow('does not exist or is not a folder');
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});
