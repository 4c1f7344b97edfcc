import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { PoolAnswer } from '../../shared/sync/coupons';
import { openSqliteStore } from '../store/sqliteStore';
import { startHq } from '../server';
import type { OrderSubmission } from '../../shared/sync/upstream';
import type { CouponPoolStats, StoredOrder } from '../store/store';
import { SHOPPER, orderOf, pickSkus } from './orderFixtures';
import { HOME } from './testing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** A folder holding a stopped HQ with the demo chain, as `npm run hq -- --demo` leaves it. */
let demoDir: string;
beforeAll(async () => {
  demoDir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-cli-'));
  const hq = await startHq({ dataDir: demoDir, port: 0, demo: 'demo', log: false });
  await hq.close();
});
afterAll(() => rm(demoDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx hq/cli.ts …`, what `npm run hq -- …` runs. */
function cli(...args: string[]): Promise<Run> {
  return finished(spawn(TSX, ['hq/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, PILLAR_HQ_ADMIN_TOKEN: '' } }));
}

function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each test starts Node and TypeScript at least once: seconds on a small machine.
describe('npm run hq', { timeout: 60_000 }, () => {
  it('serve prints "Pillar HQ: <url>" once it answers, and closes cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-cli-serve-'));
    // tsx itself, not npx: npx does not pass signals on to the process it starts.
    const child = spawn(TSX, ['hq/cli.ts', 'serve', '--port', '0', '--data', dataDir], { cwd: ROOT });
    const run = finished(child);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        child.stdout.on('data', (chunk: Buffer) => {
          seen += chunk.toString('utf8');
          const match = /^Pillar HQ: (http:\/\/\S+)$/m.exec(seen);
          if (match) resolve(match[1]!);
        });
        child.on('close', () => reject(new Error(`HQ exited before it listened: ${seen}`)));
      });
      const health = await fetch(`${url}/v1/health`);
      expect(await health.json()).toEqual({ ok: true, head: 0 });

      child.kill('SIGTERM');
      const { code, stdout } = await run;
      expect(code).toBe(0);
      expect(stdout).toContain(`admin token: in ${path.join(dataDir, 'admin-token')}`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('token prints a new pillar token for the store', async () => {
    const { code, stdout } = await cli('token', '--data', demoDir, '--store', HOME);
    expect(code).toBe(0);
    const store = await openSqliteStore({ dataDir: demoDir });
    try {
      expect(await store.authenticateKiosk(stdout.trim())).toMatchObject({ storeCode: HOME });
    } finally {
      await store.close();
    }
  });

  it('token --till prints a till token: it redeems, and opens no pillar feed', async () => {
    const { code, stdout } = await cli('token', '--data', demoDir, '--store', HOME, '--till');
    expect(code).toBe(0);
    const store = await openSqliteStore({ dataDir: demoDir });
    try {
      expect(await store.authenticateTill(stdout.trim())).toMatchObject({ storeCode: HOME });
      expect(await store.authenticateKiosk(stdout.trim())).toBeNull();
    } finally {
      await store.close();
    }
  });

  it("coupons prints every offer's pool, as a table or JSON, and never a code", async () => {
    const table = await cli('coupons', '--data', demoDir);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^OFFER\s+KIND\s+MINTED\s+IN HQ\s+WITH PILLARS\s+ISSUED\s+REDEEMED\s+WARNINGS$/);
    expect(table.stdout).toMatch(/^demo-check-in-drottninggatan\s+check-in\s+2000\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+$/m);
    expect(table.stdout).toMatch(/^demo-today-knitwear\s+today-only\s+2000\s+/m);
    expect(table.stdout).not.toMatch(/PLR-/);

    const json = await cli('coupons', '--data', demoDir, '--json');
    const pools = JSON.parse(json.stdout) as CouponPoolStats[];
    expect(pools.map((pool) => [pool.offerId, pool.kind, pool.minted])).toEqual([
      ['demo-check-in-drottninggatan', 'check-in', 2000],
      ['demo-today-knitwear', 'today-only', 2000],
    ]);
  });

  it('redeem uses a code up as a till would, and says why not the second time (exit code 1)', async () => {
    const store = await openSqliteStore({ dataDir: demoDir });
    let code: string;
    try {
      const pillar = (await store.authenticateKiosk(await store.issueKioskToken(HOME)))!;
      const id = randomUUID();
      const request = { kind: 'coupon-pool' as const, key: id, storeCode: HOME, kioskId: pillar.kioskId, requestSha256: 'cli-test', now: Date.now() };
      const claim = await store.claimUpstream(request);
      if (claim.kind !== 'claimed') throw new Error('a fresh key is claimed');
      const answer = await store.assignCouponPool({ id, store: HOME, offers: [{ offerId: 'demo-check-in-drottninggatan', have: 0, want: 1 }] }, { ...request, claimId: claim.claimId });
      code = PoolAnswer.parse(answer.body).codes[0]!.code;
    } finally {
      await store.close();
    }

    const first = await cli('redeem', '--data', demoDir, '--store', HOME, '--transaction', 'receipt-1', code.toLowerCase());
    expect(first.code, first.stderr).toBe(0);
    // A check character may be $, * or =: the code goes into the pattern escaped.
    expect(first.stdout).toMatch(new RegExp(`^redeemed ${code.replace(/[$*=~]/g, '\\$&')}: 10% off \\(offer demo-check-in-drottninggatan\\), transaction receipt-1 at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\n$`));
    const again = await cli('redeem', '--data', demoDir, '--store', HOME, code);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^refused \(409 already-used\): This code was already used/);
    const json = await cli('redeem', '--data', demoDir, '--store', HOME, '--transaction', 'receipt-1', '--json', code);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, code, transaction: 'receipt-1' });

    const elsewhere = await cli('redeem', '--data', demoDir, '--store', 'no-such-store', code);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/no-such-store/);
  });

  it('token for a store HQ does not know fails with exit code 1 and says so', async () => {
    const { code, stderr } = await cli('token', '--data', demoDir, '--store', 'no-such-store');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no-such-store/);
  });

  it('compact keeps the newest N changes', async () => {
    const store = await openSqliteStore({ dataDir: demoDir });
    const head = await store.head();
    await store.close();
    const { code, stdout } = await cli('compact', '--data', demoDir, '--keep', '5');
    expect(code).toBe(0);
    expect(stdout).toContain(`floor ${head - 5}`);
    expect(stdout).toContain('forgot 0 idempotency keys older than 30 days');
  });

  it('import reports each bad row as FILE:LINE: reason, exits with 1 and imports nothing', async () => {
    const store = await openSqliteStore({ dataDir: demoDir });
    const state = await store.regionState((await store.region(HOME))!);
    const head = await store.head();
    await store.close();
    const [sku] = state.stock[0]!;
    const file = path.join(demoDir, 'stock-with-a-typo.csv');
    await writeFile(file, `sku,location,quantity\n${sku},${HOME},5\n${sku},se-online,five\n`);

    // Through npx, as IT would type it.
    const run = await finished(spawn('npx', ['tsx', 'hq/cli.ts', 'import', '--data', demoDir, '--stock', file], { cwd: ROOT }));
    expect(run.code).toBe(1);
    const reported = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
    expect(reported).toHaveLength(1);
    expect(reported[0]!.slice(file.length)).toMatch(/^:3: .*quantity/);
    expect(run.stderr).toContain('nothing imported: 1 bad row');

    const after = await openSqliteStore({ dataDir: demoDir });
    try {
      expect(await after.head()).toBe(head);
    } finally {
      await after.close();
    }
  });

  it('import of good files publishes them and says what it did', async () => {
    const store = await openSqliteStore({ dataDir: demoDir });
    const [sku] = (await store.regionState((await store.region(HOME))!)).stock[0]!;
    await store.close();
    const file = path.join(demoDir, 'stock-count.csv');
    await writeFile(file, `sku,location,quantity\n${sku},${HOME},77\n`);

    const { code, stdout } = await cli('import', '--data', demoDir, '--stock', file);
    expect(code).toBe(0);
    expect(stdout).toContain(`stock ${file}: 1 level`);
    const after = await openSqliteStore({ dataDir: demoDir });
    try {
      const level = (await after.regionState((await after.region(HOME))!)).stock.find(([s, at]) => s === sku && at === HOME);
      expect(level?.[2]).toBe(77);
    } finally {
      await after.close();
    }
  });

  it('orders lists what HQ received, newest first, with contact details only when asked', async () => {
    const hq = await startHq({ dataDir: demoDir, port: 0, log: false });
    const token = await hq.issueKioskToken(HOME);
    const orders = [orderOf(await pickSkus(hq, HOME), { store: HOME }), orderOf(await pickSkus(hq, HOME, 1), { store: HOME, payment: 'phone' })];
    try {
      for (const order of orders) {
        const sent = await fetch(`${hq.url}/v1/orders`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': order.id },
          body: JSON.stringify(order),
        });
        expect(sent.status).toBe(201);
      }
    } finally {
      await hq.close();
    }
    const [older, newer] = orders as [OrderSubmission, OrderSubmission];

    const table = await cli('orders', '--data', demoDir);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CODE\s+STORE\s+PLACED \(UTC\)\s+TOTAL\s+LINES\s+STATUS\s+PAYMENT$/);
    expect(lines[1]).toMatch(new RegExp(`^${newer.code}\\s+${HOME}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+SEK\\s[\\d,.]+\\s+1\\s+received\\s+phone$`));
    expect(lines[2]).toMatch(new RegExp(`^${older.code}\\s.*\\s2\\s+received\\s+till$`));
    expect(table.stdout).not.toContain(SHOPPER.name);

    const withContact = await cli('orders', '--data', demoDir, '--store', HOME, '--with-contact');
    expect(withContact.stdout).toContain(`${SHOPPER.name} · ${SHOPPER.phone} · ${SHOPPER.email}`);

    const json = await cli('orders', '--data', demoDir, '--json');
    const listed = JSON.parse(json.stdout) as StoredOrder[];
    expect(listed.map((order) => order.id)).toEqual([newer.id, older.id]);
    expect(listed.every((order) => order.personal === undefined)).toBe(true);
    expect((await cli('orders', '--data', demoDir, '--store', 'se-got-nordstan')).stdout).toBe('no orders for se-got-nordstan\n');
  });

  it('bad flags exit with 2 and a message that names them', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /bogus/],
      [['serve', '--port', 'eighty'], /--port must be a whole number/],
      [['serve', '--scale', 'full'], /--scale goes with --demo/],
      [['compact', '--data', demoDir], /needs --keep N/],
      [['token', '--keep', '3', '--store', HOME], /--keep is not an option of "token"/],
      [['import', '--data', demoDir], /needs --catalog FILE, --stock FILE or both/],
      [['launch'], /unknown command "launch"/],
      [['orders', '--keep', '3'], /--keep is not an option of "orders"/],
      [['redeem', '--store', HOME], /redeem needs the CODE/],
      [['serve', '--coupon-pool', 'lots'], /--coupon-pool must be a whole number from 0 to 100000/],
      [['redeem', 'PLR-0000-0000-0'], /needs --store ID/],
      [['coupons', 'PLR-0000-0000-0'], /unexpected argument "PLR-0000-0000-0"/],
      [['redeem', '--store', HOME, 'a', 'b'], /unexpected argument "b"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(...args)));
    for (const [index, [args, message]] of cases.entries()) {
      const { code, stderr } = runs[index]!;
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(message);
      expect(stderr).toContain('usage: npm run hq');
    }
  });
});
