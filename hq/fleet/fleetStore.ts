import type { Database, Statement } from 'better-sqlite3';
import { Location, Settings } from '../../shared/sync/entities';
import { AppVersion, type DevicePlatform, type EnrolRequest, Heartbeat } from '../../shared/sync/fleet';
import { enrolCodeHash, mintEnrolCode } from '../enrol/codes';
import { StoreInputError } from '../store/store';
import { StoreTokens } from '../store/tokens';
import type { Rollout } from './rollout';

/** How many heartbeats HQ keeps per pillar (about an hour at one a minute). */
export const HEARTBEAT_HISTORY = 60;
/** An enrolment code is good for at most this long. */
export const MAX_ENROL_HOURS = 24 * 30;

export type EnrolOutcome =
  | { ok: true; kioskId: string; token: string; storeCode: string; label: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface PillarRecord {
  kioskId: string;
  storeCode: string;
  /** Null when HQ no longer publishes the store. */
  location: Location | null;
  label: string | null;
  device: { hostname: string; platform: DevicePlatform; enrolledAt: number } | null;
  last: { heartbeat: Heartbeat; receivedAt: number } | null;
}

/**
 * HQ's record of its fleet (issue 9), in hq.db beside the pillar tokens: enrolment codes, the pillars
 * they created, heartbeats and rollouts. Synchronous SQLite behind async methods, like `HqStore`.
 */
export interface FleetStore {
  /** A new one-time code for a pillar of this store; only its hash is kept. `StoreInputError` for an unknown store or a bad label or validity. */
  createEnrolCode(input: { store: string; label?: string; validHours: number }, now: number): Promise<{ code: string; expiresAt: number }>;
  /** Exchanges a code (in its written form) for a new pillar with its own token, in one transaction: the code is then used. */
  enrol(code: string, device: EnrolRequest['device'], now: number): Promise<EnrolOutcome>;
  /** The store as HQ publishes it and the chain's settings, for a pillar's configuration; null for an unknown store. */
  storeOf(storeCode: string): Promise<{ location: Location; settings: Settings | null } | null>;
  /** Keeps a pillar's heartbeat (and the newest `HEARTBEAT_HISTORY` before it). */
  recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: number): Promise<void>;
  /** A pillar's newest heartbeats, newest first. */
  heartbeats(kioskId: string, limit?: number): Promise<{ heartbeat: Heartbeat; receivedAt: number }[]>;
  /** Every pillar whose token is not revoked, by store then by when it was created. */
  pillars(): Promise<PillarRecord[]>;
  /** Records a rollout; it is in force for its channel from now. `StoreInputError` for bad input or an unknown store. */
  recordRollout(input: { version: string; percent: number; stores: readonly string[]; channel: string }, now: number): Promise<Rollout>;
  /** A channel's rollouts, oldest first. */
  rollouts(channel: string): Promise<Rollout[]>;
}

/** electron-updater's channel names: its files are `<channel>.yml`, `<channel>-linux.yml`, `<channel>-mac.yml`. */
export const CHANNEL = /^[a-z][a-z0-9-]{0,31}$/;

const KIOSK_ID = /^kiosk-(\d{1,15})$/;

export function kioskTokenId(kioskId: string): number | null {
  const match = KIOSK_ID.exec(kioskId);
  return match?.[1] === undefined ? null : Number(match[1]);
}

type Statements = Record<
  'store' | 'settings' | 'insertCode' | 'codeByHash' | 'useCode' | 'insertDevice' | 'insertHeartbeat' | 'trimHeartbeats' | 'heartbeats' | 'pillars' | 'insertRollout' | 'rollouts',
  Statement
>;

export class SqliteFleetStore implements FleetStore {
  readonly #db: Database;
  readonly #tokens: StoreTokens;
  readonly #s: Statements;

