import type { OutboxStatus } from '../../../shared/api/orders';
import type { StaffSession } from '../../../shared/api/staff';
import type { SyncStatus } from '../../../shared/api/sync';
import type { StaffAccount, StaffRole, StaffSettings } from '../../../shared/sync/entities';
import type { Handlers } from '../api/dispatcher';
import type { KioskEvents } from '../api/events';
import type { ConfigLoad } from '../config/load';
import type { Db } from '../db/open';
import { StoreHelpQueue } from '../help/storeQueue';
import type { Logger } from '../log/logger';
import { readSettings } from '../orders/settings';
import { META } from '../sync/apply';
import type { OutboxStore } from '../outbox/store';
import type { AppIdentity } from '../system/info';
import { accountsFor } from './accounts';
import { runStaffAction, usbRoots, type StaffHost } from './actions';
import { StaffAudit } from './audit';
import { healthReport } from './health';
import { HqReader } from './hqReader';
import { Lockout } from './lockout';
import { writableRoot } from './logs';
import { StaffOrders } from './orders';
import { staffProduct } from './product';
import { StaffSessions } from './session';
import { StaffSignIn } from './signIn';
import { KioskError } from '../api/errors';

export interface StaffModeOptions {
  local: Db;
  outbox: OutboxStore;
  events: KioskEvents;
  log: Logger;
  app: AppIdentity;
  dataDir: string;
  /** The databases the health screen sizes. */
  databaseFiles: () => string[];
  config: () => ConfigLoad;
  /** The current cache (settings with the staff accounts, stock), or null before there is one. */
  cache: () => Db | null;
  /** HQ's address and this pillar's token, while sync with HQ is configured. */
  hq: () => { url: string; token: string } | null;
  sync: () => { syncNow(): void; resnapshot(): void } | null;
  syncStatus: () => SyncStatus;
  outboxStatus: () => OutboxStatus;
  host?: StaffHost;
  /** A row and its outbox row have just committed. */
  onQueued: () => void;
  now?: () => number;
  helpPollMs?: number;
}

type StaffHandlers = Pick<
  Handlers,
  | 'help.status'
  | 'staff.accounts'
  | 'staff.badge'
  | 'staff.signIn'
  | 'staff.signOut'
  | 'staff.session'
  | 'staff.product'
  | 'staff.helpQueue'
  | 'staff.updateHelp'
  | 'staff.orders'
  | 'staff.health'
  | 'staff.action'
>;

/**
 * Staff mode in the kiosk core: the PIN pad and its lockout, the one staff session (whose role the
 * dispatcher checks before any staff method runs), the audit trail, and what staff see and do — a
 * product's exact stock, the store's "call staff" queue, today's orders, the pillar's health and actions.
 */
export class StaffMode {
  readonly audit: StaffAudit;
  readonly help: StoreHelpQueue;
  readonly #o: StaffModeOptions;
  readonly #now: () => number;
  readonly #sessions: StaffSessions;
  readonly #signIn: StaffSignIn;
  readonly #orders: StaffOrders;
  readonly #startedAt: number;
  /** Products whose staff detail was recorded in a session (`staffId@startedAt:styleCode`). */
  readonly #viewed = new Set<string>();

