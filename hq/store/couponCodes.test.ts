import { describe, expect, it } from 'vitest';
import { COUPON_CODE, CROCKFORD_DIGITS, CouponCode, couponCheckCharacter, couponCodeChecks } from '../../shared/sync/coupons';
import { codeHint, couponCodeOf, mintCouponCode, normaliseCouponCode } from './couponCodes';

/** Crockford's check symbol computed independently: the value as a BigInt, mod 37. */
function referenceCheck(value: number): string {
  return `${CROCKFORD_DIGITS}*~$=U`.charAt(Number(BigInt(value) % 37n));
}

/** The 40-bit value of a code's eight digits, read back. */
function valueOf(code: string): number {
  return [...code.slice(4, 13).replace('-', '')].reduce((sum, char) => sum * 32 + CROCKFORD_DIGITS.indexOf(char), 0);
}

describe('coupon codes', () => {
  it('are PLR-XXXX-XXXX-C: eight Crockford digits of the 40-bit value and its mod-37 check symbol', () => {
    expect(couponCodeOf(0)).toBe('PLR-0000-0000-0');
    expect(couponCodeOf(36)).toBe('PLR-0000-0014-U');
    expect(couponCodeOf(2 ** 40 - 1)).toBe(`PLR-ZZZZ-ZZZZ-${referenceCheck(2 ** 40 - 1)}`);
    for (const value of [1, 31, 32, 37, 1_234_567, 2 ** 39 + 12_345, 987_654_321_098]) {
      const code = couponCodeOf(value);
      expect(code).toMatch(COUPON_CODE);
      expect(valueOf(code)).toBe(value);
      expect(code.slice(-1)).toBe(referenceCheck(value));
    }
    expect(() => couponCodeOf(2 ** 40)).toThrow(RangeError);
    expect(() => couponCodeOf(-1)).toThrow(RangeError);
  });

  it('minted codes pass the shared schema and check, and do not repeat', () => {
    const codes = Array.from({ length: 5_000 }, mintCouponCode);
    for (const code of codes) {
      expect(CouponCode.safeParse(code).success).toBe(true);
      expect(couponCodeChecks(code)).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('the check catches every single wrong character and every swap of two neighbours', () => {
    for (let n = 0; n < 40; n++) {
      const code = mintCouponCode();
      const digits = [...code.slice(4, 13)];
      const positions = digits.flatMap((char, index) => (char === '-' ? [] : [index]));
      for (const at of positions) {
        for (const other of CROCKFORD_DIGITS) {
          if (other === digits[at]) continue;
          const typo = digits.with(at, other).join('');
          expect(couponCodeChecks(`PLR-${typo}-${code.slice(-1)}`), `${digits.join('')} → ${typo}`).toBe(false);
        }
      }
      for (let i = 0; i + 1 < positions.length; i++) {
        const [a, b] = [positions[i]!, positions[i + 1]!];
        if (digits[a] === digits[b]) continue;
        const swapped = digits.with(a, digits[b]!).with(b, digits[a]!).join('');
        expect(couponCodeChecks(`PLR-${swapped}-${code.slice(-1)}`)).toBe(false);
      }
    }
  });

  it('the shared check character ignores hyphens and refuses non-Crockford digits', () => {
    expect(couponCheckCharacter('0000-0014')).toBe('U');
    expect(couponCheckCharacter('00000014')).toBe('U');
    expect(couponCheckCharacter('0000-001I')).toBeNull();
    expect(couponCodeChecks('PLR-0000-0014-0')).toBe(false);
    expect(couponCodeChecks('plr-0000-0014-u')).toBe(false);
  });

  it('a typed code is read as the till means it: case, spaces, missing hyphens and Crockford look-alikes', () => {
    expect(normaliseCouponCode('plr-7k2m-q4xd-8')).toBe('PLR-7K2M-Q4XD-8');
    expect(normaliseCouponCode(' PLR 7K2M Q4XD 8 ')).toBe('PLR-7K2M-Q4XD-8');
    expect(normaliseCouponCode('7K2MQ4XD8')).toBe('PLR-7K2M-Q4XD-8');
    expect(normaliseCouponCode('PLR-OIL0-0000-0')).toBe('PLR-0110-0000-0');
    for (const garbage of ['', 'PLR', 'PLR-7K2M-Q4XD', 'PLR-7K2M-Q4XD-88', 'PLR-7K2U-Q4XD-8', 'PLR-7K2M-Q4XD-#', 'x'.repeat(100)]) expect(normaliseCouponCode(garbage), garbage).toBeNull();
  });

  it('a log names a code by its last two characters only', () => {
    expect(codeHint('PLR-7K2M-Q4XD-8')).toBe('…D8');
  });
});
