import type { Database, Statement } from 'better-sqlite3';
import { Settings, type StaffSettings } from '../../shared/sync/entities';
import { HelpUpdate, StaffAction, type HelpQueue } from '../../shared/sync/staff';
import type { Receipt } from '../../shared/sync/upstream';
import { EVERY_REGION, type LogWriter } from './changeLog';
import { entityJson } from './entityJson';
import { type Issues, parsed } from './issues';
import { HelpDesk, StaffActions } from './staffRecords';
import { type Answer, type ClaimedRequest, type ListQuery, type Page, type PublishResult, StoreInputError } from './store';
import type { Recorded } from './upstreamKeys';

/** A staff action as HQ holds it: as sent, with the pillar that sent it (null for the admin token) and when HQ received it. */
export type StoredStaffAction = StaffAction & { kioskId: string | null; receivedAt: number };

/**
 * HQ's side of staff mode (issue 8): the staff accounts it publishes in `Settings.staff`, the audit trail
 * of staff actions and the store's "call staff" queue. The upstream methods take a claimed request, as the
 * other `receive*` methods of `HqStore` do: the row and its answer commit together.
 */
export interface StaffStore {
  receiveStaffAction(action: StaffAction, claim: ClaimedRequest): Promise<Answer<Receipt>>;
  /** Newest first, paged as the other lists. */
  listStaffActions(query: ListQuery): Promise<Page<StoredStaffAction>>;
  /** The store a help request was made in; null when HQ has none with this id. */
  helpRequestStore(requestId: string): Promise<string | null>;
  /**
   * Moves a help request forward (open → acknowledged → resolved) and records who did it, by the display
   * name the published settings give the staff id. An update that would not move it forward is recorded and
   * changes nothing; the answer is the same receipt either way.
   */
  receiveHelpUpdate(update: HelpUpdate, claim: ClaimedRequest): Promise<Answer<Receipt>>;
  /** The store's help requests received at or after `since`, newest first. */
  helpQueue(storeCode: string, since: number): Promise<HelpQueue>;
  /** The published settings, or null before any were. */
  settings(): Promise<Settings | null>;
  /**
   * Changes the published staff accounts in one transaction (read, change, validate, publish): the pillars
   * take them through the settings feed. `change` may throw a `StoreInputError`: nothing is kept. Throws
   * `StoreInputError` when no settings are published yet.
   */
  updateStaff(change: (staff: StaffSettings) => StaffSettings): Promise<PublishResult>;
}

export interface StaffStoreHooks {
  /** The store's upstream step: the claim still held, the row and the answer in one transaction. */
  receive<T>(claim: ClaimedRequest, apply: () => Answer<T>): Promise<Answer<T>>;
  /** The store's logged write: rows and change log entries in one transaction. */
  write(body: (log: LogWriter, issues: Issues) => void): Promise<PublishResult>;
  /** Throws once the store is closed. */
  open(): void;
}

export class SqliteStaffStore implements StaffStore {
  readonly #actions: StaffActions;
  readonly #help: HelpDesk;
  readonly #hooks: StaffStoreHooks;
  readonly #s: Record<'settings' | 'putSettings', Statement>;

  constructor(db: Database, hooks: StaffStoreHooks) {
    this.#actions = new StaffActions(db);
    this.#help = new HelpDesk(db);
    this.#hooks = hooks;
    this.#s = {
      settings: db.prepare('SELECT data FROM settings WHERE id = 1').pluck(),
      putSettings: db.prepare('INSERT INTO settings (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
    };
  }

  async receiveStaffAction(input: StaffAction, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    return this.#hooks.receive(claim, () => this.#actions.insert(parsed(StaffAction, input, 'The staff action was refused'), claim));
  }

  async listStaffActions(query: ListQuery): Promise<Page<StoredStaffAction>> {
    this.#hooks.open();
    const limit = Number.isInteger(query.limit) ? Math.min(500, Math.max(1, query.limit)) : 100;
    return this.#actions.list({ ...query, limit });
  }

  async helpRequestStore(requestId: string): Promise<string | null> {
    this.#hooks.open();
    return this.#help.storeOf(requestId);
  }

  async receiveHelpUpdate(input: HelpUpdate, claim: ClaimedRequest): Promise<Answer<Receipt>> {
    return this.#hooks.receive(claim, () => this.#help.update(parsed(HelpUpdate, input, 'The help request update was refused'), claim));
  }

  async helpQueue(storeCode: string, since: number): Promise<HelpQueue> {
    this.#hooks.open();
    return this.#help.queue(storeCode, since);
  }

  async settings(): Promise<Settings | null> {
    this.#hooks.open();
    const json = this.#s.settings.get() as string | undefined;
    return json === undefined ? null : Settings.parse(JSON.parse(json));
  }

  /** As `HqStore.putSettings`, with the read in the same IMMEDIATE transaction: two changes at once never lose one. */
  updateStaff(change: (staff: StaffSettings) => StaffSettings): Promise<PublishResult> {
    return this.#hooks.write((log) => {
      const json = this.#s.settings.get() as string | undefined;
      if (json === undefined) throw new StoreInputError('HQ has no settings published yet: publish them first (PUT /v1/settings, or start HQ with --demo)', [{ path: 'settings', message: 'none published yet' }]);
      const current = Settings.parse(JSON.parse(json));
      const settings = parsed(Settings, { ...current, staff: change(current.staff) }, 'The staff accounts were refused');
      const next = entityJson(settings);
      if (next === json) return;
      this.#s.putSettings.run(next);
      log.add({ type: 'settings', scope: EVERY_REGION, payload: next });
    });
  }

  recorded(kind: 'staff-action' | 'help-update', id: string): Recorded | null {
    return kind === 'staff-action' ? this.#actions.recorded(id) : this.#help.recorded(id);
  }
}
