import { createHash } from 'node:crypto';
import type { StaffAccount, StaffSettings } from '../../shared/sync/entities';
import { badgeHash, hashPin } from './pinHash';

/**
 * The demo chain's staff, published for every demo store (`stores: []`). Their PINs are printed in the root
 * README's "Staff mode" section, so a newcomer's `npm start` can try every role: never use them for real.
 */
export const DEMO_STAFF = [
  { id: 'S-1001', name: 'Alex S.', role: 'staff', pin: '2580', badge: 'STAFF-1001' },
  { id: 'M-2001', name: 'Maja M.', role: 'manager', pin: '1379' },
  { id: 'IT-3001', name: 'Ivo T.', role: 'it', pin: '4826' },
] as const satisfies readonly { id: string; name: string; role: StaffAccount['role']; pin: string; badge?: string }[];

export const DEMO_IDLE_SECONDS = 120;

let accounts: StaffAccount[] | null = null;

/**
 * `Settings.staff` for the demo chain. Hashed once per process (scrypt is slow on purpose). DEMO ONLY: each
 * salt is derived from the staff id instead of drawn at random, so the demo's settings — and so its
 * snapshots — are the same on every run. Real accounts get random salts (`npm run hq -- staff add`).
 */
export function demoStaffSettings(): StaffSettings {
  accounts ??= DEMO_STAFF.map((member) => ({
    id: member.id,
    name: member.name,
    role: member.role,
    pin: hashPin(member.pin, { salt: demoSalt(member.id) }),
    ...('badge' in member ? { badge: badgeHash(member.badge) } : {}),
    stores: [],
  }));
  return { accounts: accounts.map((account) => ({ ...account, pin: { ...account.pin }, stores: [...account.stores] })), idleSeconds: DEMO_IDLE_SECONDS };
}

/** DEMO ONLY: a salt any run derives alike from the staff id. */
export function demoSalt(staffId: string): Buffer {
  return createHash('sha256').update(`pillar demo staff salt\u0000${staffId}`).digest().subarray(0, 16);
}
