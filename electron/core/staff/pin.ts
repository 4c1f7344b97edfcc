import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PinHash } from '../../../shared/sync/entities';

const KEY_BYTES = 32;

/** scrypt needs about 128·N·r bytes; Node refuses more than 32 MiB unless told, and N = 2^20 needs 1 GiB. */
function options(hash: Pick<PinHash, 'N' | 'r' | 'p'>): ScryptOptions {
  return { N: hash.N, r: hash.r, p: hash.p, maxmem: 128 * hash.N * hash.r + 128 * hash.r * hash.p + 1024 * 1024 };
}

function derive(pin: string, salt: Buffer, length: number, hash: Pick<PinHash, 'N' | 'r' | 'p'>): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, length, options(hash), (error, key) => (error ? reject(error) : resolve(key))));
}

/**
 * Whether `pin` is the one `hash` was made from. scrypt runs on libuv's thread pool (the event loop stays
 * free), and the comparison takes the same time wherever the bytes differ. A hash this pillar cannot
 * compute (parameters beyond its memory) answers false rather than throwing.
 */
export async function verifyPin(pin: string, hash: PinHash): Promise<boolean> {
  const expected = Buffer.from(hash.hash, 'base64');
  // A shorter key would be a prefix of the right one: anything but HQ's 32 bytes is not a hash to trust.
  if (expected.length !== KEY_BYTES) return false;
  let actual: Buffer;
  try {
    actual = await derive(pin, Buffer.from(hash.salt, 'base64'), expected.length, hash);
  } catch {
    return false;
  }
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A PIN's hash as HQ publishes it (for tests and tools; HQ makes its own). */
export async function hashPin(pin: string, params: Partial<Pick<PinHash, 'N' | 'r' | 'p'>> = {}): Promise<PinHash> {
  const p = { N: params.N ?? 2 ** 15, r: params.r ?? 8, p: params.p ?? 1 };
  const salt = randomBytes(16);
  const key = await derive(pin, salt, KEY_BYTES, p);
  return { kdf: 'scrypt', ...p, salt: salt.toString('base64'), hash: key.toString('base64') };
}
