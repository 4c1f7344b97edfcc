import type { Db } from '../db/open';

/** Wrong PINs in a row before the pad locks. */
export const MAX_FAILURES = 5;
/** The first lockout; each further one doubles it, up to `MAX_LOCK_MS`. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export interface LockState {
  failures: number;
  lockouts: number;
  lockedUntil: number | null;
}

/** A wrong PIN's outcome: tries left, and the lock it set when that was the last one. */
export interface Failure {
  attemptsLeft: number;
  /** Set when this failure locked the pad. */
  lockedUntil: number | null;
}

/**
 * The PIN pad's lockout, in local.db so a restart does not wipe it: five wrong PINs in a row lock the pad
 * for 30 s, each further lockout twice as long (up to 15 min); a right PIN resets both counts.
 */
export class Lockout {
  readonly #get;
  readonly #set;

  constructor(db: Db) {
    this.#get = db.prepare('SELECT failures, lockouts, locked_until FROM staff_lockout WHERE id = 1');
    this.#set = db.prepare('UPDATE staff_lockout SET failures = ?, lockouts = ?, locked_until = ? WHERE id = 1');
  }

  state(): LockState {
    const row = this.#get.get() as { failures: number; lockouts: number; locked_until: number | null } | undefined;
    return { failures: row?.failures ?? 0, lockouts: row?.lockouts ?? 0, lockedUntil: row?.locked_until ?? null };
  }

  /** Until when the pad is locked now, or null when it is open. */
  lockedUntil(now: number): number | null {
    const until = this.state().lockedUntil;
    return until !== null && until > now ? until : null;
  }

  failed(now: number): Failure {
    const state = this.state();
    const failures = state.failures + 1;
    if (failures < MAX_FAILURES) {
      this.#set.run(failures, state.lockouts, state.lockedUntil);
      return { attemptsLeft: MAX_FAILURES - failures, lockedUntil: null };
    }
    const until = now + lockDuration(state.lockouts + 1);
    // The count starts again after the lock: five more tries, then a longer lock.
    this.#set.run(0, state.lockouts + 1, until);
    return { attemptsLeft: 0, lockedUntil: until };
  }

  succeeded(): void {
    this.#set.run(0, 0, null);
  }
}

/** How long the `n`th lockout in a row lasts (n ≥ 1). */
export function lockDuration(n: number): number {
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(Math.max(n - 1, 0), 20));
}
