import { randomBytes } from 'node:crypto';

/** Crockford's base32: digits and letters without I, L, O and U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new order code, `XXXX-XXXX`: 40 random bits from the OS's CSPRNG, minted on the pillar so the shopper
 * has it even while HQ is down. HQ keeps codes unique per store and answers CODE_TAKEN on the rare clash
 * (about one in a million among a store's first 1,500 orders); the outbox then mints another.
 */
export function mintOrderCode(random: (bytes: number) => Buffer = randomBytes): string {
  const bytes = random(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
