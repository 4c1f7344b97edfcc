import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SystemInfo } from '../shared/api/system';
import { Fleet } from '../shared/sync/fleet';
import { HOME, startTestHq, type TestHq } from '../hq/http/testing';
import { loadConfig } from '../electron/core/config/load';
import { createKiosk, type Kiosk } from '../electron/core/kiosk';
import { capturingLogger, tempDir } from '../electron/core/testing/fixtures';
import { runProvision } from '../electron/core/provision/command';
import { enrol, ProvisionError } from '../electron/core/provision/provision';
import { versionToFetch } from '../electron/core/updates/policy';
import { writeRollbackState } from '../electron/core/updates/rollback';

const app = { name: 'Pillar', version: '1.4.0', runtime: 'preview' as const };
let hq: TestHq;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  hq = await startTestHq();
});
afterAll(async () => {
  await hq.close();
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const code = async (options: { validHours?: number; at?: number; label?: string } = {}): Promise<string> =>
  (await hq.hq.store.fleet.createEnrolCode({ store: HOME, validHours: options.validHours ?? 72, ...(options.label ? { label: options.label } : {}) }, options.at ?? Date.now())).code;

function folder(): string {
  const { dir, cleanup } = tempDir('pillar-provision-');
  cleanups.push(cleanup);
  return path.join(dir, 'data');
}

/** Runs the command as the CLI does, keeping what it prints. */
async function provision(options: { code: string; dataDir: string; force?: boolean; configFile?: string; hq?: string }): Promise<{ exit: number; printed: string }> {
  const printed: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  const exit = await runProvision({
    hq: options.hq ?? hq.url,
    code: options.code,
    dataDir: options.dataDir,
    configFile: options.configFile ?? path.join(options.dataDir, 'pillar.config.json'),
    force: options.force ?? false,
    appVersion: app.version,
    json: false,
  });
  vi.restoreAllMocks();
  return { exit, printed: printed.join('') };
}

const problem = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProvisionError) return error.problem;
    throw error;
  }
  return 'none';
};

