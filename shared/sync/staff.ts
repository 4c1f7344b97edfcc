import { z } from 'zod';
import { Code, LocationCode, StaffRole, type StaffAccount, type StaffSettings, STAFF_ROLE_RANK } from './entities';

export { StaffRole, STAFF_ROLE_RANK, type StaffAccount, type StaffSettings };

/**
 * What pillars send HQ about staff — their actions (an audit trail) and the store's "call staff" queue —
 * and HQ's answer with the queue. The accounts themselves travel in `Settings.staff` (entities.ts).
 */

/**
 * What staff did at a pillar (upstream kind `staff-action`): who, what, when. `detail` names things by id
 * and code (an order code, a help request id, a style code), never a shopper's personal data.
 */
export const StaffActionKind = z.enum([
  'sign-in',
  'sign-in-failed',
  'locked-out',
  'sign-out',
  'view-staff-detail',
  'place-assisted-order',
  'help-acknowledge',
  'help-resolve',
  'sync-now',
  'resnapshot',
  'restart-app',
  'exit-kiosk',
  'export-logs',
]);
export type StaffActionKind = z.infer<typeof StaffActionKind>;

export const StaffAction = z.object({
  id: z.uuid(),
  store: LocationCode,
  /** The staff id; null for a failed sign-in or a lockout (no account was proven). */
  staffId: Code.nullable(),
  action: StaffActionKind,
  at: z.number().int().positive(),
  detail: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).default({}),
});
export type StaffAction = z.infer<typeof StaffAction>;

export const HelpStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type HelpStatus = z.infer<typeof HelpStatus>;

/** A staff member took (`acknowledged`) or closed (`resolved`) a "call staff" request (upstream kind `help-update`). */
export const HelpUpdate = z.object({
  /** Its own id (the outbox's idempotency key). */
  id: z.uuid(),
  /** The help request it is about (from any pillar of the store). */
  requestId: z.uuid(),
  store: LocationCode,
  status: HelpStatus.exclude(['open']),
  staffId: Code,
  at: z.number().int().positive(),
});
export type HelpUpdate = z.infer<typeof HelpUpdate>;

/**
 * HQ's answer to `GET /v1/stores/:store/help-requests`: the store's requests of the last 12 hours from
 * every pillar, newest first, with who took them. Pillars poll it for their staff queue and to tell a
 * waiting shopper that someone is on their way.
 */
export const HelpQueue = z.object({
  requests: z
    .array(
      z.object({
        id: z.uuid(),
        /** The pillar it came from (its kiosk id at HQ), so staff know where to walk. */
        kiosk: z.string().max(64),
        at: z.number().int(),
        screen: z.string().max(80),
        status: HelpStatus,
        /** The staff member's display name once acknowledged. */
        by: z.string().max(40).nullable(),
        changedAt: z.number().int(),
      }),
    )
    .max(500),
});
export type HelpQueue = z.infer<typeof HelpQueue>;
