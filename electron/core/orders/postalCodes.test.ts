import { describe, expect, it } from 'vitest';
import { ORDER_CODE } from '../../../shared/sync/upstream';
import { mintOrderCode } from './orderCode';
import { normalisePostalCode } from './postalCodes';

describe('postal codes', () => {
  it.each([
    ['SE', '11157', '111 57'],
    ['SE', ' 111  57 ', '111 57'],
    ['PL', '00950', '00-950'],
    ['PL', '00-950', '00-950'],
    ['GR', '10431', '104 31'],
    ['GR', '104 31', '104 31'],
    ['NO', '0150', '0150'],
  ])('%s accepts "%s" and writes it "%s"', (country, typed, written) => {
    expect(normalisePostalCode(country, typed)).toBe(written);
  });

  it.each([
    ['SE', '1115'],
    ['SE', '00-950'],
    ['PL', '111 57'],
    ['PL', '0095'],
    ['GR', '1043A'],
    ['NO', '<script>'],
  ])('%s refuses "%s"', (country, typed) => {
    expect(normalisePostalCode(country, typed)).toBeNull();
  });
});

describe('order codes', () => {
  it('are eight Crockford base32 characters from 40 random bits', () => {
    expect(mintOrderCode(() => Buffer.alloc(5, 0))).toBe('0000-0000');
    expect(mintOrderCode(() => Buffer.alloc(5, 0xff))).toBe('ZZZZ-ZZZZ');
    // 0x0842108421: every 5-bit group is 00001 → "1".
    expect(mintOrderCode(() => Buffer.from([0x08, 0x42, 0x10, 0x84, 0x21]))).toBe('1111-1111');
    const codes = Array.from({ length: 2_000 }, () => mintOrderCode());
    expect(codes.every((code) => ORDER_CODE.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
