import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocal, type Db } from '../db/open';
import { tempDir } from '../testing/fixtures';
import { FIRST_LOCK_MS, Lockout, lockDuration, MAX_FAILURES, MAX_LOCK_MS } from './lockout';

let dir: { dir: string; cleanup: () => void };
let db: Db;
beforeEach(() => {
  dir = tempDir('pillar-lockout-');
  db = openLocal(path.join(dir.dir, 'local.db'));
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

function failFive(lockout: Lockout, now: number): number | null {
  let until: number | null = null;
  for (let i = 0; i < MAX_FAILURES; i++) until = lockout.failed(now).lockedUntil;
  return until;
}

describe('PIN pad lockout', () => {
  it('locks after five wrong PINs in a row, counting down the tries left', () => {
    const lockout = new Lockout(db);
    const left = [1, 2, 3, 4].map(() => lockout.failed(1_000).attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1]);
    expect(lockout.lockedUntil(1_000)).toBeNull();
    expect(lockout.failed(1_000)).toEqual({ attemptsLeft: 0, lockedUntil: 1_000 + FIRST_LOCK_MS });
    expect(lockout.lockedUntil(1_000 + FIRST_LOCK_MS - 1)).toBe(1_000 + FIRST_LOCK_MS);
    expect(lockout.lockedUntil(1_000 + FIRST_LOCK_MS)).toBeNull();
  });

  it('doubles the lock with each further lockout, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 30].map(lockDuration)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, MAX_LOCK_MS]);
    const lockout = new Lockout(db);
    let now = 0;
    const durations: number[] = [];
    for (let n = 0; n < 3; n++) {
      const until = failFive(lockout, now)!;
      durations.push(until - now);
      now = until;
    }
    expect(durations).toEqual([30_000, 60_000, 120_000]);
  });

  it('keeps the count and the lock across a restart (local.db), and a right PIN resets both', () => {
    const file = path.join(dir.dir, 'local.db');
    const first = new Lockout(db);
    failFive(first, 0);
    first.failed(FIRST_LOCK_MS); // one more after the first lock
    db.close();

    db = openLocal(file);
    const reopened = new Lockout(db);
    expect(reopened.state()).toEqual({ failures: 1, lockouts: 1, lockedUntil: FIRST_LOCK_MS });
    for (let i = 0; i < MAX_FAILURES - 2; i++) reopened.failed(FIRST_LOCK_MS);
    expect(reopened.failed(FIRST_LOCK_MS).lockedUntil).toBe(FIRST_LOCK_MS + 60_000);

    reopened.succeeded();
    expect(reopened.state()).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
    expect(failFive(reopened, 500_000)).toBe(500_000 + FIRST_LOCK_MS);
  });
});
