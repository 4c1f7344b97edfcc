import type { StaffSession } from '../../../shared/api/staff';
import type { StaffAccount } from '../../../shared/sync/entities';

export type SessionEnd = 'signed-out' | 'idle' | 'config-changed';

export interface SessionOptions {
  /** Staff mode ends after this long without a staff call. */
  idleSeconds: () => number;
  /** Staff mode began or ended (the UI follows). */
  onChange: (session: StaffSession | null, why: SessionEnd | 'signed-in') => void;
  now?: () => number;
}

/**
 * The one staff session of this pillar (one screen, one person at a time), held in the core: the page is
 * told about it, never trusted with it. It ends after `idleSeconds` without a staff call — checked on every
 * call and by a timer, so the screen leaves staff mode even when nobody touches it — on sign-out, and when
 * the configuration changes.
 */
export class StaffSessions {
  readonly #o: SessionOptions;
  readonly #now: () => number;
  #session: StaffSession | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: SessionOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  start(account: Pick<StaffAccount, 'id' | 'name' | 'role'>): StaffSession {
    const now = this.#now();
    this.#session = { staffId: account.id, name: account.name, role: account.role, startedAt: now, expiresAt: now + this.#o.idleSeconds() * 1000 };
    this.#arm();
    this.#o.onChange(this.#session, 'signed-in');
    return this.#session;
  }

  /** The session, if it has not expired (an expired one ends here, with its event). */
  current(): StaffSession | null {
    if (this.#session && this.#session.expiresAt <= this.#now()) this.end('idle');
    return this.#session;
  }

  /** A staff call succeeded: staff mode lasts `idleSeconds` from now. */
  touch(): StaffSession | null {
    const session = this.current();
    if (!session) return null;
    this.#session = { ...session, expiresAt: this.#now() + this.#o.idleSeconds() * 1000 };
    this.#arm();
    return this.#session;
  }

  /** Ends the session, if any; answers the one that ended. */
  end(why: SessionEnd): StaffSession | null {
    const ended = this.#session;
    if (!ended) return null;
    this.#session = null;
    this.#disarm();
    this.#o.onChange(null, why);
    return ended;
  }

  close(): void {
    this.#disarm();
  }

  #arm(): void {
    this.#disarm();
    if (!this.#session) return;
    const delay = Math.max(0, this.#session.expiresAt - this.#now());
    // A few ms late rather than early: `current()` compares against the clock, not the timer.
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.current()) this.#arm();
    }, delay + 5);
    this.#timer.unref();
  }

  #disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
