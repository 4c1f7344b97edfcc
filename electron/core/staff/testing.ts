import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type { PinHash, StaffAccount } from '../../../shared/sync/entities';
import { defaultSettings } from '../orders/settings';
import { META } from '../sync/apply';
import { hashPin } from './pin';

/** The demo staff (as the demo HQ publishes them), hashed cheaply for tests; plus one of another store who must not show. */
export async function demoStaff(home: string): Promise<StaffAccount[]> {
  const quick = (pin: string): Promise<PinHash> => hashPin(pin, { N: 2 ** 14 });
  return [
    { id: 'S-1001', name: 'Alex S.', role: 'staff', pin: await quick('2580'), badge: createHash('sha256').update('STAFF-1001').digest('hex'), stores: [home] },
    { id: 'M-2001', name: 'Maja M.', role: 'manager', pin: await quick('1379'), stores: [home] },
    { id: 'IT-3001', name: 'Ivo T.', role: 'it', pin: await quick('4826'), stores: [] },
    { id: 'S-9009', name: 'Elsewhere E.', role: 'manager', pin: await quick('0000'), stores: ['no-such-store'] },
  ];
}

/** Writes staff settings into a cache file as sync from HQ would (the settings row of its meta). */
export function writeStaffSettings(cacheFile: string, accounts: StaffAccount[], idleSeconds = 120): void {
  const db = new Database(cacheFile);
  const settings = { ...defaultSettings(Date.now()), staff: { accounts, idleSeconds } };
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(META.settings, JSON.stringify(settings));
  db.close();
}