  constructor(db: Database) {
    this.#db = db;
    this.#tokens = new StoreTokens(db, 'kiosk');
    this.#s = {
      store: db.prepare("SELECT data FROM locations WHERE code = ? AND kind = 'store'").pluck(),
      settings: db.prepare('SELECT data FROM settings WHERE id = 1').pluck(),
      insertCode: db.prepare('INSERT INTO enrol_codes (code_sha256, store_code, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      codeByHash: db.prepare('SELECT store_code AS storeCode, label, expires_at AS expiresAt, used_at AS usedAt FROM enrol_codes WHERE code_sha256 = ?'),
      useCode: db.prepare('UPDATE enrol_codes SET used_at = ?, kiosk_token_id = ? WHERE code_sha256 = ? AND used_at IS NULL'),
      insertDevice: db.prepare('INSERT INTO kiosk_devices (kiosk_token_id, hostname, platform, app_version, enrolled_at) VALUES (?, ?, ?, ?, ?)'),
      insertHeartbeat: db.prepare('INSERT INTO heartbeats (kiosk_token_id, received_at, data) VALUES (?, ?, ?)'),
      trimHeartbeats: db.prepare('DELETE FROM heartbeats WHERE kiosk_token_id = ? AND id < (SELECT id FROM heartbeats WHERE kiosk_token_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)'),
      heartbeats: db.prepare('SELECT received_at AS receivedAt, data FROM heartbeats WHERE kiosk_token_id = ? ORDER BY id DESC LIMIT ?'),
      pillars: db.prepare(`
        SELECT t.id, t.store_code AS storeCode, t.label, l.data AS location,
               d.hostname, d.platform, d.enrolled_at AS enrolledAt, h.received_at AS receivedAt, h.data AS heartbeat
        FROM kiosk_tokens t
        LEFT JOIN locations l ON l.code = t.store_code AND l.kind = 'store'
        LEFT JOIN kiosk_devices d ON d.kiosk_token_id = t.id
        LEFT JOIN heartbeats h ON h.id = (SELECT max(id) FROM heartbeats WHERE kiosk_token_id = t.id)
        WHERE t.revoked_at IS NULL
        ORDER BY t.store_code, t.id`),
      insertRollout: db.prepare('INSERT INTO rollouts (channel, version, percent, stores, created_at) VALUES (?, ?, ?, ?, ?)'),
      rollouts: db.prepare('SELECT id, channel, version, percent, stores, created_at AS createdAt FROM rollouts WHERE channel = ? ORDER BY id'),
    };
  }

  async createEnrolCode(input: { store: string; label?: string; validHours: number }, now: number): Promise<{ code: string; expiresAt: number }> {
    if (!this.#s.store.get(input.store)) throw new StoreInputError(`There is no store "${input.store}"`, [{ path: 'store', message: "must be the code of one of the chain's stores" }]);
    if (input.label !== undefined && (input.label.trim() === '' || input.label.length > 120)) {
      throw new StoreInputError('A pillar label is 1–120 characters', [{ path: 'label', message: 'must be 1–120 characters' }]);
    }
    if (!Number.isInteger(input.validHours) || input.validHours < 1 || input.validHours > MAX_ENROL_HOURS) {
      throw new StoreInputError(`An enrolment code is valid for 1–${MAX_ENROL_HOURS} hours`, [{ path: 'validHours', message: `must be a whole number from 1 to ${MAX_ENROL_HOURS}` }]);
    }
    const code = mintEnrolCode();
    const expiresAt = now + input.validHours * 3_600_000;
    this.#s.insertCode.run(enrolCodeHash(code), input.store, input.label?.trim() ?? null, now, expiresAt);
    return { code, expiresAt };
  }

  async enrol(code: string, device: EnrolRequest['device'], now: number): Promise<EnrolOutcome> {
    const hash = enrolCodeHash(code);
    // IMMEDIATE: two pillars racing with one code must not both get a token.
    return this.#db
      .transaction((): EnrolOutcome => {
        const row = this.#s.codeByHash.get(hash) as { storeCode: string; label: string | null; expiresAt: number; usedAt: number | null } | undefined;
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.usedAt !== null) return { ok: false, reason: 'used' };
        if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
        const token = this.#tokens.issue(row.storeCode, row.label ?? undefined, now);
        const holder = this.#tokens.authenticate(token);
        const id = holder ? kioskTokenId(holder.holder) : null;
        if (id === null) throw new Error('a token just issued does not authenticate');
        this.#s.useCode.run(now, id, hash);
        this.#s.insertDevice.run(id, device.hostname, device.platform, device.appVersion, now);
        return { ok: true, kioskId: `kiosk-${id}`, token, storeCode: row.storeCode, label: row.label };
      })
      .immediate();
  }

