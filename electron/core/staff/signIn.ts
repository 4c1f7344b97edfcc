import type { SignInOutput, StaffAccountsOutput } from '../../../shared/api/staff';
import type { StaffAccount } from '../../../shared/sync/entities';
import type { Logger } from '../log/logger';
import type { StaffAudit } from './audit';
import { accountByBadge } from './accounts';
import type { Lockout } from './lockout';
import { verifyPin } from './pin';
import type { StaffSessions } from './session';

export interface SignInOptions {
  audit: StaffAudit;
  lockout: Lockout;
  sessions: StaffSessions;
  /** The accounts that may sign in at this pillar now (this store's, from HQ's settings). */
  accounts: () => StaffAccount[];
  /** Lockouts are logged for IT (the account picked, never a PIN). */
  log?: Logger;
  now?: () => number;
}

/**
 * The PIN pad: who may sign in, a badge's account, and the PIN check with its lockout. Every attempt is
 * recorded; a failed one names the account picked (in the detail) but not as the actor, since nothing
 * proved it was them.
 */
export class StaffSignIn {
  readonly #o: SignInOptions;
  readonly #now: () => number;

  constructor(options: SignInOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  accounts(): StaffAccountsOutput {
    return {
      accounts: this.#o.accounts().map((account) => ({ id: account.id, name: account.name, role: account.role })),
      lockedUntil: this.#o.lockout.lockedUntil(this.#now()),
    };
  }

  badge(code: string): { account: { id: string; name: string } | null } {
    const account = accountByBadge(this.#o.accounts(), code);
    return { account: account ? { id: account.id, name: account.name } : null };
  }

  async signIn(accountId: string, pin: string): Promise<SignInOutput> {
    const { audit, lockout, sessions } = this.#o;
    const locked = lockout.lockedUntil(this.#now());
    if (locked !== null) {
      // The PIN is not even checked: a locked pad cannot be used to go on guessing.
      audit.record(null, 'sign-in-failed', { account: accountId, reason: 'locked' }, this.#now());
      return { state: 'locked', lockedUntil: locked };
    }
    const account = this.#o.accounts().find((candidate) => candidate.id === accountId);
    const right = account ? await verifyPin(pin, account.pin) : false;
    const now = this.#now();
    // Another attempt may have locked the pad while this PIN was being checked.
    const lockedMeanwhile = lockout.lockedUntil(now);
    if (lockedMeanwhile !== null) {
      audit.record(null, 'sign-in-failed', { account: accountId, reason: 'locked' }, now);
      return { state: 'locked', lockedUntil: lockedMeanwhile };
    }
    if (!account || !right) {
      const failure = lockout.failed(now);
      audit.record(null, 'sign-in-failed', { account: accountId, reason: account ? 'wrong-pin' : 'unknown-account' }, now);
      if (failure.lockedUntil !== null) {
        const lockouts = lockout.state().lockouts;
        audit.record(null, 'locked-out', { account: accountId, until: failure.lockedUntil, lockouts }, now);
        this.#o.log?.warn({ account: accountId, lockouts, lockedForSeconds: Math.round((failure.lockedUntil - now) / 1000) }, 'staff PIN pad locked after wrong PINs');
      }
      return { state: 'wrong-pin', attemptsLeft: failure.attemptsLeft, lockedUntil: failure.lockedUntil };
    }
    lockout.succeeded();
    // A new sign-in replaces whoever was signed in (one screen, one person).
    const previous = sessions.end('signed-out');
    if (previous) audit.record(previous.staffId, 'sign-out', { reason: 'replaced' }, now);
    const session = sessions.start(account);
    audit.record(account.id, 'sign-in', { role: account.role }, now);
    return { state: 'signed-in', session };
  }
}
