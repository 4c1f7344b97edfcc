import { z } from 'zod';
import { HEX_COLOR } from '../color';
import { LANGUAGES } from '../languages';
import { LocationCode } from './entities';

/**
 * IT's side of the protocol (issue 9): a pillar enrols with a one-time code, then reports its health
 * every minute or so; HQ answers each heartbeat with the version this pillar should run (staged
 * rollout) and shows every pillar on its fleet page (`GET /v1/fleet`, `GET /fleet`).
 *
 *  - `POST /v1/enrol` (public; the code is the key): `EnrolRequest` → `EnrolAnswer`, or 404
 *    `UNKNOWN_CODE`, 409 `CODE_USED`, 410 `CODE_EXPIRED`, 429 `TOO_MANY_ATTEMPTS`.
 *  - `POST /v1/heartbeat` (pillar token): `Heartbeat` → `HeartbeatAnswer`.
 *  - `GET /v1/fleet` (admin token): `Fleet`.
 *  - `GET /v1/updates/<channel file>` (pillar token): electron-updater's generic feed (`latest.yml`,
 *    `latest-linux.yml`, …) of the version HQ decided for this pillar; its file URLs point at
 *    `GET /v1/updates/files/<version>/<name>` (pillar token, byte ranges).
 *  - `POST /v1/kiosks/logs` (pillar token; `Content-Type: application/gzip`, gzip'd JSON lines, at most
 *    `MAX_LOG_UPLOAD_BYTES`): `LogUploadAnswer`.
 */

// ── Enrolment ─────────────────────────────────────────────────────────────────────────────────────

/** `ENR-XXXX-XXXX-XXXX`: 60 random bits in Crockford base32 (no I, L, O or U). */
export const ENROL_CODE = /^ENR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A code as IT may type it — lower case, spaces or no hyphens, O for 0, I or L for 1 — in its one
 * written form, or null when it cannot be one.
 */
