import { createHash } from 'node:crypto';
import type { StaffAccount, StaffSettings } from '../../../shared/sync/entities';

/** The accounts that may sign in at a pillar of `store`: those naming it, and those naming no store (the chain's IT). */
export function accountsFor(settings: StaffSettings, store: string): StaffAccount[] {
  return settings.accounts.filter((account) => account.stores.length === 0 || account.stores.includes(store));
}

/** The account a scanned badge belongs to (HQ publishes the SHA-256 of each badge's code), if any. */
export function accountByBadge(accounts: readonly StaffAccount[], code: string): StaffAccount | null {
  const digest = createHash('sha256').update(code, 'utf8').digest('hex');
  return accounts.find((account) => account.badge === digest) ?? null;
}
