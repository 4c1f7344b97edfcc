import { spawn } from 'node:child_process';
import { createHash, scrypt, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PinHash } from '../../shared/sync/entities';
import { startHq } from '../server';
import { openSqliteStore } from '../store/sqliteStore';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const STORE = 'se-sto-drottninggatan';

/** A stopped HQ with the demo chain, as `npm run hq -- --demo` leaves it. */
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pillar-hq-staff-cli-'));
  const hq = await startHq({ dataDir, port: 0, demo: 'demo', log: false });
  await hq.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run hq -- staff …` with `input` on standard input (a pipe, as a script would give the PIN). */
function staff(args: string[], input = ''): Promise<Run> {
  const child = spawn(TSX, ['hq/cli.ts', 'staff', ...args, '--data', dataDir], { cwd: ROOT, env: { ...process.env, PILLAR_HQ_ADMIN_TOKEN: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function verify(pin: string, hash: PinHash): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const expected = Buffer.from(hash.hash, 'base64');
    scrypt(pin, Buffer.from(hash.salt, 'base64'), expected.length, { N: hash.N, r: hash.r, p: hash.p, maxmem: 256 * hash.N * hash.r }, (error, key) => {
      if (error) reject(error);
      else resolve(timingSafeEqual(key, expected));
    });
  });
}

async function published() {
  const store = await openSqliteStore({ dataDir });
  try {
    const { settings } = await store.regionState((await store.region(STORE))!);
    return { accounts: settings?.staff.accounts ?? [], head: await store.head() };
  } finally {
    await store.close();
  }
}

// Each run starts Node and TypeScript: seconds on a small machine.
describe('npm run hq -- staff', { timeout: 60_000 }, () => {
  it('add reads the PIN from standard input, publishes a scrypt hash it verifies against as a settings change; list and remove', async () => {
    const before = await published();
    const added = await staff(['add', '--id', 'S-1234', '--name', 'Anna K.', '--role', 'manager', '--store', STORE, '--store', 'se-got-nordstan', '--badge', 'BADGE-1234'], '73915\n');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added S-1234 "Anna K." (manager)');
    expect(added.stdout).not.toContain('73915');

    // What the flagship's pillars get through their settings feed: a new settings change past the old head.
    const after = await published();
    expect(after.head).toBeGreaterThan(before.head);
    const account = after.accounts.find((row) => row.id === 'S-1234');
    expect(account).toMatchObject({ name: 'Anna K.', role: 'manager', stores: [STORE, 'se-got-nordstan'], badge: createHash('sha256').update('BADGE-1234').digest('hex') });
    expect(account?.pin).toMatchObject({ kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(account!.pin.salt, 'base64')).toHaveLength(16);
    expect(await verify('73915', account!.pin)).toBe(true);
    expect(await verify('73916', account!.pin)).toBe(false);
    // The demo staff stay as they were.
    expect(after.accounts.map((row) => row.id)).toEqual(['S-1001', 'M-2001', 'IT-3001', 'S-1234']);

    const list = await staff(['list', '--json']);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout) as unknown[];
    expect(listed).toContainEqual({ id: 'S-1234', name: 'Anna K.', role: 'manager', stores: [STORE, 'se-got-nordstan'], badge: true });
    expect(listed).toContainEqual({ id: 'IT-3001', name: 'Ivo T.', role: 'it', stores: [], badge: false });
    expect(list.stdout).not.toContain(account!.pin.hash);
    expect(list.stdout).not.toContain(account!.pin.salt);
    const table = await staff(['list']);
    expect(table.stdout).toMatch(/S-1234\s+Anna K\.\s+manager\s+yes\s+se-sto-drottninggatan, se-got-nordstan/);
    expect(table.stdout).toMatch(/IT-3001\s+Ivo T\.\s+it\s+no\s+every store/);

    const removed = await staff(['remove', '--id', 'S-1234']);
    expect(removed.code).toBe(0);
    expect((await published()).accounts.map((row) => row.id)).toEqual(['S-1001', 'M-2001', 'IT-3001']);
  });

  const refusals: { why: string; args: string[]; input: string; code: number; says: RegExp }[] = [
    { why: 'a PIN with a letter', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'staff'], input: '12a4\n', code: 1, says: /PIN must be 4–8 digits/ },
    { why: 'a PIN of nine digits', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'staff'], input: '123456789\n', code: 1, says: /PIN must be 4–8 digits/ },
    { why: 'no PIN at all', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'staff'], input: '', code: 1, says: /No PIN on standard input/ },
    { why: 'an unknown store', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'staff', '--store', 'se-nowhere'], input: '1234\n', code: 1, says: /HQ has no store "se-nowhere"/ },
    { why: 'a taken id', args: ['add', '--id', 'S-1001', '--name', 'Bo', '--role', 'staff'], input: '1234\n', code: 1, says: /already has a staff account "S-1001"/ },
    { why: 'an unknown role', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'boss'], input: '1234\n', code: 2, says: /--role must be staff, manager or it/ },
    { why: 'a PIN on the command line', args: ['add', '--id', 'S-1', '--name', 'Bo', '--role', 'staff', '--pin', '1234'], input: '', code: 2, says: /--pin/ },
    { why: 'removing an unknown account', args: ['remove', '--id', 'S-404'], input: '', code: 1, says: /no staff account "S-404"/ },
  ];
  it.each(refusals)('refuses $why with exit code $code and a reason, changing nothing', async ({ args, input, code, says }) => {
    const { head } = await published();
    const run = await staff(args, input);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(says);
    expect((await published()).head).toBe(head);
  });
});