export function normaliseEnrolCode(text: string): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  let compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('ENR')) compact = compact.slice(3);
  if (compact.length !== 12) return null;
  const plain = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `ENR-${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
  return ENROL_CODE.test(code) ? code : null;
}

export const DevicePlatform = z.enum(['linux', 'win32', 'darwin']);
export type DevicePlatform = z.infer<typeof DevicePlatform>;

/** A version as electron-builder writes it (semver, optionally with a pre-release such as `-beta.2`). */
export const AppVersion = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}(?:-[0-9A-Za-z.-]{1,40})?$/, 'must be a version such as "1.4.0"');

export const EnrolRequest = z.object({
  /** As typed by IT (`normaliseEnrolCode` is applied by HQ). */
  code: z.string().min(1).max(64),
  device: z.object({
    hostname: z.string().trim().min(1).max(64),
    platform: DevicePlatform,
    appVersion: AppVersion,
  }),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

/**
 * Everything a pillar needs to write its configuration file (electron/core/config/schema.ts), field
 * for field: `store.id/name`, `hq.url/token`, `locale`, `currency`, `timeZone`, `defaultLanguage`,
 * `languages`, `branding`. `token` is this pillar's own secret: shown once, stored by HQ only as a hash.
 */
export const EnrolAnswer = z.object({
  kioskId: z.string().min(1).max(64),
  /** The label IT gave the code (`--label`), for the pillar's own records; null when none. */
  label: z.string().max(120).nullable(),
  token: z.string().min(16).max(512),
  store: z.object({
    id: LocationCode,
    name: z.string().min(1).max(80),
    /** BCP 47, e.g. `sv-SE`. */
    locale: z.string().min(2).max(35),
    /** ISO 4217. */
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** IANA, e.g. `Europe/Stockholm`. */
    timeZone: z.string().min(1).max(64),
    defaultLanguage: z.enum(LANGUAGES),
    languages: z.array(z.enum(LANGUAGES)).min(1),
  }),
  branding: z.object({ name: z.string().min(1).max(40), accent: z.string().regex(HEX_COLOR) }),
  hq: z.object({ url: z.url() }),
});
export type EnrolAnswer = z.infer<typeof EnrolAnswer>;

// ── Heartbeats ────────────────────────────────────────────────────────────────────────────────────

const EpochMs = z.number().int().nonnegative();

export const UpdateState = z.enum(['idle', 'downloading', 'downloaded', 'installing', 'rolled-back', 'failed']);
export type UpdateState = z.infer<typeof UpdateState>;

/** A pillar's health, sent every minute or so (and once at start). Times are the pillar's clock, epoch ms. */
export const Heartbeat = z.object({
  at: EpochMs,
  /** The running app's version. */
  version: AppVersion,
  uptimeSeconds: z.number().int().nonnegative(),
  sync: z.object({
    /** The sync engine's phase as the core names it (`live`, `catching-up`, `snapshot`, `offline`, …). */
    phase: z.string().min(1).max(40),
    /** The live stream is connected. */
    live: z.boolean(),
    cursor: z.number().int().nonnegative(),
    /** HQ's head as the pillar last heard it. */
    head: z.number().int().nonnegative(),
    pendingChanges: z.number().int().nonnegative(),
    /** The last time a sync round reached HQ's head; null when never. */
    lastSuccessAt: EpochMs.nullable(),
  }),
  outbox: z.object({
    pending: z.number().int().nonnegative(),
    /** When the oldest row still waiting was queued; null when the outbox is empty. */
    oldestPendingAt: EpochMs.nullable(),
  }),
  /** Free bytes on the data folder's disk; null when the platform cannot tell. */
  diskFreeBytes: z.number().int().nonnegative().nullable(),
  /** Unclean exits of the app (crashes, renderer gone, watchdog restarts) in the last hour, as the pillar counts them. */
  crashCount: z.number().int().nonnegative(),
  /** The last error the core logged (a message without personal data, at most 500 characters), or null. */
  lastError: z.object({ at: EpochMs, message: z.string().max(500) }).nullable(),
  update: z.object({
    state: UpdateState,
    /** The version being downloaded, installed, or that failed / was rolled back from; null when idle. */
    version: AppVersion.nullable(),
    message: z.string().max(500).nullable(),
  }),
  /** The update channel the pillar follows (electron-updater's `channel`). */
  channel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).default('latest'),
});
export type Heartbeat = z.infer<typeof Heartbeat>;
export type HeartbeatInput = z.input<typeof Heartbeat>;

/** The version HQ wants this pillar to run on its channel; null when HQ has no rollout for it (stay as you are). */
export const RolloutDecision = z.object({ version: AppVersion, channel: z.string().min(1).max(32) });
export type RolloutDecision = z.infer<typeof RolloutDecision>;

export const HeartbeatAnswer = z.object({
  /** HQ's clock when it stored the heartbeat (epoch ms). */
  receivedAt: EpochMs,
  rollout: RolloutDecision.nullable(),
});
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

// ── Fleet ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * - `never-seen`: enrolled (or given a token), no heartbeat yet;
 * - `offline`: no heartbeat for more than 3 minutes;
 * - `failing`: a crash in the last hour, an error in the last 10 minutes, or an update failed / rolled back;
 * - `stale`: the last successful sync or the oldest order waiting in the outbox is more than 15 minutes old;
 * - `healthy`: none of these.
 * The first that applies, in this order, is the state; `reasons` lists every one that applies.
 */
export const FleetState = z.enum(['healthy', 'stale', 'offline', 'failing', 'never-seen']);
export type FleetState = z.infer<typeof FleetState>;

export const FleetEntry = z.object({
  kioskId: z.string(),
  label: z.string().nullable(),
  store: LocationCode,
  storeName: z.string(),
  /** From enrolment; null for a pillar given a token by hand. */
  device: z.object({ hostname: z.string(), platform: DevicePlatform, enrolledAt: EpochMs }).nullable(),
  /** The running version (from the last heartbeat); null when never seen. */
  version: AppVersion.nullable(),
  /** What the staged rollout decides for this pillar; null when no rollout applies. */
  wantedVersion: AppVersion.nullable(),
  state: FleetState,
  /** Why, in plain English for IT; empty when healthy. */
  reasons: z.array(z.string()),
  /** HQ's clock when the last heartbeat arrived; null when never. */
  lastSeenAt: EpochMs.nullable(),
  heartbeat: Heartbeat.nullable(),
});
export type FleetEntry = z.infer<typeof FleetEntry>;

export const Fleet = z.object({
  /** HQ's clock when it answered. */
  at: EpochMs,
  pillars: z.array(FleetEntry),
  counts: z.record(FleetState, z.number().int().nonnegative()),
});
export type Fleet = z.infer<typeof Fleet>;

// ── Logs ──────────────────────────────────────────────────────────────────────────────────────────

/** The biggest gzip'd log export HQ takes. */
export const MAX_LOG_UPLOAD_BYTES = 5 * 1024 * 1024;

export const LogUploadAnswer = z.object({ id: z.string(), bytes: z.number().int().nonnegative(), receivedAt: EpochMs });
export type LogUploadAnswer = z.infer<typeof LogUploadAnswer>;