  async storeOf(storeCode: string): Promise<{ location: Location; settings: Settings | null } | null> {
    const location = this.#s.store.get(storeCode) as string | undefined;
    if (location === undefined) return null;
    const settings = this.#s.settings.get() as string | undefined;
    return { location: Location.parse(JSON.parse(location)), settings: settings === undefined ? null : Settings.parse(JSON.parse(settings)) };
  }

  async recordHeartbeat(kioskId: string, heartbeat: Heartbeat, receivedAt: number): Promise<void> {
    const id = requireKiosk(kioskId);
    this.#db.transaction(() => {
      this.#s.insertHeartbeat.run(id, receivedAt, JSON.stringify(heartbeat));
      this.#s.trimHeartbeats.run(id, id, HEARTBEAT_HISTORY - 1);
    })();
  }

  async heartbeats(kioskId: string, limit = HEARTBEAT_HISTORY): Promise<{ heartbeat: Heartbeat; receivedAt: number }[]> {
    const rows = this.#s.heartbeats.all(requireKiosk(kioskId), limit) as { receivedAt: number; data: string }[];
    return rows.map((row) => ({ receivedAt: row.receivedAt, heartbeat: Heartbeat.parse(JSON.parse(row.data)) }));
  }

  async pillars(): Promise<PillarRecord[]> {
    type Row = { id: number; storeCode: string; label: string | null; location: string | null; hostname: string | null; platform: DevicePlatform | null; enrolledAt: number | null; receivedAt: number | null; heartbeat: string | null };
    return (this.#s.pillars.all() as Row[]).map((row) => ({
      kioskId: `kiosk-${row.id}`,
      storeCode: row.storeCode,
      location: row.location === null ? null : Location.parse(JSON.parse(row.location)),
      label: row.label,
      device: row.hostname !== null && row.platform !== null && row.enrolledAt !== null ? { hostname: row.hostname, platform: row.platform, enrolledAt: row.enrolledAt } : null,
      last: row.heartbeat !== null && row.receivedAt !== null ? { heartbeat: Heartbeat.parse(JSON.parse(row.heartbeat)), receivedAt: row.receivedAt } : null,
    }));
  }

  async recordRollout(input: { version: string; percent: number; stores: readonly string[]; channel: string }, now: number): Promise<Rollout> {
    if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) {
      throw new StoreInputError('A rollout reaches 0–100 percent of the pillars', [{ path: 'percent', message: 'must be a whole number from 0 to 100' }]);
    }
    if (!AppVersion.safeParse(input.version).success) throw new StoreInputError(`"${input.version}" is not a version`, [{ path: 'version', message: 'must be a version such as "1.4.0"' }]);
    if (!CHANNEL.test(input.channel)) throw new StoreInputError(`"${input.channel}" is not a channel name`, [{ path: 'channel', message: 'must be lower-case letters, digits and "-", such as "latest" or "beta"' }]);
    const unknown = input.stores.filter((store) => !this.#s.store.get(store));
    if (unknown.length > 0) throw new StoreInputError(`There is no store ${unknown.map((s) => `"${s}"`).join(', ')}`, unknown.map((store) => ({ path: 'stores', message: `"${store}" is not one of the chain's stores` })));
    const stores = [...new Set(input.stores)].sort();
    const id = Number(this.#s.insertRollout.run(input.channel, input.version, input.percent, JSON.stringify(stores), now).lastInsertRowid);
    return { id, channel: input.channel, version: input.version, percent: input.percent, stores, createdAt: now };
  }

  async rollouts(channel: string): Promise<Rollout[]> {
    type Row = Omit<Rollout, 'stores'> & { stores: string };
    return (this.#s.rollouts.all(channel) as Row[]).map((row) => ({ ...row, stores: JSON.parse(row.stores) as string[] }));
  }
}

function requireKiosk(kioskId: string): number {
  const id = kioskTokenId(kioskId);
  if (id === null) throw new StoreInputError(`"${kioskId}" is not a pillar id`, [{ path: 'kioskId', message: 'must be kiosk-<n>' }]);
  return id;
}
