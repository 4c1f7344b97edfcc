import { z } from 'zod';
import { HelpStatus, StaffRole } from '../sync/staff';
import { OrderCode, OrderStatus } from '../sync/upstream';
import { StyleCode } from './catalog';
import { OutboxStatus } from './orders';
import { SyncStatus } from './sync';
import { LanguageSchema } from './system';

/**
 * Staff mode (issue 8). The staff session lives in the kiosk core, never in the page: a staff method called
 * without a signed-in account of a high enough role answers `FORBIDDEN`, whatever the page claims. One
 * pillar has one screen, so there is at most one staff session at a time; it ends with a tap, after
 * `Settings.staff.idleSeconds` without a staff call, or when the configuration changes.
 */

export { HelpStatus, StaffRole };

/** Who can sign in here, for the PIN pad's "Who are you?" (no PIN hashes, no badge hashes). */
export const StaffAccountsOutput = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string(), role: StaffRole })),
  /** Set while wrong PINs have locked the pad: when it opens again (epoch ms). */
  lockedUntil: z.number().int().nullable(),
});
export type StaffAccountsOutput = z.infer<typeof StaffAccountsOutput>;

/** A badge scanned at the pillar (the scanner's code): which account it is, if any. */
export const BadgeInput = z.object({ code: z.string().min(4).max(64) }).strict();
export const BadgeOutput = z.object({ account: z.object({ id: z.string(), name: z.string() }).nullable() });

export const SignInInput = z
  .object({
    accountId: z.string().min(1).max(64),
    pin: z.string().regex(/^\d{4,8}$/, 'must be 4–8 digits'),
  })
  .strict();

export const StaffSession = z.object({
  staffId: z.string(),
  name: z.string(),
  role: StaffRole,
  startedAt: z.number().int(),
  /** Staff mode ends at this time unless a staff call comes first (each one moves it on). */
  expiresAt: z.number().int(),
});
export type StaffSession = z.infer<typeof StaffSession>;

export const SignInOutput = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed-in'), session: StaffSession }),
  /** Wrong PIN: tries left before the pad locks (0 = it locked now). */
  z.object({ state: z.literal('wrong-pin'), attemptsLeft: z.number().int().nonnegative(), lockedUntil: z.number().int().nullable() }),
  /** Too many wrong PINs: the pad refuses every PIN, right or wrong, until then (the delay grows with each lockout). */
  z.object({ state: z.literal('locked'), lockedUntil: z.number().int() }),
]);
export type SignInOutput = z.infer<typeof SignInOutput>;

export const SessionOutput = z.object({ session: StaffSession.nullable() });

/** Staff detail for a product: the exact counts shoppers never see. */
export const StaffProductInput = z.object({ styleCode: StyleCode, lang: LanguageSchema }).strict();
export const StaffProductOutput = z.object({
  styleCode: z.string(),
  variants: z.array(
    z.object({
      sku: z.string(),
      gtin: z.string().nullable(),
      colour: z.string(),
      colourName: z.string(),
      size: z.string(),
      /** Exact quantities: this store first, then other stores nearest first, then the warehouse(s). */
      stock: z.array(
        z.object({
          location: z.string(),
          name: z.string(),
          kind: z.enum(['this-store', 'store', 'warehouse']),
          quantity: z.number().int().nonnegative(),
          distanceKm: z.number().nonnegative().nullable(),
          /** When HQ last counted it (epoch ms). */
          changedAt: z.number().int(),
        }),
      ),
      /** Deliveries on their way to this store, when HQ publishes them (empty otherwise). */
      incoming: z.array(z.object({ quantity: z.number().int().positive(), expectedOn: z.iso.date() })),
    }),
  ),
});
export type StaffProductOutput = z.infer<typeof StaffProductOutput>;

