import { createHash, randomBytes } from 'node:crypto';
import { CROCKFORD_DIGITS } from '../../shared/sync/coupons';

/**
 * A new enrolment code, `ENR-XXXX-XXXX-XXXX`: 60 bits of `crypto.randomBytes` in twelve Crockford digits.
 * It is good for one pillar and a few days, and HQ keeps only its SHA-256 (`enrolCodeHash`).
 */
export function mintEnrolCode(): string {
  // Eight bytes, of which the low 60 bits are kept: a bigint, since 60 bits do not fit a plain number exactly.
  let value = randomBytes(8).readBigUInt64BE(0) & ((1n << 60n) - 1n);
  let digits = '';
  for (let i = 0; i < 12; i++) {
    digits = CROCKFORD_DIGITS.charAt(Number(value % 32n)) + digits;
    value /= 32n;
  }
  return `ENR-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

/** What HQ stores of a code (in its one written form, see `normaliseEnrolCode`). */
export function enrolCodeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
