import { createHash, scrypt, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type PinHash, Settings } from '../../shared/sync/entities';
import { demoSettings } from '../demo';
import { DEMO_STAFF, demoSalt } from './demoStaff';
import { hashPin, scryptMaxmem } from './pinHash';

/** What a pillar does with a typed PIN: scrypt with the published parameters, compared in constant time. */
function verify(pin: string, hash: PinHash): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const expected = Buffer.from(hash.hash, 'base64');
    scrypt(pin, Buffer.from(hash.salt, 'base64'), expected.length, { N: hash.N, r: hash.r, p: hash.p, maxmem: scryptMaxmem(hash.N, hash.r) }, (error, key) => {
      if (error) reject(error);
      else resolve(timingSafeEqual(key, expected));
    });
  });
}

describe('hashPin', () => {
  it('hashes with scrypt N=2^15, r=8, p=1, a random 16-byte salt and a 32-byte key that the PIN verifies against', async () => {
    const first = hashPin('2580');
    const second = hashPin('2580');
    expect(first).toMatchObject({ kdf: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(first.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(first.hash, 'base64')).toHaveLength(32);
    expect(first.salt).not.toBe(second.salt);
    expect(first.hash).not.toBe(second.hash);
    expect(await verify('2580', first)).toBe(true);
    expect(await verify('2581', first)).toBe(false);
  });

  it('refuses what is not a PIN of 4–8 digits and a salt shorter than 16 bytes', () => {
    for (const pin of ['123', '123456789', '12a4', ' 1234', '']) expect(() => hashPin(pin), pin).toThrow(/4–8 digits/);
    expect(() => hashPin('1234', { salt: Buffer.alloc(8) })).toThrow(/16 bytes/);
  });
});

describe('the demo staff', () => {
  const now = Date.UTC(2026, 5, 1);

  it('are published with the demo settings, which parse as Settings, for every store, idle after 120 s', () => {
    const { staff } = Settings.parse(demoSettings(now));
    expect(staff.idleSeconds).toBe(120);
    expect(staff.accounts.map(({ id, name, role, stores }) => ({ id, name, role, stores }))).toEqual([
      { id: 'S-1001', name: 'Alex S.', role: 'staff', stores: [] },
      { id: 'M-2001', name: 'Maja M.', role: 'manager', stores: [] },
      { id: 'IT-3001', name: 'Ivo T.', role: 'it', stores: [] },
    ]);
    const [alex, maja, ivo] = staff.accounts;
    expect(alex?.badge).toBe(createHash('sha256').update('STAFF-1001').digest('hex'));
    expect(maja?.badge).toBeUndefined();
    expect(ivo?.badge).toBeUndefined();
  });

  it("each PIN of the README verifies against its account's hash, and no other account's", async () => {
    const { accounts } = Settings.parse(demoSettings(now)).staff;
    for (const [index, member] of DEMO_STAFF.entries()) {
      const account = accounts[index]!;
      expect(account.pin).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
      expect(await verify(member.pin, account.pin), member.id).toBe(true);
      const other = DEMO_STAFF[(index + 1) % DEMO_STAFF.length]!;
      expect(await verify(other.pin, account.pin), `${other.pin} at ${member.id}`).toBe(false);
    }
  });

  it('are the same on every build (salts derived from the staff id), each account with its own salt', () => {
    const { accounts } = demoSettings(now).staff;
    for (const [index, member] of DEMO_STAFF.entries()) {
      const salt = demoSalt(member.id);
      expect(accounts[index]?.pin).toEqual(hashPin(member.pin, { salt }));
    }
    expect(new Set(accounts.map((account) => account.pin.salt)).size).toBe(3);
  });
});
