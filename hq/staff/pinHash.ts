import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { PinHash } from '../../shared/sync/entities';

/** scrypt's cost for staff PINs: 2^15 takes a pillar tens of milliseconds per try, an attacker with hq.db's hashes far longer per guess. */
export const PIN_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** What a staff PIN looks like: 4–8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;

/**
 * A staff PIN as HQ publishes it (`Settings.staff`): scrypt with a salt of its own per account. A random
 * salt unless one is given — only the demo chain gives one, so its snapshots stay the same from run to run.
 * Synchronous: it runs once per account, in the CLI or at demo build time, never per request.
 */
export function hashPin(pin: string, options: { salt?: Buffer; N?: number } = {}): PinHash {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('A staff PIN must be 4–8 digits');
  const salt = options.salt ?? randomBytes(SALT_BYTES);
  if (salt.length < SALT_BYTES) throw new RangeError(`A PIN's salt must be at least ${SALT_BYTES} bytes`);
  const N = options.N ?? PIN_SCRYPT.N;
  const hash = scryptSync(pin, salt, KEY_BYTES, { N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p, maxmem: scryptMaxmem(N, PIN_SCRYPT.r) });
  return PinHash.parse({ kdf: 'scrypt', N, r: PIN_SCRYPT.r, p: PIN_SCRYPT.p, salt: salt.toString('base64'), hash: hash.toString('base64') });
}

/**
 * The memory scrypt needs (128·N·r bytes) with room to spare: Node's default cap (32 MiB) is exactly what
 * N = 2^15, r = 8 needs, and OpenSSL refuses it. Whoever verifies a PIN passes the same.
 */
export function scryptMaxmem(N: number, r: number): number {
  return 2 * 128 * N * r;
}

/** The SHA-256 (hex) of a staff badge's barcode, as `StaffAccount.badge` holds it. */
export function badgeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}
