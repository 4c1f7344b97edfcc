import { describe, expect, it } from 'vitest';
import { isValidGtin, normaliseGtin } from './barcode';

describe('barcode', () => {
  it('accepts real EAN-13, EAN-8, UPC-A and GTIN-14 codes', () => {
    for (const code of ['4006381333931', '5901234123457', '73513537', '036000291452', '10036000291459']) {
      expect(isValidGtin(code), code).toBe(true);
    }
  });

  it('refuses a wrong check digit, wrong lengths and anything not digits', () => {
    for (const code of ['4006381333932', '590123412345', '5901234', '59012341234578', '', 'abcdefghijklm', '590123412345x', ' 5901234123457']) {
      expect(isValidGtin(code), code).toBe(false);
    }
  });

  it('stores every code as 13 digits where it can, whatever a person typed around it', () => {
    expect(normaliseGtin('036000291452')).toBe('0036000291452');
    expect(normaliseGtin('05901234123457')).toBe('5901234123457');
    expect(normaliseGtin('590 1234 12345 7')).toBe('5901234123457');
    expect(normaliseGtin('5901-2341-2345-7')).toBe('5901234123457');
    expect(normaliseGtin('73513537')).toBe('73513537');
  });
});
