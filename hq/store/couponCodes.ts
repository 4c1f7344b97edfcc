import { randomBytes } from 'node:crypto';
import { COUPON_CODE, CROCKFORD_DIGITS, couponCheckCharacter } from '../../shared/sync/coupons';

/** A code's random part: 40 bits, eight Crockford digits. About a trillion codes, so guessing one is hopeless. */
export const COUPON_CODE_BITS = 40;
const DIGITS = 8;

/** `PLR-XXXX-XXXX-C` for a 40-bit value: its eight Crockford digits, most significant first, and the check character. */
export function couponCodeOf(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** COUPON_CODE_BITS) throw new RangeError(`a coupon code's value is a whole number below 2^${COUPON_CODE_BITS}`);
  let digits = '';
  let rest = value;
  for (let i = 0; i < DIGITS; i++) {
    digits = CROCKFORD_DIGITS.charAt(rest % 32) + digits;
    rest = Math.floor(rest / 32);
  }
  const data = `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return `PLR-${data}-${couponCheckCharacter(data) ?? ''}`;
}

/** A new code from 40 bits of `crypto.randomBytes`. Only HQ mints: a pillar never creates a code. */
export function mintCouponCode(): string {
  // Five bytes are 40 bits: below 2^53, so a plain number holds them exactly.
  const value = randomBytes(5).reduce((sum, byte) => sum * 256 + byte, 0);
  return couponCodeOf(value);
}

/**
 * A code as a till may send it — typed in lower case, with spaces or without hyphens, with Crockford's
 * look-alikes (O for 0, I or L for 1) — in its one written form, or null when it cannot be one. The
 * check character is not looked at here.
 */
export function normaliseCouponCode(text: string): string | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  let compact = text.toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('PLR')) compact = compact.slice(3);
  if (compact.length !== DIGITS + 1) return null;
  const plain = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `PLR-${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
  return COUPON_CODE.test(code) ? code : null;
}

/** What a log line may say about a code: its last two characters (`…D8`), never enough to use it. */
export function codeHint(code: string): string {
  return `…${code.replaceAll('-', '').slice(-2)}`;
}