describe('provisioning a pillar from an enrolment code', () => {
  it('enrols, writes a private configuration the kiosk loads, pre-syncs the cache, and never prints the token', async () => {
    const dataDir = folder();
    const enrolment = await code({ label: 'Entrance left' });
    // Typed as IT might: lower case, no hyphens.
    const { exit, printed } = await provision({ code: enrolment.toLowerCase().replace(/-/g, ' '), dataDir });
    expect(exit).toBe(0);
    const file = path.join(dataDir, 'pillar.config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const load = loadConfig({ source: 'user-data', path: file });
    expect(load.ok).toBe(true);
    if (!load.ok) return;
    expect(load.config.store.id).toBe(HOME);
    expect(load.config.hq.url).toBe(hq.url);
    const token = load.config.hq.token ?? '';
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(printed).toContain(HOME);
    expect(printed).toMatch(/ready — store .*pillar .*"Entrance left"/);
    expect(printed).not.toContain(token);
    expect(readFileSync(path.join(dataDir, 'logs', 'pillar.log'), 'utf8')).not.toContain(token);
    // The token works: HQ knows this pillar as its store's.
    expect((await hq.json('/v1/kiosk', { token })).body).toMatchObject({ store: HOME });

    // The same code again is refused, and an existing configuration is kept without --force.
    expect(await problem(enrol({ hq: hq.url, code: enrolment, appVersion: '1.4.0' }))).toBe('code-used');
    const again = await provision({ code: await code(), dataDir });
    expect(again.exit).toBe(1);
    expect(again.printed).toMatch(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toContain(token);
  });

  it('refuses every code HQ would not take, with a reason IT can act on', async () => {
    expect(await problem(enrol({ hq: hq.url, code: 'ENR-0000-0000-0000', appVersion: '1.4.0' }))).toBe('unknown-code');
    expect(await problem(enrol({ hq: hq.url, code: 'hello', appVersion: '1.4.0' }))).toBe('bad-code');
    const expired = await code({ validHours: 1, at: Date.now() - 2 * 3_600_000 });
    expect(await problem(enrol({ hq: hq.url, code: expired, appVersion: '1.4.0' }))).toBe('code-expired');
    // HQ down: the code is not spent, and works once HQ is reachable.
    const waiting = await code();
    expect(await problem(enrol({ hq: 'http://127.0.0.1:9', code: waiting, appVersion: '1.4.0' }))).toBe('hq-unreachable');
    expect((await enrol({ hq: hq.url, code: waiting, appVersion: '1.4.0' })).store.id).toBe(HOME);
  });

  it('replaces a configuration with --force', async () => {
    const dataDir = folder();
    const file = path.join(dataDir, 'elsewhere.json');
    await provision({ code: await code(), dataDir, configFile: file });
    writeFileSync(file, '{"store": "hand edited"}');
    expect((await provision({ code: await code(), dataDir, configFile: file, force: true })).exit).toBe(0);
    expect(loadConfig({ source: 'flag', path: file }).ok).toBe(true);
  });
});

describe('a provisioned pillar at HQ', () => {
  it('appears on the fleet with its version, hears the rollout HQ decided for it, and shows the settings HQ pushes without a restart', async () => {
    const dataDir = folder();
    expect((await provision({ code: await code({ label: 'By the fitting rooms' }), dataDir })).exit).toBe(0);
    // This pillar came back from 1.3.9, which failed to start twice (as the Electron main records it).
    writeRollbackState(dataDir, { healthy: '1.4.0', trying: null, refused: ['1.3.9'], rolledBack: { from: '1.3.9', to: '1.4.0', at: Date.now() } });
    // Version 1.5.0 for this store's pillars only.
    await hq.hq.store.fleet.recordRollout({ version: '1.5.0', percent: 0, stores: [HOME], channel: 'latest' }, Date.now());
    const kiosk: Kiosk = createKiosk({ app, config: { source: 'user-data', path: path.join(dataDir, 'pillar.config.json') }, dataDir, log: capturingLogger().log, watchConfig: false, syncTiming: { pollMs: 50 } });
    cleanups.push(() => kiosk.close());

    const fleet = async (): Promise<Fleet> => Fleet.parse((await hq.json('/v1/fleet', { token: hq.adminToken })).body);
    const mine = async (): Promise<Fleet['pillars'][number] | undefined> => (await fleet()).pillars.find((p) => p.label === 'By the fitting rooms');
    await until(async () => (await mine())?.version === '1.4.0');
    expect((await mine())?.heartbeat?.sync).toBeDefined();
    expect((await mine())?.wantedVersion).toBe('1.5.0');
    expect((await mine())?.heartbeat?.update).toEqual({ state: 'rolled-back', version: '1.3.9', message: '1.3.9 failed to start 2 times; back on 1.4.0' });
    expect((await mine())?.state).toBe('failing');
    await until(async () => kiosk.rollout() !== null);
    expect(kiosk.rollout()).toEqual({ version: '1.5.0', channel: 'latest' });
    expect(versionToFetch(kiosk.rollout(), app.version, [])).toBe('1.5.0');
    expect(versionToFetch(kiosk.rollout(), app.version, ['1.5.0'])).toBeNull();

    const infos: SystemInfo[] = [];
    kiosk.events.onAny((name, payload) => {
      if (name === 'system.infoChanged') infos.push(payload as SystemInfo);
    });
    const region = await hq.hq.store.region(HOME);
    const settings = region ? (await hq.hq.store.regionState(region)).settings : null;
    expect(settings).not.toBeNull();
    if (!settings) return;
    const pushed = { ...settings, pillar: { idle: { attractAfterSeconds: 120 }, byStore: { [HOME]: { branding: { accent: '#203060' } } } } };
    expect((await hq.call('/v1/settings', { method: 'PUT', token: hq.adminToken, headers: { 'content-type': 'application/json' }, body: JSON.stringify(pushed) })).status).toBe(200);
    await until(async () => infos.length > 0);
    const info = infos.at(-1);
    expect(info?.state).toBe('ready');
    if (info?.state !== 'ready') return;
    expect(info.idle).toEqual({ attractAfterSeconds: 120, warningSeconds: 20 });
    expect(info.branding.accent).toBe('#203060');
    const answered = await kiosk.dispatcher.dispatch('system.info', {});
    expect(answered.ok && answered.value).toEqual(info);
    // The update policy reads the store's hours from the synced cache and the session length HQ set.
    const window = kiosk.updateWindow();
    expect(window?.openingHours).toHaveLength(7);
    expect(window).toMatchObject({ timeZone: 'Europe/Stockholm', sessionEndsAfterSeconds: 140 });
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}