export const HelpRequestView = z.object({
  id: z.uuid(),
  /** `this-pillar` for requests made here; otherwise the pillar's id at HQ. */
  kiosk: z.string(),
  at: z.number().int(),
  /** Where the shopper was: `product:NV-10042`, `checkout`, … */
  screen: z.string(),
  status: HelpStatus,
  by: z.string().nullable(),
  changedAt: z.number().int(),
  /** Not yet at HQ (HQ unreachable): only this pillar's staff can see it so far. */
  localOnly: z.boolean(),
});
export type HelpRequestView = z.infer<typeof HelpRequestView>;

export const HelpQueueOutput = z.object({
  requests: z.array(HelpRequestView),
  /** When the store's queue was last read from HQ; null when never (offline: this pillar's requests only). */
  fetchedAt: z.number().int().nullable(),
});
export type HelpQueueOutput = z.infer<typeof HelpQueueOutput>;

export const HelpUpdateInput = z.object({ id: z.uuid(), status: z.enum(['acknowledged', 'resolved']) }).strict();

/** The shopper's own request, for the "someone is on their way" line on the pillar it was made at. */
export const HelpStatusInput = z.object({ id: z.uuid() }).strict();
export const HelpStatusOutput = z.object({ id: z.uuid(), status: HelpStatus, by: z.string().nullable() });

export const StaffOrdersOutput = z.object({
  orders: z.array(
    z.object({
      id: z.uuid(),
      code: OrderCode,
      placedAt: z.number().int(),
      totalMinor: z.number().int(),
      currency: z.string(),
      lines: z.number().int(),
      /** Lines held at a store, and where ("Drottninggatan until Sat 18:00"). */
      holds: z.array(z.object({ store: z.string(), name: z.string(), until: z.number().int() })),
      delivers: z.boolean(),
      payment: z.enum(['till', 'phone']),
      /** On its way to HQ, acknowledged, or refused by HQ (flagged for staff, with HQ's reason). */
      delivery: z.enum(['pending', 'delivered', 'rejected']),
      deliveryError: z.string().nullable(),
      /** HQ's status once it has the order, as last read from HQ; null before. */
      status: OrderStatus.nullable(),
      assistedBy: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** When statuses were last read from HQ; null when never. */
  statusesAt: z.number().int().nullable(),
});
export type StaffOrdersOutput = z.infer<typeof StaffOrdersOutput>;

export const HealthOutput = z.object({
  app: z.object({ name: z.string(), version: z.string(), runtime: z.string(), uptimeSeconds: z.number().int() }),
  sync: SyncStatus,
  outbox: OutboxStatus,
  /** The configuration in use, secrets replaced by `[hidden]`. */
  config: z.object({ path: z.string().nullable(), values: z.record(z.string(), z.unknown()) }),
  disk: z.object({ freeBytes: z.number().int().nullable(), totalBytes: z.number().int().nullable() }),
  databases: z.array(z.object({ name: z.string(), bytes: z.number().int() })),
  /** The newest log lines (structured, already free of personal data), oldest first. */
  logLines: z.array(z.string()).max(200),
  /** What this host can do (the preview host cannot restart an app or leave kiosk mode). */
  can: z.object({ restart: z.boolean(), exitKiosk: z.boolean(), exportToUsb: z.boolean() }),
});
export type HealthOutput = z.infer<typeof HealthOutput>;

/** Manager: sync now, resnapshot, restart, export logs. IT also: exit kiosk mode. */
export const StaffActionInput = z
  .object({
    action: z.enum(['sync-now', 'resnapshot', 'restart-app', 'exit-kiosk', 'export-logs-usb', 'export-logs-hq']),
  })
  .strict();
export const StaffActionOutput = z.object({
  done: z.boolean(),
  /** What happened, in English for the log; the UI words it by `action` and `done`. */
  message: z.string(),
  /** Export to USB: the folder written. */
  path: z.string().optional(),
});
export type StaffActionOutput = z.infer<typeof StaffActionOutput>;
