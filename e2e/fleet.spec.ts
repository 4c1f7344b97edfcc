import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHq, type RunningHq } from '../hq/server';
import type { HeartbeatInput } from '../shared/sync/fleet';
import { expectAccessible } from './fixtures';

/**
 * IT's fleet page (issue 9) in Chromium against a real HQ with a fixed clock: pillars enrolled with
 * one-time codes send heartbeats that leave them healthy, stale, failing and offline (and the demo's
 * own pillar never seen); the admin token is typed once, kept for the tab, never in the address;
 * sorting by state puts the worst first; axe finds nothing serious; a photograph for anyone to look at
 * (`test-results/e2e/screens/fleet.png`).
 */

const HOME = 'se-sto-drottninggatan';
const FAR = 'se-got-nordstan';
const MIN = 60_000;

test.use({ viewport: { width: 1280, height: 900 }, hasTouch: false });
test.describe.configure({ timeout: 120_000 });

let hq: RunningHq;
let dir: string;
let clock = Date.UTC(2030, 2, 4, 9, 30);
let staleToken: string;
let beat: (token: string, overrides?: Partial<HeartbeatInput>) => Promise<void>;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pillar-e2e-fleet-'));
  hq = await startHq({ dataDir: dir, port: 0, demo: 'demo', log: false, now: () => clock });

  const enrol = async (store: string, label: string, hostname: string): Promise<string> => {
    const { code } = await hq.store.fleet.createEnrolCode({ store, label, validHours: 72 }, clock);
    const answer = await fetch(`${hq.url}/v1/enrol`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, device: { hostname, platform: 'linux', appVersion: '1.0.0' } }) });
    expect(answer.status).toBe(201);
    return ((await answer.json()) as { token: string }).token;
  };
  beat = async (token: string, overrides: Partial<HeartbeatInput> = {}): Promise<void> => {
    const body: HeartbeatInput = {
      at: clock,
      version: '1.0.0',
      uptimeSeconds: 7200,
      sync: { phase: 'live', live: true, cursor: 40, head: 40, pendingChanges: 0, lastSuccessAt: clock - MIN },
      outbox: { pending: 0, oldestPendingAt: null },
      diskFreeBytes: 40e9,
      crashCount: 0,
      lastError: null,
      update: { state: 'idle', version: null, message: null },
      ...overrides,
    };
    const answer = await fetch(`${hq.url}/v1/heartbeat`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect(answer.status).toBe(200);
  };

  const offline = await enrol(FAR, 'Fitting rooms', 'pillar-got-02');
  const healthy = await enrol(HOME, 'Entrance left', 'pillar-sto-01');
  const stale = await enrol(HOME, 'Menswear', 'pillar-sto-02');
  staleToken = stale;
  const failing = await enrol(FAR, 'Entrance', 'pillar-got-01');
  await hq.store.fleet.recordRollout({ version: '1.0.0', percent: 100, stores: [], channel: 'latest' }, clock);
  await hq.store.fleet.recordRollout({ version: '1.1.0', percent: 0, stores: [FAR], channel: 'latest' }, clock);

  await beat(offline);
  clock += 7 * MIN;
  await beat(healthy);
  await beat(stale, { sync: { phase: 'offline', live: false, cursor: 31, head: 40, pendingChanges: 9, lastSuccessAt: clock - 42 * MIN }, outbox: { pending: 2, oldestPendingAt: clock - 38 * MIN } });
  await beat(failing, { crashCount: 2, update: { state: 'rolled-back', version: '1.1.0', message: 'did not start twice' } });
});

test.afterAll(async () => {
  await hq?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the fleet page: signed in once per tab, every pillar by store with its state and why, sorted by state, accessible', async ({ page }) => {
  // The page's own clock, to see its 30-second refresh without waiting for it.
  await page.clock.install();
  await page.goto(`${hq.url}/fleet`);
  const token = page.getByLabel('Admin token');
  await expect(token).toBeFocused();
  await expectAccessible(page, 'fleet sign-in');

  // A wrong token is said plainly and the form stays.
  await token.fill('not-the-admin-token-0123456789');
  await page.getByRole('button', { name: 'Show the fleet' }).click();
  await expect(page.getByRole('alert')).toHaveText('HQ refused this token. Type the admin token again.');

  await token.fill(hq.adminToken);
  await page.getByRole('button', { name: 'Show the fleet' }).click();
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  expect(page.url()).toBe(`${hq.url}/fleet`);

  // Grouped by store: a heading row per store with its pillars below it.
  await expect(page.getByRole('rowheader', { name: /Göteborg Nordstan.*2 pillars/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Stockholm Drottninggatan.*3 pillars/ })).toBeVisible();
  const row = (label: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label} kiosk-`) }) });
  await expect(row('Entrance left')).toContainText('Healthy');
  await expect(row('Menswear')).toContainText('Stale');
  await expect(row('Menswear')).toContainText('Last successful sync 42 min ago');
  await expect(row('Menswear')).toContainText('2 items waiting to reach HQ, the oldest for 38 min');
  await expect(row('Entrance')).toContainText('Failing');
  await expect(row('Entrance')).toContainText('2 crashes in the last hour');
  await expect(row('Entrance')).toContainText('Update to 1.1.0 rolled back: did not start twice');
  // The rollout pins Göteborg to 1.1.0: wanted beside running.
  await expect(row('Entrance')).toContainText('1.1.0');
  await expect(row('Entrance')).toContainText('Update pending');
  await expect(row('Fitting rooms')).toContainText('Offline');
  await expect(row('Fitting rooms')).toContainText('No heartbeat for 7 min');
  await expect(row('demo kiosk')).toContainText('Never seen');

  // Sorted by state: the worst first.
  const stateHeader = page.getByRole('columnheader', { name: 'State' });
  await expect(stateHeader).toHaveAttribute('aria-sort', 'none');
  await stateHeader.getByRole('button').click();
  await expect(stateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('columnheader', { name: 'Store' })).toHaveAttribute('aria-sort', 'none');
  const states = () => page.locator('tbody tr[data-state]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
  await expect.poll(states).toEqual(['failing', 'offline', 'stale', 'never-seen', 'healthy']);
  await stateHeader.getByRole('button').click();
  await expect(stateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(states).toEqual(['healthy', 'never-seen', 'stale', 'offline', 'failing']);
  await stateHeader.getByRole('button').click();

  await expectAccessible(page, 'fleet');
  await page.screenshot({ path: path.join(test.info().project.outputDir, 'screens', 'fleet.png'), fullPage: true, animations: 'disabled' });

  // The stale pillar catches up; the page shows it at its next refresh, 30 seconds on.
  await beat(staleToken);
  await expect(row('Menswear')).toContainText('Stale');
  await page.clock.fastForward(30_000);
  await expect(row('Menswear')).toContainText('Healthy');

  // The token stays with the tab: a reload shows the fleet without asking again.
  await page.reload();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'Forget the token' }).click();
  await expect(page.getByLabel('Admin token')).toBeVisible();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
});