  constructor(options: StaffModeOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
    const storeCode = (): string | null => {
      const load = options.config();
      return load.ok ? load.config.store.id : null;
    };
    this.audit = new StaffAudit(options.local, { outbox: options.outbox, storeCode, onQueued: options.onQueued });
    this.#sessions = new StaffSessions({
      idleSeconds: () => this.#settings()?.idleSeconds ?? 120,
      now: this.#now,
      onChange: (session, why) => {
        options.events.emit('staff.sessionChanged', { session });
        if (!session && why === 'idle') options.log.info('staff mode ended after its idle time');
      },
    });
    this.#signIn = new StaffSignIn({ audit: this.audit, lockout: new Lockout(options.local), sessions: this.#sessions, accounts: () => this.#accounts(), log: options.log, now: this.#now });
    const reader = (): HqReader | null => {
      const hq = options.hq();
      const store = storeCode();
      return hq && store ? new HqReader({ ...hq, store }) : null;
    };
    this.help = new StoreHelpQueue(options.local, {
      outbox: options.outbox,
      audit: this.audit,
      storeCode,
      source: reader,
      log: options.log,
      onQueued: options.onQueued,
      onUpdated: (update) => options.events.emit('help.updated', update),
      now: this.#now,
      ...(options.helpPollMs ? { pollMs: options.helpPollMs } : {}),
    });
    this.#orders = new StaffOrders(options.local, {
      timeZone: () => {
        const load = options.config();
        return load.ok ? load.config.timeZone : 'UTC';
      },
      source: reader,
      log: options.log,
      now: this.#now,
    });
    // A request made before a restart is still followed for its shopper.
    this.help.follow();
  }

  /** The signed-in staff member's role, for the dispatcher (an expired session ends here). */
  role(): StaffRole | null {
    return this.session()?.role ?? null;
  }

  /**
   * The signed-in staff member, for an assisted order (never taken from the page's input). An account HQ
   * has since removed from this store, or given another role, is signed out here rather than left in.
   */
  session(): StaffSession | null {
    const session = this.#sessions.current();
    if (!session) return null;
    const account = this.#accounts().find((candidate) => candidate.id === session.staffId);
    if (account?.role === session.role) return session;
    this.#sessions.end('config-changed');
    this.audit.record(session.staffId, 'sign-out', { reason: account ? 'role-changed' : 'account-removed' }, this.#now());
    return null;
  }

  /** A staff call succeeded: staff mode lasts its idle time from now. */
  touch(): void {
    this.#sessions.touch();
  }

  /** The configuration changed: whoever was signed in signs in again under the new one. */
  endForConfigChange(): void {
    const ended = this.#sessions.end('config-changed');
    if (ended) this.audit.record(ended.staffId, 'sign-out', { reason: 'config-changed' }, this.#now());
  }

  close(): void {
    this.#sessions.close();
    this.help.close();
  }

  handlers(): StaffHandlers {
    const signedIn = (): StaffSession => {
      const session = this.session();
      // The dispatcher has checked the role; a session that ended since is refused all the same.
      if (!session) throw new KioskError('FORBIDDEN', 'Staff mode has ended');
      return session;
    };
    /** Runs a staff method and moves staff mode's end on when it succeeds. */
    const staff =
      <I, O>(run: (input: I, session: StaffSession) => O | Promise<O>) =>
      async (input: I): Promise<O> => {
        const session = signedIn();
        const output = await run(input, session);
        this.#sessions.touch();
        return output;
      };
    return {
      'help.status': (input) => this.help.status(input.id),
      'staff.accounts': () => this.#signIn.accounts(),
      'staff.badge': (input) => this.#signIn.badge(input.code),
      'staff.signIn': (input) => this.#signIn.signIn(input.accountId, input.pin),
      'staff.signOut': () => {
        const ended = this.#sessions.end('signed-out');
        if (ended) this.audit.record(ended.staffId, 'sign-out', {}, this.#now());
        return { session: null };
      },
      'staff.session': () => ({ session: this.#sessions.touch() }),
      'staff.product': staff((input, session) => {
        const cache = this.#o.cache();
        const load = this.#o.config();
        if (!cache || !load.ok) throw new KioskError('UNAVAILABLE', 'The catalog is not available until the configuration is fixed');
        const output = staffProduct(cache, load.config.store.id, input.styleCode, input.lang);
        // Once per product per session: the page re-reads it on every stock change while it is open.
        const key = `${session.staffId}@${session.startedAt}:${input.styleCode}`;
        if (!this.#viewed.has(key)) {
          if (this.#viewed.size >= 1_000) this.#viewed.clear();
          this.#viewed.add(key);
          this.audit.record(session.staffId, 'view-staff-detail', { styleCode: input.styleCode }, this.#now());
        }
        return output;
      }),
      'staff.helpQueue': staff(() => this.help.queue()),
      'staff.updateHelp': staff((input, session) => this.help.update(input.id, input.status, { id: session.staffId, name: session.name })),
      'staff.orders': staff(() => this.#orders.list()),
      'staff.health': staff((_input, session) =>
        healthReport({
          app: this.#o.app,
          startedAt: this.#startedAt,
          now: this.#now(),
          dataDir: this.#o.dataDir,
          databases: this.#o.databaseFiles(),
          sync: this.#o.syncStatus(),
          outbox: this.#o.outboxStatus(),
          config: this.#o.config(),
          can: {
            restart: !!this.#o.host?.restart,
            exitKiosk: !!this.#o.host?.exitKiosk && session.role === 'it',
            exportToUsb: writableRoot(usbRoots(this.#o.host ?? {})) !== null,
          },
        }),
      ),
      'staff.action': staff((input, session) => {
        const load = this.#o.config();
        return runStaffAction(input.action, {
          session,
          audit: this.audit,
          host: this.#o.host ?? {},
          dataDir: this.#o.dataDir,
          store: load.ok ? load.config.store.id : null,
          sync: this.#o.sync(),
          hq: this.#o.hq(),
          now: this.#now(),
        });
      }),
    };
  }

  /** HQ's settings as last parsed, by their text: every staff call checks the account, and most find them unchanged. */
  #parsed: { raw: string | undefined; staff: StaffSettings } | null = null;

  #settings(): StaffSettings | null {
    const cache = this.#o.cache();
    if (!cache) return null;
    const raw = (cache.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META.settings) as string | undefined) ?? undefined;
    if (this.#parsed && this.#parsed.raw === raw && raw !== undefined) return this.#parsed.staff;
    const staff = readSettings(cache, this.#now()).settings.staff;
    this.#parsed = { raw, staff };
    return staff;
  }

  #accounts(): StaffAccount[] {
    const load = this.#o.config();
    const settings = this.#settings();
    return load.ok && settings ? accountsFor(settings, load.config.store.id) : [];
  }
}
